package dev.paydesk.reconciliation.engine;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Everything one engine run knows about an order: the merchant's record, movements, lines booked to it, requests. */
final class OrderFile {

    final String ref;
    @Nullable MerchantOrder order;
    @Nullable List<Movement> movements;
    @Nullable List<SettlementLine> lines;
    @Nullable List<RefundRequest> requests;

    OrderFile(String ref) {
        this.ref = ref;
    }

    void add(Movement m) {
        if (movements == null) {
            movements = new ArrayList<>(2);
        }
        movements.add(m);
    }

    void add(SettlementLine l) {
        if (lines == null) {
            lines = new ArrayList<>(2);
        }
        lines.add(l);
    }

    void add(RefundRequest r) {
        if (requests == null) {
            requests = new ArrayList<>(1);
        }
        requests.add(r);
    }

    List<Movement> movements() {
        return movements == null ? List.of() : movements;
    }

    List<SettlementLine> lines() {
        return lines == null ? List.of() : lines;
    }

    List<RefundRequest> requests() {
        return requests == null ? List.of() : requests;
    }
}
