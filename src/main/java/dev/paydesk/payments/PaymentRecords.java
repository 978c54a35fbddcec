package dev.paydesk.payments;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Bulk, streaming read access to the mirror for reconciliation: orders, money movements, the
 * merchant's refund requests and settlement lines. Rows are pushed to a {@link RecordSink} from a
 * database cursor, so millions of rows never sit in one list.
 */
public interface PaymentRecords {

    /**
     * Everything about the orders with activity in {@code [from, to)} (a movement, a refund
     * request or the order itself created then, or a settlement line booked then that refers to
     * them by reference or by a word of its free text), plus every settlement line booked in the range, whether it refers to anything or not.
     * The kinds of record may come in any order (orders first or last), each in no particular order;
     * each record comes once.
     */
    void read(Instant from, Instant to, RecordSink sink);

    /** Everything about the given orders (and the settlement lines that name them or their movements), each record once. */
    void readOrders(Collection<String> merchantReferences, RecordSink sink);

    /** Receives the rows of a read, one at a time. */
    interface RecordSink {
        void order(OrderRecord order);

        void transaction(TransactionRecord transaction);

        void refundRequest(RefundRequestRecord request);

        void settlementLine(SettlementLineRecord line);

        /**
         * Called at the end of a read that has sent every order named by a word of the free text of the
         * lines it sent ({@code A-Za-z0-9_/-} runs of a merchant and modification reference that contain
         * another character), so that looking those words up again would find no further order.
         */
        default void remittanceWordsFollowed() {
        }
    }

    /** The merchant's order; amount due and currency are null while it is a placeholder. */
    record OrderRecord(String merchantReference, @Nullable String market, @Nullable String customerReference,
                       @Nullable Long amountDueMinor, @Nullable String currency, @Nullable String expectedMethod) {
    }

    /** One normalised money movement. */
    record TransactionRecord(UUID id, Provider provider, String merchantAccount, TransactionKind kind,
                             String providerReference, @Nullable String originalReference,
                             @Nullable String merchantReference, @Nullable String customerReference, String status,
                             long amountMinor, String currency, @Nullable String method, Instant occurredAt) {
    }

    /** A refund the merchant asked for. */
    record RefundRequestRecord(String refundReference, String merchantReference, long amountMinor, String currency,
                               Instant requestedAt) {
    }

    /**
     * One settlement report line as the provider wrote it; amounts signed (credit positive, debit
     * negative), {@code recordType} in the provider's own words (Adyen {@code Settled}, Stripe
     * {@code charge}, PayPal {@code T0006}, Klarna {@code SALE}).
     */
    record SettlementLineRecord(UUID lineKey, Provider provider, String merchantAccount, @Nullable String batch,
                                @Nullable String pspReference, @Nullable String merchantReference,
                                @Nullable String modificationReference, @Nullable String paymentMethod,
                                String recordType, @Nullable Instant bookedAt, @Nullable String grossCurrency,
                                long grossMinor, @Nullable String netCurrency, long netMinor, long feesMinor) {
    }
}
