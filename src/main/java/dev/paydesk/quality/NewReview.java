package dev.paydesk.quality;

import java.util.List;
import java.util.UUID;

/** A review as submitted: the case (key or id), the scorecard version used and one answer per criterion. */
public record NewReview(String caseRef, UUID scorecardId, List<Answer> answers) {
}
