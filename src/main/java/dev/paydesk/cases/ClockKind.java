package dev.paydesk.cases;

/**
 * The clocks a case can carry: internal SLA targets in business time (first response, next response,
 * resolution), an external deadline in calendar time (a provider's evidence due date, the PSD2
 * complaint reply deadline) and an OLA on an escalation to a peer function.
 */
public enum ClockKind {
    FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION, EXTERNAL, OLA
}
