/** Payments mirror: orders, payments, refunds, disputes from PSP webhooks and files (not built yet). */
@org.jspecify.annotations.NullMarked
package dev.paydesk.payments;
