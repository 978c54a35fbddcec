/**
 * Payments mirror: orders and every money movement from every PSP (authorisations, captures,
 * refunds and their failures, chargebacks, payouts), fed by signed webhooks, normalised to one
 * model, stored idempotently, with an order timeline and running balances.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
@org.jspecify.annotations.NullMarked
package dev.paydesk.payments;
