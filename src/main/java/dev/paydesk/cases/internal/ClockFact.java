package dev.paydesk.cases.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.WaitingReason;

/** What in a case's history moves its clocks, read back from the timeline. */
sealed interface ClockFact {

    Instant at();

    /** The fact a timeline entry is for the clocks ({@code status} and {@code reason} from a STATUS entry's data), if any. */
    static java.util.Optional<ClockFact> of(dev.paydesk.cases.EntryKind kind, Instant at, @Nullable String status,
                                            @Nullable String reason) {
        return java.util.Optional.ofNullable(switch (kind) {
            case CREATED -> new Opened(at);
            case MESSAGE_IN -> new CustomerMessage(at);
            case MESSAGE_OUT -> new Reply(at);
            case STATUS -> new StatusChange(at, CaseStatus.valueOf(status), reason == null ? null : WaitingReason.valueOf(reason));
            default -> null;
        });
    }

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
