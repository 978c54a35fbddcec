package dev.paydesk.reconciliation.engine;

/**
 * One settlement batch (payout) as reconciled: lines matched and unmatched, the money in it and the
 * amount by which matched lines differ from their movements. Amounts in the batch's first currency.
 */
public record BatchReport(String provider, String batch, String currency, int lines, int matched, int unmatched,
                          long grossMinor, long netMinor, long feesMinor, long differenceMinor, long payoutMinor,
                          boolean payoutReconciled) {
}
