package dev.paydesk.payments;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.Money;

/** Read API of the payments mirror for other modules and the web layer. */
public interface PaymentQueries {

    Optional<OrderTimeline> timeline(String merchantReference);

    List<PaymentSummary> search(SearchCriteria criteria);

    /**
     * A customer's stored payment methods (cards, PayPal, Klarna tokens): the latest change of each
     * token and the whole history, newest first.
     */
    CustomerPaymentMethods paymentMethods(String customerReference);

    /** Authentic input that could not be used, newest first. */
    List<QuarantinedItem> quarantine(int limit);

    /** A quarantined webhook or file row with the reason (card data masked). */
    record QuarantinedItem(UUID id, String source, String provider, @Nullable String account,
                           @Nullable Integer lineNumber, String reason, String payload, java.time.Instant receivedAt) {
    }

    /** Search filters; every one optional. */
    record SearchCriteria(@Nullable String orderReference, @Nullable String providerReference,
                          @Nullable String customerReference, @Nullable String cardLast4,
                          @Nullable Long amountMinor, @Nullable LocalDate from, @Nullable LocalDate to, int limit) {
    }

    /** One movement as listed in search results. */
    record PaymentSummary(UUID id, Provider provider, TransactionKind kind, String status, String providerReference,
                          @Nullable String merchantReference, @Nullable String customerReference, Money amount,
                          @Nullable String method, @Nullable String cardLast4, java.time.Instant occurredAt,
                          @Nullable String market) {
    }

    /** What happened to a stored payment method. */
    enum BindingAction { ADDED, UPDATED, FAILED, REMOVED }

    /** One change of a stored payment method; never a card number (brand, BIN, last 4 and expiry only). */
    record BindingChange(Provider provider, String merchantAccount, @Nullable String market, String token,
                         BindingAction action, @Nullable String method, @Nullable String cardBrand,
                         @Nullable String cardBin, @Nullable String cardLast4, @Nullable Integer expMonth,
                         @Nullable Integer expYear, @Nullable String reason, java.time.Instant occurredAt) {

        /** Whether the token can still be used (its latest change is not a removal or a failure). */
        @com.fasterxml.jackson.annotation.JsonProperty("active")
        public boolean active() {
            return action == BindingAction.ADDED || action == BindingAction.UPDATED;
        }
    }

    /** The latest change per token ({@code current}) and every change ({@code history}), newest first. */
    record CustomerPaymentMethods(String customerReference, List<BindingChange> current, List<BindingChange> history) {
    }
}
