/**
 * Reconciliation: matches the merchant's records, the providers' movements and settlement lines, finds
 * broken money (failed refunds, overpayments, unmatched settlements...) and keeps one finding per
 * anomaly, publishing {@link dev.paydesk.reconciliation.FindingOpened} and {@link dev.paydesk.reconciliation.FindingResolved}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reconciliation")
@org.jspecify.annotations.NullMarked
package dev.paydesk.reconciliation;
