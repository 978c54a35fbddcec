package dev.paydesk.disputes;

/** What the dispute is waiting for, or how it ended. WON, LOST, ACCEPTED, EXPIRED and CANCELLED are final. */
public enum DisputeStatus {
    NEEDS_RESPONSE, UNDER_REVIEW, WON, LOST, ACCEPTED, EXPIRED, CANCELLED;

    public boolean isFinal() {
        return this != NEEDS_RESPONSE && this != UNDER_REVIEW;
    }
}
