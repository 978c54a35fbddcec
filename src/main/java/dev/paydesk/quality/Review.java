package dev.paydesk.quality;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A review of one case against the scorecard version it was made with. */
public record Review(UUID id, UUID caseId, String caseKey, String market, @Nullable String category,
                     UUID scorecardId, String scorecardName, int scorecardVersion, String reviewer,
                     @Nullable String agent, ReviewStatus status, List<Answer> answers, Score score,
                     @Nullable String agentComment, @Nullable String decisionNote, Instant submittedAt,
                     Instant updatedAt) {
}
