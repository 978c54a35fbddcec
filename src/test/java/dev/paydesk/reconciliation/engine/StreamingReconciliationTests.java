package dev.paydesk.reconciliation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.paydesk.reconciliation.FindingType;

/**
 * The streaming engine against the whole-run engine over the same records: two months of orders, one an
 * hour, each captured and settled the next day, with broken ones mixed in (a capture never settled, a
 * settled amount off, a line for nothing, a refund asked for and never paid, payout batches one of which
 * is short). Held open: only the orders of the horizon and the lateness, not the history.
 */
class StreamingReconciliationTests {

    private static final long DAY = 86_400;
    private static final long T0 = ReconciliationFixtures.at("2026-09-01T00:00:00Z");
    private static final int ORDERS = 60 * 24;

    /** Two months of records, in the order a merchant file and a settlement file would list them. */
    private static ReconciliationFixtures twoMonths() {
        ReconciliationFixtures f = new ReconciliationFixtures();
        for (int i = 0; i < ORDERS; i++) {
            String order = "ORD-" + i;
            long t = T0 + i * 3_600L;
            long due = 1_000 + i;
            f.orders.add(new MerchantOrder(order, "DE", "cust-" + i, due, "EUR", "card"));
            f.movements.add(new Movement("id-" + i, "ADYEN", EntryKind.CAPTURE, "CAP-" + i, null, order, "cust-" + i, true,
                    due, "EUR", "card", t));
            String batch = "B-" + (i / 24);
            if (i % 97 == 5) {
                continue; // never settled
            }
            long settled = i % 89 == 7 ? due - 250 : due;
            f.lines.add(new SettlementLine("L" + i, "ADYEN", batch, "PSP-" + i, order, "CAP-" + i, "card",
                    EntryKind.CAPTURE, t + DAY, "EUR", settled, settled, 0));
            if (i % 71 == 3) {
                f.lines.add(new SettlementLine("X" + i, "ADYEN", batch, "UNK-" + i, "NOPE-" + i, "UNKM-" + i, "card",
                        EntryKind.CAPTURE, t + DAY, "EUR", 999, 999, 0));
            }
            if (i % 53 == 11) {
                f.requests.add(new RefundRequest("RR-" + i, order, due / 2, "EUR", t + 2 * DAY));
            }
            if (i % 24 == 23) {
                long payout = i / 24 == 17 ? 100 : 0; // batch 17's payout line is off by one euro
                f.lines.add(new SettlementLine("P" + i, "ADYEN", batch, null, null, "PAYOUT-" + batch, null,
                        EntryKind.PAYOUT, t + DAY + 60, "EUR", 0, -batchNet(f, batch) - payout, 0));
            }
        }
        return f;
    }

    private static long batchNet(ReconciliationFixtures f, String batch) {
        long net = 0;
        for (SettlementLine l : f.lines) {
            if (batch.equals(l.batch) && l.kind != EntryKind.PAYOUT) {
                net += l.net;
            }
        }
        return net;
    }

    private static Set<String> keys(List<Anomaly> anomalies) {
        Set<String> out = new TreeSet<>();
        anomalies.forEach(a -> out.add(a.key() + "|" + a.market()));
        return out;
    }

    /** Feeds the records: merchant records and lines interleaved by time, each stream in its own order. */
    private static StreamingReconciliation.Summary stream(ReconciliationFixtures f, List<Object> merchant, int horizonDays,
                                                          long lateness, long now) {
        StreamingReconciliation s = new StreamingReconciliation(f.thresholds, f.businessDays, now, horizonDays, lateness);
        int li = 0;
        for (Object r : merchant) {
            long at = r instanceof Movement m ? m.at : r instanceof RefundRequest q ? q.at() : -1;
            while (at >= 0 && li < f.lines.size() && f.lines.get(li).at <= at) {
                s.add(f.lines.get(li++));
            }
            switch (r) {
                case MerchantOrder o -> s.add(o, f.movements.stream().filter(m -> o.ref().equals(m.orderRef)).findFirst()
                        .orElseThrow().at);
                case Movement m -> s.add(m);
                case RefundRequest q -> s.add(q);
                default -> throw new IllegalStateException();
            }
        }
        while (li < f.lines.size()) {
            s.add(f.lines.get(li++));
        }
        return s.finish();
    }

    /** Order, capture, and (listed with its order, days early) the refund request; as a merchant export lists them. */
    private static List<Object> merchantFileOrder(ReconciliationFixtures f) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < f.orders.size(); i++) {
            out.add(f.orders.get(i));
            out.add(f.movements.get(i));
            String ref = f.orders.get(i).ref();
            f.requests.stream().filter(r -> r.orderRef().equals(ref)).forEach(out::add);
        }
        return out;
    }

    @Test
    void findsWhatTheWholeRunFindsWhileHoldingOnlyAFewDaysOfOrders() {
        ReconciliationFixtures f = twoMonths();
        long now = T0 + 70 * DAY;
        ReconciliationEngine.Result whole = f.run("2026-11-10T00:00:00Z");
        Set<String> expected = keys(whole.anomalies());
        assertThat(ReconciliationFixtures.of(whole, FindingType.MISSING_SETTLEMENT)).isNotEmpty();
        assertThat(ReconciliationFixtures.of(whole, FindingType.AMOUNT_MISMATCH)).hasSizeGreaterThan(1);
        assertThat(ReconciliationFixtures.of(whole, FindingType.UNMATCHED_SETTLEMENT)).isNotEmpty();
        assertThat(ReconciliationFixtures.of(whole, FindingType.FAILED_REFUND)).isNotEmpty();
        assertThat(whole.anomalies()).anyMatch(a -> a.scope().equals("batch:ADYEN:B-17"));

        StreamingReconciliation.Summary streamed = stream(f, merchantFileOrder(f), 4, 3 * DAY, now);

        assertThat(keys(streamed.anomalies())).isEqualTo(expected);
        assertThat(streamed.orders()).isEqualTo(ORDERS);
        assertThat(streamed.lines()).isEqualTo(f.lines.size());
        assertThat(streamed.batches()).hasSize(60);
        // orders of the horizon (4 days), the lateness (3), and the two days a day waits to be indexed and matched
        assertThat(streamed.mostOpenOrders()).isLessThanOrEqualTo(10 * 24).isLessThan(ORDERS / 5);
    }

    @Test
    void recordsOutOfOrderWithinTheLatenessChangeNothing() {
        ReconciliationFixtures f = twoMonths();
        long now = T0 + 70 * DAY;
        Set<String> expected = keys(f.run("2026-11-10T00:00:00Z").anomalies());
        List<Object> merchant = merchantFileOrder(f);
        // shuffle within blocks of 12 hours of orders: each record at most half a day out of place
        Random random = new Random(7);
        for (int from = 0; from < merchant.size(); from += 36) {
            Collections.shuffle(merchant.subList(from, Math.min(merchant.size(), from + 36)), random);
        }
        for (int from = 0; from < f.lines.size(); from += 12) {
            Collections.shuffle(f.lines.subList(from, Math.min(f.lines.size(), from + 12)), random);
        }
        assertThat(keys(stream(f, merchant, 4, 3 * DAY, now).anomalies())).isEqualTo(expected);
    }

    @Test
    void aLineLaterThanTheHorizonFindsItsOrderClosedAndIsReportedUnmatched() {
        ReconciliationFixtures f = new ReconciliationFixtures();
        f.order("ORD-1", 5_000);
        f.capture("CAP-1", "ORD-1", 5_000, "2026-09-01T10:00:00Z");
        f.line("ADYEN", EntryKind.CAPTURE, "PSP-1", "ORD-1", "CAP-1", 5_000, "2026-09-02T10:00:00Z");
        f.order("ORD-2", 7_000);
        f.capture("CAP-2", "ORD-2", 7_000, "2026-09-20T10:00:00Z");
        f.line("ADYEN", EntryKind.CAPTURE, "PSP-2", "ORD-2", "CAP-2", 7_000, "2026-09-21T10:00:00Z");
        // a chargeback for the first order, three weeks later
        f.line("ADYEN", EntryKind.CHARGEBACK, "PSP-1", "ORD-1", "CB-1", -5_000, "2026-09-22T10:00:00Z");
        long now = ReconciliationFixtures.at("2026-10-01T00:00:00Z");

        StreamingReconciliation.Summary streamed = stream(f, List.of(f.orders.get(0), f.movements.get(0), f.orders.get(1),
                f.movements.get(1)), 7, DAY, now);

        assertThat(streamed.anomalies()).extracting(Anomaly::scope).contains("line:L3");
        assertThat(f.run("2026-10-01T00:00:00Z").anomalies()).extracting(Anomaly::scope).doesNotContain("line:L3");
    }

    @Test
    void aLineWithoutATimeIsMatchedAtTheEndAgainstTheOrdersStillOpen() {
        ReconciliationFixtures f = new ReconciliationFixtures();
        f.order("ORD-1", 5_000);
        f.capture("CAP-1", "ORD-1", 5_000, "2026-09-01T10:00:00Z");
        f.order("ORD-2", 7_000);
        f.capture("CAP-2", "ORD-2", 7_000, "2026-09-20T10:00:00Z");
        f.line("ADYEN", EntryKind.CAPTURE, "PSP-2", "ORD-2", "CAP-2", 7_000, "2026-09-21T10:00:00Z");
        // the settlement of both captures without a booking time (an unbooked line): ORD-1 is closed by then
        f.lines.add(new SettlementLine("U1", "ADYEN", "B1", "PSP-1", "ORD-1", "CAP-1", "card", EntryKind.CAPTURE, 0, "EUR",
                5_000, 5_000, 0));
        f.lines.add(new SettlementLine("U2", "ADYEN", "B1", "PSP-2", "ORD-2", "CAP-2", "card", EntryKind.CAPTURE, 0, "EUR",
                7_000, 7_000, 0));
        long now = ReconciliationFixtures.at("2026-10-01T00:00:00Z");
        StreamingReconciliation s = new StreamingReconciliation(f.thresholds, f.businessDays, now, 7, DAY);
        s.add(f.orders.get(0), f.movements.get(0).at);
        s.add(f.movements.get(0));
        s.add(f.lines.get(1));
        s.add(f.orders.get(1), f.movements.get(1).at);
        s.add(f.movements.get(1));
        s.add(f.lines.get(0));
        s.add(f.lines.get(2));

        StreamingReconciliation.Summary streamed = s.finish();

        // ORD-2 still open at the end: its second settlement line is matched to it (settled twice, as the whole run says)
        Set<String> whole = keys(f.run("2026-10-01T00:00:00Z").anomalies());
        Set<String> ord2Whole = new TreeSet<>(whole);
        ord2Whole.removeIf(k -> !k.contains("ORD-2") && !k.contains("CAP-2") && !k.contains("U2"));
        Set<String> ord2Streamed = new TreeSet<>(keys(streamed.anomalies()));
        ord2Streamed.removeIf(k -> !k.contains("ORD-2") && !k.contains("CAP-2") && !k.contains("U2"));
        assertThat(ord2Streamed).isEqualTo(ord2Whole).isNotEmpty();
        // ORD-1 was closed weeks before: its capture is unsettled and the unbooked line finds no order
        assertThat(streamed.anomalies()).extracting(Anomaly::scope).contains("line:U1");
        assertThat(whole).noneMatch(k -> k.contains("line:U1"));
    }

    @Test
    void aCaptureOfAProviderWhoseLinesStartAfterItsOrderClosedIsStillMissingItsSettlement() {
        // found in review: the stream judged a missing settlement only for providers whose lines it had matched when
        // the order closed; the whole run knows every provider with lines in the run
        ReconciliationFixtures f = new ReconciliationFixtures();
        f.order("ORD-0", 4_000);
        f.movement("STRIPE", EntryKind.CAPTURE, "ch_0", null, "ORD-0", 4_000, "card", "2026-09-01T10:00:00Z");
        List<Object> merchant = new ArrayList<>(List.of(f.orders.get(0), f.movements.get(0)));
        for (int d = 1; d <= 30; d++) {
            String day = String.format("2026-09-%02dT10:00:00Z", d);
            String next = String.format("2026-09-%02dT12:00:00Z", Math.min(d + 1, 30));
            // Adyen settles from the first day, so the stream moves on; Stripe's reports start on day 12
            f.order("A-" + d, 2_000 + d);
            merchant.add(f.orders.getLast());
            merchant.add(f.capture("cap_" + d, "A-" + d, 2_000 + d, day));
            f.line("ADYEN", EntryKind.CAPTURE, "psp_" + d, "A-" + d, "cap_" + d, 2_000 + d, next);
            f.order("ORD-" + d, 1_000 + d);
            merchant.add(f.orders.getLast());
            merchant.add(f.movement("STRIPE", EntryKind.CAPTURE, "ch_" + d, null, "ORD-" + d, 1_000 + d, "card", day));
            if (d >= 12) {
                f.line("STRIPE", EntryKind.CAPTURE, "ch_" + d, "ORD-" + d, null, 1_000 + d, next);
            }
        }
        long now = ReconciliationFixtures.at("2026-11-01T00:00:00Z");
        Set<String> whole = keys(f.run("2026-11-01T00:00:00Z").anomalies());
        assertThat(whole).anyMatch(k -> k.startsWith("MISSING_SETTLEMENT") && k.contains("ch_0"));

        assertThat(keys(stream(f, merchant, 4, DAY, now).anomalies())).isEqualTo(whole);
    }

    @Test
    void takesNothingAfterFinishing() {
        StreamingReconciliation s = new StreamingReconciliation(Thresholds.DEFAULTS, BusinessDays.WEEKDAYS_UTC, 0, 1, 0);
        s.finish();
        assertThatThrownBy(() -> s.add(new RefundRequest("RR", "ORD", 1, "EUR", 1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new StreamingReconciliation(Thresholds.DEFAULTS, BusinessDays.WEEKDAYS_UTC, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
