package dev.paydesk.reconciliation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.paydesk.payments.PaymentRecords;
import dev.paydesk.payments.Provider;
import dev.paydesk.payments.TransactionKind;
import dev.paydesk.reconciliation.engine.EntryKind;
import dev.paydesk.reconciliation.engine.MerchantOrder;
import dev.paydesk.reconciliation.engine.Movement;
import dev.paydesk.reconciliation.engine.ReconciliationEngine;
import dev.paydesk.reconciliation.engine.RefundRequest;
import dev.paydesk.reconciliation.engine.SettlementLine;

/**
 * Collects the payments mirror's rows, as streamed, into the engine's records. A read sends each record
 * once, so the first read is collected without look-ups; a further read into the same input (the
 * remittance pass) first indexes what is there and then keeps only records not yet collected.
 */
final class EngineInput implements PaymentRecords.RecordSink {

    private final List<MerchantOrder> orders = new ArrayList<>();
    private final List<Movement> movements = new ArrayList<>();
    private final List<RefundRequest> requests = new ArrayList<>();
    private final List<SettlementLine> lines = new ArrayList<>();
    private int sortedMovements;
    private int sortedLines;
    private boolean wordsFollowed;
    private final java.util.Map<String, EntryKind> recordTypes = new java.util.HashMap<>();
    /** Null until {@link #index} (the first read needs no de-duplication). */
    private java.util.@Nullable Set<String> orderRefs;
    private final java.util.Set<String> movementIds = new java.util.HashSet<>();
    private final java.util.Set<String> requestRefs = new java.util.HashSet<>();
    private final java.util.Set<String> lineKeys = new java.util.HashSet<>();

    @Override
    public void order(PaymentRecords.OrderRecord o) {
        if (orderRefs != null && !orderRefs.add(o.merchantReference())) {
            return;
        }
        orders.add(new MerchantOrder(o.merchantReference(), o.market(), o.customerReference(),
                o.amountDueMinor() == null ? MerchantOrder.UNKNOWN : o.amountDueMinor(), o.currency(), o.expectedMethod()));
    }

    @Override
    public void transaction(PaymentRecords.TransactionRecord t) {
        String id = t.id().toString();
        if (orderRefs != null && !movementIds.add(id)) {
            return;
        }
        EntryKind kind = kind(t.kind());
        String status = t.status().toLowerCase(Locale.ROOT);
        boolean ok = !(status.contains("fail") || status.contains("refused") || status.contains("cancel")
                || status.contains("error"));
        movements.add(new Movement(id, t.provider().name(), kind, t.providerReference(),
                t.originalReference(), t.merchantReference(), t.customerReference(), ok, t.amountMinor(), t.currency(),
                t.method(), t.occurredAt().getEpochSecond()));
    }

    @Override
    public void refundRequest(PaymentRecords.RefundRequestRecord r) {
        if (orderRefs != null && !requestRefs.add(r.refundReference())) {
            return;
        }
        requests.add(new RefundRequest(r.refundReference(), r.merchantReference(), r.amountMinor(), r.currency(),
                r.requestedAt().getEpochSecond()));
    }

    @Override
    public void settlementLine(PaymentRecords.SettlementLineRecord l) {
        String key = l.lineKey().toString();
        if (orderRefs != null && !lineKeys.add(key)) {
            return;
        }
        // the reader shares one String per record type: look each up once, not lower-cased per line
        EntryKind kind = recordTypes.computeIfAbsent(l.recordType(), EntryKind::ofRecordType);
        if (kind == EntryKind.OTHER && l.provider() == Provider.BANK && l.grossMinor() > 0) {
            kind = EntryKind.BANK_CREDIT;
        }
        String currency = l.grossCurrency() != null ? l.grossCurrency() : l.netCurrency();
        lines.add(new SettlementLine(key, l.provider().name(), l.batch(), l.pspReference(),
                l.merchantReference(), l.modificationReference(), l.paymentMethod(), kind,
                l.bookedAt() == null ? 0 : l.bookedAt().getEpochSecond(), currency, l.grossMinor(), l.netMinor(),
                l.feesMinor()));
    }

    @Override
    public void remittanceWordsFollowed() {
        wordsFollowed = true;
    }

    /** Whether the read already sent every order named by a word of its lines' free text. */
    boolean wordsFollowed() {
        return wordsFollowed;
    }

    /** Indexes the records collected so far, so that a further read adds only records not yet here. */
    void index() {
        if (orderRefs != null) {
            return;
        }
        java.util.Set<String> refs = new java.util.HashSet<>();
        orders.forEach(o -> refs.add(o.ref()));
        movements.forEach(m -> movementIds.add(m.id()));
        requests.forEach(r -> requestRefs.add(r.ref()));
        lines.forEach(l -> lineKeys.add(l.id()));
        orderRefs = refs;
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
        sortTail(movements, sortedMovements, java.util.Comparator.comparingLong(Movement::at));
        // a line without a booking time last, as PostgreSQL sorts nulls
        sortTail(lines, sortedLines, java.util.Comparator.comparingLong(l -> l.at() == 0 ? Long.MAX_VALUE : l.at()));
        sortedMovements = movements.size();
        sortedLines = lines.size();
    }

    /** Stable sort of {@code list} from {@code from} on, on all cores (the database is idle meanwhile). */
    @SuppressWarnings("unchecked")
    private static <T> void sortTail(List<T> list, int from, java.util.Comparator<? super T> order) {
        List<T> tail = list.subList(from, list.size());
        T[] sorted = (T[]) tail.toArray();
        java.util.Arrays.parallelSort(sorted, order);
        for (int i = 0; i < sorted.length; i++) {
            tail.set(i, sorted[i]);
        }
    }

    boolean hasOrder(String merchantReference) {
        index();
        return java.util.Objects.requireNonNull(orderRefs).contains(merchantReference);
    }

    ReconciliationEngine.Input input() {
        return new ReconciliationEngine.Input(orders, movements, requests, lines);
    }
}
