package dev.paydesk.reconciliation.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.paydesk.reconciliation.FindingType;

/**
 * Many-to-one: all lines of a settlement batch against the one payout that paid them out, either a
 * payout movement whose reference is the batch or a payout line inside the batch. The batch's net
 * must equal the payout within the provider's tolerance.
 *
 * <p>A running tally: each line is counted once its match is known ({@link #add}), so the lines
 * themselves need not be kept; {@link #reconcile} checks every batch at the end, in the order the
 * batches were first seen.
 */
final class PayoutBatches {

    /** A settlement batch: the provider's batch (payout) reference. */
    private record BatchKey(String provider, String batch) {
    }

    private final Thresholds thresholds;
    private final Map<BatchKey, Tally> batches = new LinkedHashMap<>();
    private @Nullable Tally last;

    PayoutBatches(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** What a batch's lines add up to; currency, provider and batch from its first line. */
    private static final class Tally {
        final String provider;
        final String batch;
        final String currency;
        int lines;
        int matched;
        int unmatched;
        long gross;
        long net;
        long fees;
        long difference;
        long payoutLines;
        boolean hasPayoutLine;

        Tally(SettlementLine first) {
            this.provider = first.provider;
            this.batch = first.batch;
            this.currency = first.currency == null ? "" : first.currency;
        }
    }

    /** Counts a line whose match (or none) is final. Lines without a batch are not counted. */
    void add(SettlementLine l) {
        if (l.batch == null) {
            return;
        }
        Tally t = last;
        if (t == null || !l.batch.equals(t.batch) || !l.provider.equals(t.provider)) {
            t = batches.computeIfAbsent(new BatchKey(l.provider, l.batch), k -> new Tally(l));
            last = t;
        }
        t.lines++;
        if (l.kind == EntryKind.PAYOUT) {
            t.payoutLines += l.net != 0 ? l.net : l.gross;
            t.hasPayoutLine = true;
            return;
        }
        t.gross += l.gross;
        t.net += l.net;
        t.fees += l.fees;
        if (l.kind.batchOnly()) {
            return;
        }
        if (l.match == null) {
            t.unmatched++;
        } else {
            t.matched++;
            t.difference += l.match.withinTolerance() ? 0 : Math.abs(l.match.differenceMinor());
        }
    }

    /**
     * Checks every batch against its payout: the payout movement of the batch's reference
     * ({@code payoutOf}, which may answer null), else the batch's payout lines.
     */
    List<BatchReport> reconcile(List<Anomaly> anomalies, Map<MatchRule, Integer> byRule,
                                Function<String, @Nullable Movement> payoutOf) {
        List<BatchReport> reports = new ArrayList<>(batches.size());
        for (Tally t : batches.values()) {
            Movement payout = payoutOf.apply(t.batch);
            long expected;
            boolean checked = payout != null || t.hasPayoutLine;
            if (payout != null) {
                expected = payout.amount;
                payout.linesMatched += t.lines;
                byRule.merge(MatchRule.PAYOUT_BATCH, 1, Integer::sum);
            } else {
                expected = -t.payoutLines;
            }
            Tolerance tolerance = thresholds.tolerance(t.provider);
            boolean reconciled = !checked || tolerance.accepts(expected, t.net);
            if (!reconciled) {
                String scope = "batch:" + t.provider + ":" + t.batch;
                anomalies.add(new Anomaly(FindingType.AMOUNT_MISMATCH, "AMOUNT_MISMATCH:" + scope, scope, null,
                        t.provider, null, payout != null ? payout.ref : t.batch, null, null,
                        Math.abs(t.net - expected), t.currency,
                        "Payout batch " + t.batch + " paid out " + DetectionContext.format(expected, t.currency)
                                + " but its lines net " + DetectionContext.format(t.net, t.currency),
                        List.of(payout != null ? "movement:" + payout.ref : "batch:" + t.batch)));
            }
            reports.add(new BatchReport(t.provider, t.batch, t.currency, t.lines, t.matched, t.unmatched,
                    t.gross, t.net, t.fees, t.difference, expected, reconciled));
        }
        return reports;
    }

    /** The latest payout movement filed under a reference (a chain of movements sharing it). */
    static @Nullable Movement payoutIn(@Nullable Movement chain) {
        for (Movement m = chain; m != null; m = m.nextWithSameRef) {
            if (m.kind == EntryKind.PAYOUT) {
                return m;
            }
        }
        return null;
    }
}
