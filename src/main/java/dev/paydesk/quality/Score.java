package dev.paydesk.quality;

/**
 * The result of a review: {@code percent} = earned / available weighted points x 100, or 0 when a
 * critical criterion failed. {@code available} is 0 when every criterion was not applicable (percent 100).
 */
public record Score(double percent, long earned, long available, boolean criticalFailed) {
}
