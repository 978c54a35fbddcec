package dev.paydesk.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.paydesk.cases.CaseClock;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.ClockKind;
import dev.paydesk.cases.ClockState;
import dev.paydesk.cases.WaitingReason;
import dev.paydesk.platform.BusinessCalendar;

/**
 * Computes a case's SLA clocks from its history, so a changed policy or calendar gives the right
 * answer for the past as well: the history is replayed against the targets and the calendar.
 * <ul>
 * <li>first response: from opening to the first reply;</li>
 * <li>next response: from each customer message that waits for an answer to the next reply;</li>
 * <li>resolution: from opening to resolution, continuing if the case is reopened.</li>
 * </ul>
 * A clock runs only while the case is not waiting for a reason the policy pauses on; resolving a case
 * also answers any pending response.
 */
final class ClockCalculator {

    private ClockCalculator() {
    }

    static List<CaseClock> compute(List<ClockFact> history, SlaTargets targets, BusinessCalendar calendar, Instant now) {
        List<ClockFact> facts = history.stream().filter(f -> !f.at().isAfter(now))
                .sorted(Comparator.comparing(ClockFact::at)).toList();
        Map<ClockKind, Meter> meters = new EnumMap<>(ClockKind.class);
        if (targets.firstResponse() != null) {
            meters.put(ClockKind.FIRST_RESPONSE, new Meter(targets.firstResponse()));
        }
        if (targets.nextResponse() != null) {
            meters.put(ClockKind.NEXT_RESPONSE, new Meter(targets.nextResponse()));
        }
        if (targets.resolution() != null) {
            meters.put(ClockKind.RESOLUTION, new Meter(targets.resolution()));
        }
        boolean paused = false;
        boolean replied = false;
        for (ClockFact fact : facts) {
            for (Meter m : meters.values()) {
                m.advance(fact.at(), calendar);
            }
            switch (fact) {
                case ClockFact.Opened o -> {
                    start(meters, ClockKind.FIRST_RESPONSE, o.at());
                    start(meters, ClockKind.RESOLUTION, o.at());
                }
                case ClockFact.CustomerMessage c -> {
                    if (replied) {
                        Meter next = meters.get(ClockKind.NEXT_RESPONSE);
                        if (next != null && !next.active) {
                            next.restart(c.at());
                        }
                    }
                }
                case ClockFact.Reply r -> {
                    replied = true;
                    stop(meters, ClockKind.FIRST_RESPONSE);
                    stop(meters, ClockKind.NEXT_RESPONSE);
                }
                case ClockFact.StatusChange s -> {
                    if (!s.status().isOpen()) {
                        meters.values().forEach(Meter::stop);
                    } else {
                        Meter resolution = meters.get(ClockKind.RESOLUTION);
                        if (resolution != null && resolution.started && !resolution.active) {
                            resolution.resume(s.at());
                        }
                    }
                    paused = s.status() == CaseStatus.WAITING && s.reason() != null
                            && targets.pauseReasons().contains(s.reason());
                }
            }
            for (Meter m : meters.values()) {
                m.paused = paused;
            }
        }
        for (Meter m : meters.values()) {
            m.advance(now, calendar);
        }
        List<CaseClock> clocks = new ArrayList<>();
        meters.forEach((kind, m) -> {
            if (m.started) {
                clocks.add(m.view(kind, calendar, now));
            }
        });
        return clocks;
    }

    /**
     * A deadline in calendar time: running until the case resolves, breached once passed unresolved.
     */
    static CaseClock deadline(ClockKind kind, String label, Instant dueAt, @Nullable Instant resolvedAt, Instant now) {
        Instant end = resolvedAt != null ? resolvedAt : now;
        if (end.isAfter(dueAt)) {
            return new CaseClock(kind, ClockState.BREACHED, dueAt, Duration.between(end, dueAt), dueAt, label);
        }
        if (resolvedAt != null) {
            return new CaseClock(kind, ClockState.MET, null, Duration.between(resolvedAt, dueAt), null, label);
        }
        return new CaseClock(kind, ClockState.RUNNING, dueAt, Duration.between(now, dueAt), null, label);
    }

    private static void start(Map<ClockKind, Meter> meters, ClockKind kind, Instant at) {
        Meter m = meters.get(kind);
        if (m != null) {
            m.restart(at);
        }
    }

    private static void stop(Map<ClockKind, Meter> meters, ClockKind kind) {
        Meter m = meters.get(kind);
        if (m != null) {
            m.stop();
        }
    }

    /** Accumulates business time while active and not paused; remembers when the target was crossed. */
    private static final class Meter {
        private final Duration target;
        private boolean started;
        private boolean active;
        private boolean paused;
        private Duration elapsed = Duration.ZERO;
        private @Nullable Instant segmentStart;
        private @Nullable Instant breachedAt;
        private boolean everBreached;
        private @Nullable Instant firstBreach;

        Meter(Duration target) {
            this.target = target;
        }

        void restart(Instant at) {
            started = true;
            active = true;
            elapsed = Duration.ZERO;
            breachedAt = null;
            segmentStart = at;
        }

        void resume(Instant at) {
            active = true;
            segmentStart = at;
        }

        void stop() {
            active = false;
        }

        /** Counts working time from the segment start to {@code to} if the clock was running. */
        void advance(Instant to, BusinessCalendar calendar) {
            if (active && !paused && segmentStart != null) {
                Duration before = elapsed;
                elapsed = elapsed.plus(calendar.businessTimeBetween(segmentStart, to));
                if (breachedAt == null && before.compareTo(target) < 0 && elapsed.compareTo(target) > 0) {
                    breachedAt = calendar.plusBusinessTime(segmentStart, target.minus(before));
                    everBreached = true;
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
            if (breachedAt != null || (!active && everBreached)) {
                return new CaseClock(kind, ClockState.BREACHED, null, remaining,
                        breachedAt != null ? breachedAt : firstBreach, label);
            }
            if (!active) {
                return new CaseClock(kind, ClockState.MET, null, remaining, null, label);
            }
            if (paused) {
                return new CaseClock(kind, ClockState.PAUSED, null, remaining, null, label);
            }
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
