package dev.paydesk.reconciliation.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.paydesk.reconciliation.FindingType;

/** Builds one engine run's records in a few words; times are instants, amounts minor units of EUR. */
final class ReconciliationFixtures {

    final List<MerchantOrder> orders = new ArrayList<>();
    final List<Movement> movements = new ArrayList<>();
    final List<RefundRequest> requests = new ArrayList<>();
    final List<SettlementLine> lines = new ArrayList<>();
    Thresholds thresholds = Thresholds.DEFAULTS;
    BusinessDays businessDays = BusinessDays.WEEKDAYS_UTC;
    private int lineIds;

    static long at(String instant) {
        return Instant.parse(instant).getEpochSecond();
    }

    ReconciliationFixtures order(String ref, long due) {
        return order(ref, due, "card");
    }

    ReconciliationFixtures order(String ref, long due, String method) {
        orders.add(new MerchantOrder(ref, "DE", "cust-" + ref, due, "EUR", method));
        return this;
    }

    Movement movement(String provider, EntryKind kind, String ref, String original, String order, long amount,
                      String method, String time) {
        Movement m = new Movement("id-" + ref + kind, provider, kind, ref, original, order, "cust-" + order, true, amount,
                "EUR", method, at(time));
        movements.add(m);
        return m;
    }

    Movement capture(String ref, String order, long amount, String time) {
        return movement("ADYEN", EntryKind.CAPTURE, ref, "auth-" + order, order, amount, "card", time);
    }

    Movement refund(String ref, String capture, String order, long amount, String time) {
        return movement("ADYEN", EntryKind.REFUND, ref, capture, order, amount, "card", time);
    }

    SettlementLine line(String provider, EntryKind kind, String psp, String merchantRef, String mod, long gross,
                        String time) {
        return line(provider, kind, psp, merchantRef, mod, gross, gross, 0, "EUR", time, "B1");
    }

    SettlementLine line(String provider, EntryKind kind, String psp, String merchantRef, String mod, long gross, long net,
                        long fees, String currency, String time, String batch) {
        SettlementLine l = new SettlementLine("L" + (++lineIds), provider, batch, psp, merchantRef, mod, "card", kind,
                at(time), currency, gross, net, fees);
        lines.add(l);
        return l;
    }

    ReconciliationFixtures request(String ref, String order, long amount, String time) {
        requests.add(new RefundRequest(ref, order, amount, "EUR", at(time)));
        return this;
    }

    ReconciliationEngine.Result run(String now) {
        return new ReconciliationEngine(thresholds, businessDays)
                .run(new ReconciliationEngine.Input(orders, movements, requests, lines), at(now));
    }

    static List<Anomaly> of(ReconciliationEngine.Result result, FindingType type) {
        return result.anomalies().stream().filter(a -> a.type() == type).toList();
    }
}
