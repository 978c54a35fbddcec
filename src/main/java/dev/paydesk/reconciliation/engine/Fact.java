package dev.paydesk.reconciliation.engine;

import org.jspecify.annotations.Nullable;

/**
 * One money fact of an order as the detectors see it, whichever source it came from: a provider
 * movement (settled when a line matched it) or a settlement line booked straight to the order.
 */
record Fact(EntryKind kind, String ref, @Nullable String originalRef, String provider, @Nullable String method,
            long amount, String currency, long at, boolean settled, @Nullable String customer, @Nullable String lineId) {

    static Fact of(Movement m) {
        return new Fact(m.kind, m.ref, m.originalRef, m.provider, m.method, m.amount, m.currency, m.at,
                m.linesMatched > 0, m.customer, null);
    }

    static Fact of(SettlementLine l) {
        return new Fact(l.kind, l.reference(), l.pspRef, l.provider, l.method, l.amount(),
                l.currency == null ? "" : l.currency, l.at, true, null, l.id);
    }

    /** The record behind the fact, as findings cite it. */
    String evidence() {
        return lineId == null ? "movement:" + ref : "line:" + lineId;
    }

    boolean isBankTransfer() {
        return kind == EntryKind.BANK_CREDIT || "BANK".equals(provider) || "bank_transfer".equals(method);
    }
}
