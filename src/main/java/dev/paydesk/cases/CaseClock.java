package dev.paydesk.cases;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One clock of a case.
 *
 * @param dueAt when it breaches if nothing changes (null while paused or once met); once breached, the
 *              instant it was due
 * @param remaining business time (or calendar time for external deadlines) left: positive while running,
 *                  zero or negative once breached
 * @param breachedAt when the target was crossed, if it was
 * @param label what the clock is for, e.g. "PSD2 reply (15 business days)"
 */
public record CaseClock(ClockKind kind, ClockState state, @Nullable Instant dueAt, @Nullable Duration remaining,
                        @Nullable Instant breachedAt, String label) {

    public CaseClock {
        if (state == ClockState.RUNNING && (dueAt == null || remaining == null || !remaining.isPositive())) {
            throw new IllegalArgumentException("a running clock has time left and a due instant: " + kind + " " + remaining);
        }
    }
}
