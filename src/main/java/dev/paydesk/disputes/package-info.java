/** Dispute desk: chargebacks and PSP disputes (not built yet). */
@org.jspecify.annotations.NullMarked
package dev.paydesk.disputes;
