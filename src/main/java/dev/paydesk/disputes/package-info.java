/**
 * Dispute desk: chargebacks and PSP disputes from first notice to outcome. Provider notifications
 * become one lifecycle per dispute (stage only forward, final statuses final), with a respond-by date
 * on the market's business calendar, a reason-code catalogue, evidence packs, an accept-or-fight
 * recommendation and chargeback-ratio monitoring. The public API is this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Disputes")
@org.jspecify.annotations.NullMarked
package dev.paydesk.disputes;
