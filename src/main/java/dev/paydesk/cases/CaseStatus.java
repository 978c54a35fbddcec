package dev.paydesk.cases;

/** Where a case stands. {@link #WAITING} carries a {@link WaitingReason}. */
public enum CaseStatus {
    NEW, OPEN, WAITING, RESOLVED, CLOSED;

    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }
}
