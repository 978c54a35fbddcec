package dev.paydesk.quality;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A calibration session: the reviewers (the lead who created it among them, as the reference) score the same
 * cases blind; while {@code OPEN} everyone sees only their own answers, once {@code REVEALED} the agreement.
 */
public record CalibrationSession(UUID id, String name, String market, UUID scorecardId, List<String> caseKeys,
                                 List<String> reviewers, Status status, String createdBy, Instant createdAt) {

    public enum Status {
        OPEN, REVEALED
    }

    public CalibrationSession {
        caseKeys = List.copyOf(caseKeys);
        reviewers = List.copyOf(reviewers);
    }

    public boolean takesPart(String user) {
        return createdBy.equals(user) || reviewers.contains(user);
    }
}
