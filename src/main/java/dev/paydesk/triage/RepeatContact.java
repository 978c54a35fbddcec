package dev.paydesk.triage;

import java.time.Duration;

/**
 * A contact that repeats an earlier one within the window.
 *
 * @param repeatOf the earlier contact it links to (the most recent match)
 * @param reason what they share
 * @param since time since the earlier contact
 */
public record RepeatContact(String contactRef, String repeatOf, Reason reason, Duration since) {

    public enum Reason { SAME_CUSTOMER, SAME_PAYMENT, SAME_CUSTOMER_AND_PAYMENT }
}
