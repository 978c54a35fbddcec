package dev.paydesk.reconciliation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.paydesk.payments.PaymentRecords;
import dev.paydesk.payments.Provider;
import dev.paydesk.payments.TransactionKind;
import dev.paydesk.reconciliation.engine.EntryKind;
import dev.paydesk.reconciliation.engine.MerchantOrder;
import dev.paydesk.reconciliation.engine.Movement;
import dev.paydesk.reconciliation.engine.ReconciliationEngine;
import dev.paydesk.reconciliation.engine.RefundRequest;
import dev.paydesk.reconciliation.engine.SettlementLine;

/** Collects the payments mirror's rows, as streamed, into the engine's records. */
final class EngineInput implements PaymentRecords.RecordSink {

    private final List<MerchantOrder> orders = new ArrayList<>();
    private final List<Movement> movements = new ArrayList<>();
    private final List<RefundRequest> requests = new ArrayList<>();
    private final List<SettlementLine> lines = new ArrayList<>();
    private int sortedMovements;
    private int sortedLines;
    private final java.util.Set<String> orderRefs = new java.util.HashSet<>();
    private final java.util.Set<java.util.UUID> movementIds = new java.util.HashSet<>();
    private final java.util.Set<String> requestRefs = new java.util.HashSet<>();
    private final java.util.Set<java.util.UUID> lineKeys = new java.util.HashSet<>();

    @Override
    public void order(PaymentRecords.OrderRecord o) {
        if (!orderRefs.add(o.merchantReference())) {
            return;
        }
        orders.add(new MerchantOrder(o.merchantReference(), o.market(), o.customerReference(),
                o.amountDueMinor() == null ? MerchantOrder.UNKNOWN : o.amountDueMinor(), o.currency(), o.expectedMethod()));
    }

    @Override
    public void transaction(PaymentRecords.TransactionRecord t) {
        if (!movementIds.add(t.id())) {
            return;
        }
        EntryKind kind = kind(t.kind());
        String status = t.status().toLowerCase(Locale.ROOT);
        boolean ok = !(status.contains("fail") || status.contains("refused") || status.contains("cancel")
                || status.contains("error"));
        movements.add(new Movement(t.id().toString(), t.provider().name(), kind, t.providerReference(),
                t.originalReference(), t.merchantReference(), t.customerReference(), ok, t.amountMinor(), t.currency(),
                t.method(), t.occurredAt().getEpochSecond()));
    }

    @Override
    public void refundRequest(PaymentRecords.RefundRequestRecord r) {
        if (!requestRefs.add(r.refundReference())) {
            return;
        }
        requests.add(new RefundRequest(r.refundReference(), r.merchantReference(), r.amountMinor(), r.currency(),
                r.requestedAt().getEpochSecond()));
    }

    @Override
    public void settlementLine(PaymentRecords.SettlementLineRecord l) {
        if (!lineKeys.add(l.lineKey())) {
            return;
        }
        EntryKind kind = EntryKind.ofRecordType(l.recordType());
        if (kind == EntryKind.OTHER && l.provider() == Provider.BANK && l.grossMinor() > 0) {
            kind = EntryKind.BANK_CREDIT;
        }
        String currency = l.grossCurrency() != null ? l.grossCurrency() : l.netCurrency();
        lines.add(new SettlementLine(l.lineKey().toString(), l.provider().name(), l.batch(), l.pspReference(),
                l.merchantReference(), l.modificationReference(), l.paymentMethod(), kind,
                l.bookedAt() == null ? 0 : l.bookedAt().getEpochSecond(), currency, l.grossMinor(), l.netMinor(),
                l.feesMinor()));
    }

    static EntryKind kind(TransactionKind kind) {
        return switch (kind) {
            case CAPTURE -> EntryKind.CAPTURE;
            case BANK_CREDIT -> EntryKind.BANK_CREDIT;
            case REFUND -> EntryKind.REFUND;
            case REFUND_FAILED -> EntryKind.REFUND_FAILED;
            case REFUND_REVERSED -> EntryKind.REFUND_REVERSED;
            case DISPUTE_NOTICE -> EntryKind.DISPUTE;
            case CHARGEBACK -> EntryKind.CHARGEBACK;
            case CHARGEBACK_REVERSED -> EntryKind.CHARGEBACK_REVERSED;
            case PAYOUT -> EntryKind.PAYOUT;
            case FEE -> EntryKind.FEE;
            default -> EntryKind.OTHER;
        };
    }

    /**
     * Sorts the movements and settlement lines read since the last call by time (stable), as the engine
     * expects them; the database sends them unordered.
     */
    void sortLatestRead() {
        movements.subList(sortedMovements, movements.size()).sort(java.util.Comparator.comparingLong(Movement::at));
        // a line without a booking time last, as PostgreSQL sorts nulls
        lines.subList(sortedLines, lines.size()).sort(java.util.Comparator.comparingLong(l -> l.at() == 0 ? Long.MAX_VALUE : l.at()));
        sortedMovements = movements.size();
        sortedLines = lines.size();
    }

    boolean hasOrder(String merchantReference) {
        return orderRefs.contains(merchantReference);
    }

    ReconciliationEngine.Input input() {
        return new ReconciliationEngine.Input(orders, movements, requests, lines);
    }
}
