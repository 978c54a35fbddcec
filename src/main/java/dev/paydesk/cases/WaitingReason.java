package dev.paydesk.cases;

/** Whom a waiting case waits for; each SLA policy chooses which reasons pause its clocks. */
public enum WaitingReason {
    CUSTOMER, PROVIDER, INTERNAL
}
