package dev.paydesk.disputes;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A dispute's deadlines moved: the provider sent a new due date, or a won dispute was escalated to a
 * later stage and needs a response again ({@code status} says which).
 */
public record DisputeDeadlineChanged(UUID disputeId, @Nullable String market, DisputeStage stage, DisputeStatus status,
                                     @Nullable Instant respondBy, @Nullable Instant dueAt) {
}
