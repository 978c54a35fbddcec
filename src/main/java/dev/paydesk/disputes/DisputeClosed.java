package dev.paydesk.disputes;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.Money;

/** A dispute reached a final status ({@code outcome}: WON, LOST, ACCEPTED, EXPIRED or CANCELLED). */
public record DisputeClosed(UUID disputeId, @Nullable String market, @Nullable String paymentRef,
                            @Nullable String orderRef, DisputeStage stage, DisputeStatus outcome, Money amount,
                            Instant closedAt) {
}
