package dev.paydesk.cases;

/** A clock's state as computed from the case history at a given instant. */
public enum ClockState {
    RUNNING, PAUSED, MET, BREACHED
}
