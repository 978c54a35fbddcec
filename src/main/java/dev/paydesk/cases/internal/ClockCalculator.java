package dev.paydesk.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import dev.paydesk.cases.CaseClock;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.ClockKind;
import dev.paydesk.cases.ClockState;
import dev.paydesk.cases.FirstResponseRule;
import dev.paydesk.platform.BusinessCalendar;

/**
 * Computes a case's SLA clocks from its history, so a changed policy or calendar gives the right
 * answer for the past as well: the history is replayed against the targets and the calendar.
 * <ul>
 * <li>first response: from opening to the first reply (or, by policy, the first reply or resolution);
 * with the reply-only rule, resolving without a reply suspends it and a reopen resumes it;</li>
 * <li>next response: from each customer message after the first response to the next reply; resolving
 * ends it and the next customer message restarts it;</li>
 * <li>resolution: from opening to resolution, resuming with the time already used if reopened.</li>
 * </ul>
 * A clock runs only while the case is not waiting for a reason the policy pauses on. The due instant
 * is the instant at which the used business time reaches the target: a target that uses up exactly
 * the rest of a business period is due at that period's closing instant, and a clock whose used time
 * equals its target (an event at or after the due instant) is breached.
 */
final class ClockCalculator {

    private ClockCalculator() {
    }

    static List<CaseClock> compute(List<ClockFact> history, SlaTargets targets, BusinessCalendar calendar, Instant now) {
        List<ClockFact> facts = history.stream().filter(f -> !f.at().isAfter(now))
                .sorted(Comparator.comparing(ClockFact::at)).toList();
        Map<ClockKind, Meter> meters = new EnumMap<>(ClockKind.class);
        addMeter(meters, ClockKind.FIRST_RESPONSE, targets.firstResponse());
        addMeter(meters, ClockKind.NEXT_RESPONSE, targets.nextResponse());
        addMeter(meters, ClockKind.RESOLUTION, targets.resolution());
        boolean orResolution = targets.firstResponseRule() == FirstResponseRule.FIRST_REPLY_OR_RESOLUTION;
        boolean answered = false;
        boolean closed = false;
        for (ClockFact fact : facts) {
            for (Meter m : meters.values()) {
                m.advance(fact.at(), calendar);
            }
            switch (fact) {
                case ClockFact.Opened o -> {
                    on(meters, ClockKind.FIRST_RESPONSE, m -> m.restart(o.at()));
                    on(meters, ClockKind.RESOLUTION, m -> m.restart(o.at()));
                }
                case ClockFact.CustomerMessage c -> {
                    if (answered) {
                        on(meters, ClockKind.NEXT_RESPONSE, m -> m.restartUnlessRunning(c.at()));
                    }
                }
                case ClockFact.Reply r -> {
                    answered = true;
                    on(meters, ClockKind.FIRST_RESPONSE, Meter::stop);
                    on(meters, ClockKind.NEXT_RESPONSE, Meter::stop);
                }
                case ClockFact.StatusChange s when !s.status().isOpen() -> {
                    closed = true;
                    answered |= orResolution;
                    on(meters, ClockKind.FIRST_RESPONSE, orResolution ? Meter::stop : Meter::suspend);
                    on(meters, ClockKind.NEXT_RESPONSE, Meter::stop);
                    on(meters, ClockKind.RESOLUTION, Meter::stop);
                }
                case ClockFact.StatusChange s -> {
                    if (closed) {
                        closed = false;
                        on(meters, ClockKind.FIRST_RESPONSE, m -> m.resumeIfSuspended(s.at()));
                        on(meters, ClockKind.RESOLUTION, m -> m.resume(s.at()));
                    }
                }
            }
            if (fact instanceof ClockFact.StatusChange s) {
                boolean paused = s.status() == CaseStatus.WAITING && s.reason() != null
                        && targets.pauseReasons().contains(s.reason());
                meters.values().forEach(m -> m.paused = paused);
            }
        }
        List<CaseClock> clocks = new ArrayList<>();
        meters.forEach((kind, m) -> {
            m.advance(now, calendar);
            if (m.phase != Phase.IDLE) {
                clocks.add(m.view(kind, calendar, now));
            }
        });
        return clocks;
    }

    /** The OLA of an escalation to a peer queue: a resolution target on the escalated child case. */
    static List<CaseClock> ola(List<ClockFact> history, String queue, Duration target, BusinessCalendar calendar,
                               Instant now) {
        SlaTargets targets = new SlaTargets(0, "OLA " + queue, null, null, target, Duration.ofMinutes(60), Set.of(),
                FirstResponseRule.FIRST_REPLY);
        return compute(history, targets, calendar, now).stream().map(k -> new CaseClock(ClockKind.OLA, k.state(),
                k.dueAt(), k.remaining(), k.breachedAt(), "OLA " + queue + ": " + k.label().replace("Resolution within ", "")))
                .toList();
    }

    /**
     * A deadline in calendar time: running until the case resolves, breached once reached unresolved
     * (resolving exactly at the due instant is late, as for every clock).
     */
    static CaseClock deadline(ClockKind kind, String label, Instant dueAt, @Nullable Instant resolvedAt, Instant now) {
        Instant end = resolvedAt != null ? resolvedAt : now;
        if (!end.isBefore(dueAt)) {
            return new CaseClock(kind, ClockState.BREACHED, dueAt, Duration.between(end, dueAt), dueAt, label);
        }
        if (resolvedAt != null) {
            return new CaseClock(kind, ClockState.MET, null, Duration.between(resolvedAt, dueAt), null, label);
        }
        return new CaseClock(kind, ClockState.RUNNING, dueAt, Duration.between(now, dueAt), null, label);
    }

    private static void addMeter(Map<ClockKind, Meter> meters, ClockKind kind, @Nullable Duration target) {
        if (target != null) {
            meters.put(kind, new Meter(target));
        }
    }

    private static void on(Map<ClockKind, Meter> meters, ClockKind kind, Consumer<Meter> action) {
        Meter m = meters.get(kind);
        if (m != null) {
            action.accept(m);
        }
    }

    /** Where a clock stands: not started, counting, held while the case is resolved, or done. */
    private enum Phase {
        IDLE, RUNNING, SUSPENDED, STOPPED
    }

    /** Accumulates business time while running and not paused; remembers when the target was reached. */
    private static final class Meter {
        private final Duration target;
        private Phase phase = Phase.IDLE;
        private boolean paused;
        private Duration elapsed = Duration.ZERO;
        private @Nullable Instant segmentStart;
        private @Nullable Instant breachedAt;
        private @Nullable Instant firstBreach;

        Meter(Duration target) {
            this.target = target;
        }

        void restart(Instant at) {
            phase = Phase.RUNNING;
            elapsed = Duration.ZERO;
            breachedAt = null;
            segmentStart = at;
        }

        void restartUnlessRunning(Instant at) {
            if (phase != Phase.RUNNING) {
                restart(at);
            }
        }

        /** Continues with the time already used (a reopened case). */
        void resume(Instant at) {
            if (phase != Phase.IDLE) {
                phase = Phase.RUNNING;
                segmentStart = at;
            }
        }

        void resumeIfSuspended(Instant at) {
            if (phase == Phase.SUSPENDED) {
                resume(at);
            }
        }

        void stop() {
            if (phase == Phase.RUNNING || phase == Phase.SUSPENDED) {
                phase = Phase.STOPPED;
            }
        }

        void suspend() {
            if (phase == Phase.RUNNING) {
                phase = Phase.SUSPENDED;
            }
        }

        /**
         * Counts working time from the segment start to {@code to} if the clock was running. The target
         * is reached (breached) when the used time is at least the target, at the instant it got there.
         */
        void advance(Instant to, BusinessCalendar calendar) {
            if (phase == Phase.RUNNING && !paused && segmentStart != null) {
                Duration before = elapsed;
                elapsed = elapsed.plus(calendar.businessTimeBetween(segmentStart, to));
                if (breachedAt == null && elapsed.compareTo(target) >= 0) {
                    breachedAt = before.compareTo(target) >= 0 ? segmentStart
                            : calendar.plusBusinessTime(segmentStart, target.minus(before));
                    if (firstBreach == null) {
                        firstBreach = breachedAt;
                    }
                }
            }
            segmentStart = to;
        }

        CaseClock view(ClockKind kind, BusinessCalendar calendar, Instant now) {
            String label = label(kind);
            Duration remaining = target.minus(elapsed);
            Instant breach = breachedAt != null ? breachedAt : phase == Phase.RUNNING ? null : firstBreach;
            if (breach != null) {
                return new CaseClock(kind, ClockState.BREACHED, breach, remaining, breach, label);
            }
            if (phase == Phase.STOPPED) {
                return new CaseClock(kind, ClockState.MET, null, remaining, null, label);
            }
            if (paused || phase == Phase.SUSPENDED) {
                return new CaseClock(kind, ClockState.PAUSED, null, remaining, null, label);
            }
            // not breached, so strictly positive time is left: the due instant lies inside a business period
            return new CaseClock(kind, ClockState.RUNNING, calendar.plusBusinessTime(now, remaining), remaining, null, label);
        }

        private String label(ClockKind kind) {
            long minutes = target.toMinutes();
            String span = minutes % 60 == 0 ? (minutes / 60) + " business hours" : minutes + " business minutes";
            return switch (kind) {
                case FIRST_RESPONSE -> "First response within " + span;
                case NEXT_RESPONSE -> "Next response within " + span;
                case RESOLUTION -> "Resolution within " + span;
                default -> kind.name();
            };
        }
    }
}
