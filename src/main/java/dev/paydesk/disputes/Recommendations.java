package dev.paydesk.disputes;

import java.util.UUID;

/** The accept-or-fight recommendation for a dispute, learned from the merchant's own outcomes. */
public interface Recommendations {

    Recommendation recommend(UUID disputeId);
}
