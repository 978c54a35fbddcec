package dev.paydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * Calendar arithmetic on a Berlin office open Monday to Friday 09:00–17:00. The Easter holidays of
 * 2026 (Good Friday 3 April, Easter Monday 6 April) are public holidays in Germany; daylight saving
 * time starts on 29 March 2026 and ends on 25 October 2026 in the EU.
 */
class BusinessCalendarTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final SortedMap<LocalDate, String> EASTER_2026 = new TreeMap<>(Map.of(
            LocalDate.of(2026, 4, 3), "Good Friday", LocalDate.of(2026, 4, 6), "Easter Monday"));

    private final BusinessCalendar office = new BusinessCalendar(BERLIN, weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)),
            year -> year == 2026 ? EASTER_2026 : new TreeMap<>());

    @Test
    void countsOnlyOpeningHoursAcrossAWeekend() {
        Instant fridayAfternoon = berlin(2026, 3, 20, 16, 0);
        Instant mondayMorning = berlin(2026, 3, 23, 10, 0);
        assertThat(office.businessMinutesBetween(fridayAfternoon, mondayMorning)).isEqualTo(120);
    }

    @Test
    void skipsPublicHolidays() {
        Instant thursdayBeforeEaster = berlin(2026, 4, 2, 16, 0);
        Instant tuesdayAfterEaster = berlin(2026, 4, 7, 10, 0);
        assertThat(office.businessMinutesBetween(thursdayBeforeEaster, tuesdayAfterEaster)).isEqualTo(120);
        assertThat(office.isBusinessDay(LocalDate.of(2026, 4, 3))).isFalse();
        assertThat(office.isBusinessDay(LocalDate.of(2026, 4, 2))).isTrue();
    }

    @Test
    void timeOutsideOpeningHoursCountsNothing() {
        assertThat(office.businessMinutesBetween(berlin(2026, 3, 21, 9, 0), berlin(2026, 3, 22, 23, 0))).isZero();
        assertThat(office.businessMinutesBetween(berlin(2026, 3, 23, 18, 0), berlin(2026, 3, 23, 8, 0))).isZero();
    }

    @Test
    void aDaylightSavingChangeShortensOrLengthensTheWorkingNight() {
        BusinessCalendar nightShift = new BusinessCalendar(BERLIN,
                List.of(new OpeningHours(DayOfWeek.SUNDAY, LocalTime.of(0, 0), LocalTime.of(6, 0))),
                year -> new TreeMap<>());
        Instant weekBefore = berlin(2026, 3, 22, 0, 0);
        assertThat(nightShift.businessMinutesBetween(weekBefore, weekBefore.plus(Duration.ofDays(1)))).isEqualTo(360);
        Instant springForward = berlin(2026, 3, 29, 0, 0);
        assertThat(nightShift.businessMinutesBetween(springForward, springForward.plus(Duration.ofDays(1))))
                .isEqualTo(300);
        Instant fallBack = berlin(2026, 10, 25, 0, 0);
        assertThat(nightShift.businessMinutesBetween(fallBack, fallBack.plus(Duration.ofDays(1)))).isEqualTo(420);
    }

    @Test
    void anSlaOfFourBusinessHoursStartedLateOnFridayEndsOnMonday() {
        Instant due = office.plusBusinessTime(berlin(2026, 3, 20, 16, 30), Duration.ofHours(4));
        assertThat(due).isEqualTo(berlin(2026, 3, 23, 12, 30));
    }

    @Test
    void deadlinesStartedOnAHolidayStartAtTheNextOpening() {
        Instant due = office.plusBusinessTime(berlin(2026, 4, 3, 11, 0), Duration.ofMinutes(30));
        assertThat(due).isEqualTo(berlin(2026, 4, 7, 9, 30));
    }

    @Test
    void plusBusinessTimeIsTheInverseOfBusinessTimeBetween() {
        Instant start = berlin(2026, 3, 26, 14, 17);
        for (int minutes : new int[] {1, 59, 163, 480, 481, 2400, 9999}) {
            Instant due = office.plusBusinessTime(start, Duration.ofMinutes(minutes));
            assertThat(office.businessMinutesBetween(start, due)).as("%d minutes", minutes).isEqualTo(minutes);
        }
    }

    @Test
    void businessDaysSkipWeekendsAndHolidays() {
        assertThat(office.plusBusinessDays(LocalDate.of(2026, 4, 2), 1)).isEqualTo(LocalDate.of(2026, 4, 7));
        // PSD2 complaint reply: 15 business days from Thursday 2 April 2026 lands on Monday 27 April 2026.
        assertThat(office.plusBusinessDays(LocalDate.of(2026, 4, 2), 15)).isEqualTo(LocalDate.of(2026, 4, 27));
        assertThat(office.businessDaysBetween(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 27))).isEqualTo(15);
    }

    private static Instant berlin(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(BERLIN).toInstant();
    }

    private static List<OpeningHours> weekdays(LocalTime opens, LocalTime closes) {
        List<OpeningHours> hours = new ArrayList<>();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.add(new OpeningHours(d, opens, closes));
        }
        return hours;
    }
}
