package dev.paydesk.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands, and the moves between states (the one transition table; see docs/cases.md).
 * {@link #WAITING} carries a {@link WaitingReason}; the other states carry none. Moving a resolved or
 * closed case back to {@link #OPEN} or {@link #WAITING} is a reopening: its clocks resume.
 */
public enum CaseStatus {
    NEW, OPEN, WAITING, RESOLVED, CLOSED;

    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }

    /** The states this one may move to (nothing moves back to NEW; a closed case only reopens). */
    public Set<CaseStatus> next() {
        return switch (this) {
            case NEW, OPEN, WAITING -> EnumSet.of(OPEN, WAITING, RESOLVED, CLOSED);
            case RESOLVED -> EnumSet.of(OPEN, WAITING, CLOSED);
            case CLOSED -> EnumSet.of(OPEN);
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }

    /** Whether the move needs a reason (only waiting does: whom the case waits for). */
    public boolean needsReason() {
        return this == WAITING;
    }

    /** Whether moving from this state to {@code target} reopens the case. */
    public boolean reopensTo(CaseStatus target) {
        return !isOpen() && target.isOpen();
    }
}
