package dev.paydesk.disputes;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.payments.Provider;
import dev.paydesk.shared.Money;

/**
 * A dispute as other modules and the web layer see it.
 *
 * @param reasonCode the raw code as the provider or network sent it
 * @param dueAt the provider's deadline (estimated from the reason's default window when {@code dueEstimated})
 * @param respondBy Paydesk's own deadline: {@code dueAt} minus the configured buffer in business days
 */
public record DisputeSummary(UUID id, Provider provider, String merchantAccount, String providerDisputeId,
                             CardNetwork network, @Nullable String market, DisputeStage stage, DisputeStatus status,
                             @Nullable String reasonCode, ReasonCategory reasonCategory, Money amount, Money fees,
                             @Nullable String paymentReference, @Nullable String orderReference,
                             @Nullable String customerReference, @Nullable Instant dueAt, boolean dueEstimated,
                             @Nullable Instant respondBy, Instant openedAt, @Nullable Instant closedAt, int version) {

    public boolean isOpen() {
        return !status.isFinal();
    }
}
