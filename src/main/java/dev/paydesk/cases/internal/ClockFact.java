package dev.paydesk.cases.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.WaitingReason;

/** What in a case's history moves its clocks, read back from the timeline. */
sealed interface ClockFact {

    Instant at();

    /** The case was opened. */
    record Opened(Instant at) implements ClockFact {
    }

    /** The customer wrote to us. */
    record CustomerMessage(Instant at) implements ClockFact {
    }

    /** We replied to the customer. */
    record Reply(Instant at) implements ClockFact {
    }

    /** The status changed (with its waiting reason when waiting). */
    record StatusChange(Instant at, CaseStatus status, @Nullable WaitingReason reason) implements ClockFact {
    }
}
