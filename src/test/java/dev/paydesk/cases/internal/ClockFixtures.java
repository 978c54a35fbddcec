package dev.paydesk.cases.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.paydesk.cases.CaseClock;
import dev.paydesk.cases.ClockKind;
import dev.paydesk.cases.FirstResponseRule;
import dev.paydesk.cases.WaitingReason;
import dev.paydesk.platform.BusinessCalendar;
import dev.paydesk.platform.OpeningHours;

/**
 * A Berlin team working Monday to Friday 09:00–17:00. Good Friday (3 April 2026) and Easter Monday
 * (6 April 2026) are German public holidays; EU summer time starts on Sunday 29 March 2026 and ends on
 * Sunday 25 October 2026.
 */
final class ClockFixtures {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final SortedMap<LocalDate, String> EASTER_2026 = new TreeMap<>(Map.of(
            LocalDate.of(2026, 4, 3), "Good Friday", LocalDate.of(2026, 4, 6), "Easter Monday"));

    static final BusinessCalendar OFFICE = new BusinessCalendar(BERLIN, weekdays(),
            year -> year == 2026 ? EASTER_2026 : new TreeMap<>());

    private ClockFixtures() {
    }

    static SlaTargets targets(int firstHours, int nextHours, int resolutionHours, WaitingReason... pauses) {
        return minutes(FirstResponseRule.FIRST_REPLY, 60 * firstHours, 60 * nextHours, 60 * resolutionHours, pauses);
    }

    /** Targets in business minutes; 0 leaves a clock unmeasured. */
    static SlaTargets minutes(FirstResponseRule rule, int first, int next, int resolution, WaitingReason... pauses) {
        return new SlaTargets(1, "test", orNull(first), orNull(next), orNull(resolution), Duration.ofMinutes(30),
                Set.of(pauses), rule);
    }

    private static @Nullable Duration orNull(int minutes) {
        return minutes == 0 ? null : Duration.ofMinutes(minutes);
    }

    static CaseClock clock(List<CaseClock> clocks, ClockKind kind) {
        return clocks.stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }

    static Instant berlin(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(BERLIN).toInstant();
    }

    private static List<OpeningHours> weekdays() {
        List<OpeningHours> hours = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.add(new OpeningHours(day, LocalTime.of(9, 0), LocalTime.of(17, 0)));
        }
        return hours;
    }
}
