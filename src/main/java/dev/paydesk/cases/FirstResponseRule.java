package dev.paydesk.cases;

/**
 * What satisfies an SLA policy's first-response clock.
 * <ul>
 * <li>{@link #FIRST_REPLY} (the default): only the first outbound message to the customer (a public
 * reply). Resolving or closing a case without one suspends the clock; a reopen resumes it with the
 * time already used.</li>
 * <li>{@link #FIRST_REPLY_OR_RESOLUTION}: the first reply, or resolving or closing the case, whichever
 * comes first; a reopen leaves it as it was.</li>
 * </ul>
 */
public enum FirstResponseRule {
    FIRST_REPLY, FIRST_REPLY_OR_RESOLUTION
}
