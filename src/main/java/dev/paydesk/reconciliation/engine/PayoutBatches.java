package dev.paydesk.reconciliation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.paydesk.reconciliation.FindingType;

/**
 * Many-to-one: all lines of a settlement batch against the one payout that paid them out, either a
 * payout movement whose reference is the batch or a payout line inside the batch. The batch's net
 * must equal the payout within the provider's tolerance.
 */
final class PayoutBatches {

    private final Thresholds thresholds;
    private final Map<String, Movement> byRef;

    PayoutBatches(Thresholds thresholds, Map<String, Movement> byRef) {
        this.thresholds = thresholds;
        this.byRef = byRef;
    }

    List<BatchReport> reconcile(List<SettlementLine> lines, List<Anomaly> anomalies, Map<MatchRule, Integer> byRule) {
        List<BatchReport> reports = new ArrayList<>();
        for (Map.Entry<ReconciliationEngine.BatchKey, List<SettlementLine>> batch : ReconciliationEngine.byBatch(lines).entrySet()) {
            List<SettlementLine> batchLines = batch.getValue();
            SettlementLine first = batchLines.get(0);
            String currency = first.currency == null ? "" : first.currency;
            int matched = 0;
            int unmatched = 0;
            long gross = 0;
            long net = 0;
            long fees = 0;
            long difference = 0;
            long payoutLines = 0;
            boolean hasPayoutLine = false;
            for (SettlementLine l : batchLines) {
                if (l.kind == EntryKind.PAYOUT) {
                    payoutLines += l.net != 0 ? l.net : l.gross;
                    hasPayoutLine = true;
                    continue;
                }
                gross += l.gross;
                net += l.net;
                fees += l.fees;
                if (l.kind.batchOnly()) {
                    continue;
                }
                if (l.match == null) {
                    unmatched++;
                } else {
                    matched++;
                    difference += l.match.withinTolerance() ? 0 : Math.abs(l.match.differenceMinor());
                }
            }
            Movement payout = movementPayout(first.batch);
            long expected;
            boolean checked = payout != null || hasPayoutLine;
            if (payout != null) {
                expected = payout.amount;
                payout.linesMatched += batchLines.size();
                byRule.merge(MatchRule.PAYOUT_BATCH, 1, Integer::sum);
            } else {
                expected = -payoutLines;
            }
            Tolerance tolerance = thresholds.tolerance(first.provider);
            boolean reconciled = !checked || tolerance.accepts(expected, net);
            if (!reconciled) {
                String scope = "batch:" + first.provider + ":" + first.batch;
                anomalies.add(new Anomaly(FindingType.AMOUNT_MISMATCH, "AMOUNT_MISMATCH:" + scope, scope, null,
                        first.provider, null, payout != null ? payout.ref : first.batch, null, null,
                        Math.abs(net - expected), currency,
                        "Payout batch " + first.batch + " paid out " + DetectionContext.format(expected, currency)
                                + " but its lines net " + DetectionContext.format(net, currency),
                        List.of(payout != null ? "movement:" + payout.ref : "batch:" + first.batch)));
            }
            reports.add(new BatchReport(first.provider, first.batch, currency, batchLines.size(), matched, unmatched,
                    gross, net, fees, difference, expected, reconciled));
        }
        return reports;
    }

    private Movement movementPayout(String batch) {
        for (Movement m = byRef.get(batch); m != null; m = m.nextWithSameRef) {
            if (m.kind == EntryKind.PAYOUT) {
                return m;
            }
        }
        return null;
    }
}
