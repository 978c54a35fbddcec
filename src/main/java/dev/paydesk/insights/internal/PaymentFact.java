package dev.paydesk.insights.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.payments.PaymentRecords.RefundRequestRecord;
import dev.paydesk.payments.PaymentRecords.TransactionRecord;
import dev.paydesk.payments.TransactionKind;

/**
 * A capture or a refund as insights counts it, keyed by the movement's id.
 *
 * @param failed a refund with a failed status, or one a later REFUND_FAILED / REFUND_REVERSED names
 * @param requestedAt the merchant's refund request paired with this refund (same order, amount and
 *                    currency; earliest unpaired request at or before the refund)
 * @param firstCapture the order's first successful capture (the order counts on its day)
 */
record PaymentFact(UUID transactionId, String kind, String providerReference, @Nullable String merchantReference,
                   String market, String provider, String method, Instant occurredAt, boolean failed,
                   long amountMinor, String currency, @Nullable Instant requestedAt, @Nullable Integer turnaroundMinutes,
                   boolean firstCapture) {

    /** A movement that is not an order's first capture. */
    PaymentFact(UUID transactionId, String kind, String providerReference, @Nullable String merchantReference,
                String market, String provider, String method, Instant occurredAt, boolean failed,
                long amountMinor, String currency, @Nullable Instant requestedAt, @Nullable Integer turnaroundMinutes) {
        this(transactionId, kind, providerReference, merchantReference, market, provider, method, occurredAt, failed,
                amountMinor, currency, requestedAt, turnaroundMinutes, false);
    }

    /** The facts of one order from all its movements and refund requests. */
    static List<PaymentFact> ofOrder(@Nullable String market, List<TransactionRecord> movements,
                                     List<RefundRequestRecord> requests) {
        Set<String> undone = new HashSet<>();
        for (TransactionRecord t : movements) {
            if ((t.kind() == TransactionKind.REFUND_FAILED || t.kind() == TransactionKind.REFUND_REVERSED)
                    && t.originalReference() != null) {
                undone.add(t.originalReference());
            }
        }
        List<RefundRequestRecord> open = new ArrayList<>(requests);
        open.sort(Comparator.comparing(RefundRequestRecord::requestedAt));
        List<TransactionRecord> sorted = new ArrayList<>(movements);
        sorted.sort(Comparator.comparing(TransactionRecord::occurredAt).thenComparing(t -> t.id().toString()));
        List<PaymentFact> out = new ArrayList<>();
        String m = market == null ? "" : market;
        boolean captured = false;
        for (TransactionRecord t : sorted) {
            boolean ok = ok(t.status());
            if ((t.kind() == TransactionKind.CAPTURE || t.kind() == TransactionKind.BANK_CREDIT) && ok) {
                out.add(new PaymentFact(t.id(), "CAPTURE", t.providerReference(), t.merchantReference(), m,
                        t.provider().name(), method(t), t.occurredAt(), false, t.amountMinor(), t.currency(), null, null,
                        !captured));
                captured = true;
            } else if (t.kind() == TransactionKind.REFUND) {
                boolean failed = !ok || undone.contains(t.providerReference());
                RefundRequestRecord request = failed ? null : pair(open, t);
                Instant requestedAt = request == null ? null : request.requestedAt();
                Integer minutes = requestedAt == null ? null
                        : (int) Duration.between(requestedAt, t.occurredAt()).toMinutes();
                out.add(new PaymentFact(t.id(), "REFUND", t.providerReference(), t.merchantReference(), m,
                        t.provider().name(), method(t), t.occurredAt(), failed, t.amountMinor(), t.currency(),
                        requestedAt, minutes));
            }
        }
        return out;
    }

    private static @Nullable RefundRequestRecord pair(List<RefundRequestRecord> open, TransactionRecord refund) {
        for (int i = 0; i < open.size(); i++) {
            RefundRequestRecord r = open.get(i);
            if (r.amountMinor() == refund.amountMinor() && r.currency().equalsIgnoreCase(refund.currency())
                    && !r.requestedAt().isAfter(refund.occurredAt())) {
                return open.remove(i);
            }
        }
        return null;
    }

    private static String method(TransactionRecord t) {
        return t.method() == null ? "" : t.method().toLowerCase(Locale.ROOT);
    }

    /** The same reading of a provider status as reconciliation's (fail, refused, cancel, error: not ok). */
    static boolean ok(String status) {
        String s = status.toLowerCase(Locale.ROOT);
        return !(s.contains("fail") || s.contains("refused") || s.contains("cancel") || s.contains("error"));
    }
}
