package dev.paydesk.quality;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One sampled case assigned to a reviewer (null = nobody eligible) with a due date; done once a review of the
 * case is submitted.
 */
public record Assignment(UUID id, UUID sampleId, String caseKey, String market, String agent, @Nullable String reviewer,
                         String reason, LocalDate dueOn, @Nullable UUID reviewId) {

    public boolean done() {
        return reviewId != null;
    }
}
