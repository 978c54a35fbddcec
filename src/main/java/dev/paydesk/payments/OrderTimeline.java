package dev.paydesk.payments;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.Money;

/**
 * Every movement of an order from every source in time order, each with the balance after it.
 *
 * @param amountDue what the customer owes for the order (null when the merchant feed has not told us)
 */
public record OrderTimeline(String merchantReference, @Nullable String market, @Nullable String customerReference,
                            @Nullable Money amountDue, List<Step> steps, Balance balance) {

    /** One movement and the balance right after it. */
    public record Step(UUID transactionId, Instant occurredAt, Provider provider, TransactionKind kind, String status,
                       String providerReference, @Nullable String originalReference, Money amount,
                       @Nullable String method, @Nullable String cardLast4, Balance after) {
    }

    /**
     * Running totals; {@code net} = captured − refunded − charged back. A refund counts as refunded
     * once the provider confirms it; until then it is in {@code refundPending}, and a failed refund
     * never counts.
     */
    public record Balance(Money captured, Money refunded, Money chargedBack, Money net, Money refundPending) {
    }
}
