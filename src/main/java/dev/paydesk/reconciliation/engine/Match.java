package dev.paydesk.reconciliation.engine;

import org.jspecify.annotations.Nullable;

/**
 * Why a settlement line was matched: the rule (which key), the key value, what it matched (a
 * movement, or the order when no movement fits) and the amount difference against it.
 *
 * @param differenceMinor line amount minus the matched movement's amount (0 for an order-level match)
 */
public record Match(MatchRule rule, String key, String lineId, @Nullable String movementRef, @Nullable String orderRef,
                    long differenceMinor, boolean withinTolerance) {

    /** One sentence for people. */
    public String explain() {
        String target = movementRef != null ? "movement " + movementRef : "order " + orderRef;
        return "line " + lineId + " matched " + target + " by " + rule.label() + " '" + key + "', difference "
                + differenceMinor + (withinTolerance ? " (within tolerance)" : " (outside tolerance)");
    }
}
