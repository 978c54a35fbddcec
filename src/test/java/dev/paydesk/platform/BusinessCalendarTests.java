package dev.paydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void aTargetThatUsesUpTheRestOfTheDayEndsAtTheClosingInstant() {
        Instant fridayAfternoon = berlin(2026, 3, 20, 16, 0);
        assertThat(office.plusBusinessTime(fridayAfternoon, Duration.ofMinutes(60))).isEqualTo(berlin(2026, 3, 20, 17, 0));
        assertThat(office.plusBusinessTime(berlin(2026, 3, 20, 17, 0), Duration.ZERO)).isEqualTo(berlin(2026, 3, 20, 17, 0));
        assertThat(office.plusBusinessTime(berlin(2026, 3, 21, 10, 0), Duration.ZERO)).isEqualTo(berlin(2026, 3, 21, 10, 0));
        assertThat(office.plusBusinessTime(fridayAfternoon, Duration.ofMinutes(61))).isEqualTo(berlin(2026, 3, 23, 9, 1));
    }

    @Test
    void latestStartCountsBackwardsAndStartsAWholeWindowAtItsOpening() {
        Instant mondayTen = berlin(2026, 3, 23, 10, 0);
        assertThat(office.minusBusinessTime(mondayTen, Duration.ofMinutes(60))).isEqualTo(berlin(2026, 3, 23, 9, 0));
        assertThat(office.minusBusinessTime(mondayTen, Duration.ofMinutes(61))).isEqualTo(berlin(2026, 3, 20, 16, 59));
        assertThat(office.minusBusinessTime(berlin(2026, 3, 23, 9, 0), Duration.ofMinutes(480)))
                .isEqualTo(berlin(2026, 3, 20, 9, 0));
        assertThat(office.minusBusinessTime(berlin(2026, 4, 7, 9, 30), Duration.ofMinutes(60)))
                .as("Easter Monday and Good Friday are skipped").isEqualTo(berlin(2026, 4, 2, 16, 30));
        Instant due = berlin(2026, 4, 8, 11, 15);
        for (long minutes = 0; minutes <= 3000; minutes += 37) {
            Instant start = office.minusBusinessTime(due, Duration.ofMinutes(minutes));
            assertThat(office.businessMinutesBetween(start, due)).as("%d minutes", minutes).isEqualTo(minutes);
            assertThat(office.plusBusinessTime(start, Duration.ofMinutes(minutes))).isEqualTo(due);
        }
    }

    @Test
    void businessDaysEndAtTheCloseOfTheNthBusinessDayAndCountBackToItsOpening() {
        Instant maundyThursday = berlin(2026, 4, 2, 10, 0);
        assertThat(office.plusBusinessDays(maundyThursday, 1)).isEqualTo(berlin(2026, 4, 7, 17, 0));
        assertThat(office.plusBusinessDays(berlin(2026, 4, 4, 12, 0), 1)).isEqualTo(berlin(2026, 4, 7, 17, 0));
        assertThat(office.minusBusinessDays(berlin(2026, 4, 7, 12, 0), 1)).isEqualTo(berlin(2026, 4, 2, 9, 0));
        assertThat(office.minusBusinessDays(berlin(2026, 4, 7, 12, 0), 3)).isEqualTo(berlin(2026, 3, 31, 9, 0));
        assertThat(office.plusBusinessDays(LocalDate.of(2026, 4, 7), -1)).isEqualTo(LocalDate.of(2026, 4, 2));
    }

    @Test
    void datedExceptionsReplaceTheWeeklyHoursOfTheirDate() {
        BusinessCalendar december = new BusinessCalendar(BERLIN, weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)),
                year -> new TreeMap<>(Map.of(LocalDate.of(2026, 12, 25), "Christmas Day")), List.of(
                new DatedHours(LocalDate.of(2026, 12, 24), "Christmas Eve",
                        List.of(new OpeningHours(DayOfWeek.THURSDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)))),
                new DatedHours(LocalDate.of(2026, 12, 19), "Launch Saturday",
                        List.of(new OpeningHours(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(14, 0)))),
                new DatedHours(LocalDate.of(2026, 12, 31), "Inventory", List.of())));
        assertThat(december.businessMinutesBetween(berlin(2026, 12, 24, 0, 0), berlin(2026, 12, 25, 0, 0))).isEqualTo(180);
        assertThat(december.businessMinutesBetween(berlin(2026, 12, 19, 0, 0), berlin(2026, 12, 20, 0, 0))).isEqualTo(240);
        assertThat(december.isBusinessDay(LocalDate.of(2026, 12, 19))).isTrue();
        assertThat(december.isBusinessDay(LocalDate.of(2026, 12, 31))).isFalse();
        assertThat(december.plusBusinessTime(berlin(2026, 12, 24, 11, 0), Duration.ofMinutes(61)))
                .as("Christmas Eve closes at noon, Christmas Day is a holiday").isEqualTo(berlin(2026, 12, 28, 9, 1));
        assertThat(december.plusBusinessDays(berlin(2026, 12, 23, 15, 0), 1)).isEqualTo(berlin(2026, 12, 24, 12, 0));
        assertThat(december.plusBusinessDays(berlin(2026, 12, 30, 15, 0), 1)).isEqualTo(berlin(2027, 1, 1, 17, 0));
    }

    @Test
    void aCalendarWithoutAnOpenMinuteFailsWithADomainErrorInsteadOfLooping() {
        BusinessCalendar closed = new BusinessCalendar(BERLIN, List.of(), year -> new TreeMap<>());
        Instant now = berlin(2026, 3, 20, 10, 0);
        assertThatThrownBy(() -> closed.plusBusinessTime(now, Duration.ofMinutes(1)))
                .isInstanceOf(NoWorkingTimeException.class).hasMessageContaining("no open minute in the 366 days");
        assertThatThrownBy(() -> closed.minusBusinessTime(now, Duration.ofMinutes(1)))
                .isInstanceOf(NoWorkingTimeException.class);
        assertThatThrownBy(() -> closed.plusBusinessDays(LocalDate.of(2026, 3, 20), 15))
                .isInstanceOf(NoWorkingTimeException.class);
        BusinessCalendar everyDayAHoliday = new BusinessCalendar(BERLIN, weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)),
                year -> {
                    SortedMap<LocalDate, String> all = new TreeMap<>();
                    LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1)).forEach(d -> all.put(d, "closed"));
                    return all;
                });
        assertThatThrownBy(() -> everyDayAHoliday.plusBusinessDays(now, 1)).isInstanceOf(NoWorkingTimeException.class);
        assertThatThrownBy(() -> office.plusBusinessTime(now, Duration.ofDays(10 * 366)))
                .isInstanceOf(NoWorkingTimeException.class).hasMessageContaining("within 10 years");
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
