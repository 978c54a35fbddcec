package dev.paydesk.cases.internal;

import java.time.Duration;

/**
 * The rate limit on cases opened from findings, with a breaker: once {@code maxNewCases} were opened
 * within {@code window}, the breaker opens and stays open until a person resumes; meanwhile findings
 * that need a new case wait.
 */
record FindingCaseLimit(int maxNewCases, Duration window) {

    FindingCaseLimit {
        if (maxNewCases < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the finding case limit needs at least one case per positive window");
        }
    }

    /** What happens to a finding that needs a new case. */
    sealed interface Decision {
        /** Open the case. */
        record Open() implements Decision {
        }

        /** Keep the finding waiting; {@code trip} when this decision opens the breaker. */
        record Wait(boolean trip, String why) implements Decision {
        }
    }

    Decision decide(boolean paused, long openedInWindow) {
        if (paused) {
            return new Decision.Wait(false, "case creation from findings is paused");
        }
        if (openedInWindow >= maxNewCases) {
            return new Decision.Wait(true, openedInWindow + " cases were opened from findings in the last "
                    + window.toMinutes() + " minutes (limit " + maxNewCases + ")");
        }
        return new Decision.Open();
    }
}
