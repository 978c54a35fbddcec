package dev.paydesk.quality;

/**
 * A review's lifecycle: submitted by the reviewer; the agent acknowledges or disputes it; a lead
 * upholds a disputed review or overturns it (the review then does not count).
 */
public enum ReviewStatus {
    SUBMITTED, ACKNOWLEDGED, DISPUTED, UPHELD, OVERTURNED;

    /** Whether the review counts towards quality scores. */
    public boolean counts() {
        return this != OVERTURNED;
    }
}
