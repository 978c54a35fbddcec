package dev.paydesk.disputes;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.payments.Provider;
import dev.paydesk.shared.Money;

/** A new dispute reached the desk (published once per dispute, in the transaction that creates it). */
public record DisputeOpened(UUID disputeId, Provider provider, @Nullable String market, @Nullable String paymentRef,
                            @Nullable String orderRef, @Nullable String customerRef, Money amount,
                            ReasonCategory reasonCategory, DisputeStage stage, DisputeStatus status,
                            @Nullable Instant respondBy, @Nullable Instant dueAt) {
}
