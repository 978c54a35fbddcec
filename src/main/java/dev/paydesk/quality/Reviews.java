package dev.paydesk.quality;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Reviews of resolved cases and their lifecycle; every change is audited. */
public interface Reviews {

    /**
     * Scores and stores a review by the current user. Rejected (nothing stored): a case that is not
     * resolved, a case the reviewer worked, a retired scorecard version, answers outside their scale.
     */
    Review submit(NewReview review);

    Review get(UUID id);

    /** Reviews in the caller's markets, newest first; agents see only their own. */
    List<Review> list(@Nullable String agent, @Nullable String caseRef, int limit, int offset);

    /** The reviewed agent accepts the review. */
    Review acknowledge(UUID id, @Nullable String comment);

    /** The reviewed agent disputes the review, with a reason. */
    Review dispute(UUID id, String reason);

    /** A lead upholds or overturns a disputed review. */
    Review decide(UUID id, boolean uphold, String note);
}
