package dev.paydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * 24:00 closings and both daylight-saving transitions with exact minutes. Transition dates are the JDK tzdb's:
 * Europe/Berlin 29 Mar 2026 02:00→03:00 and 25 Oct 2026 03:00→02:00; America/Sao_Paulo 18 Oct 2015
 * 00:00→01:00 and 21 Feb 2016 00:00→20 Feb 23:00 (Brazil stopped changing clocks in 2019);
 * Australia/Sydney 5 Apr 2026 03:00→02:00 and 4 Oct 2026 02:00→03:00.
 */
class BusinessCalendarDstTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    @Test
    void aWholeDayCalendarCountsEveryRealMinuteOfTheDstDays() {
        assertThat(dayMinutes(allDay(BERLIN), LocalDate.of(2026, 3, 29))).isEqualTo(23 * 60);
        assertThat(dayMinutes(allDay(BERLIN), LocalDate.of(2026, 10, 25))).isEqualTo(25 * 60);
        assertThat(dayMinutes(allDay(SAO_PAULO), LocalDate.of(2015, 10, 18))).isEqualTo(23 * 60);
        assertThat(dayMinutes(allDay(SAO_PAULO), LocalDate.of(2016, 2, 20))).isEqualTo(25 * 60);
        assertThat(dayMinutes(allDay(SYDNEY), LocalDate.of(2026, 4, 5))).isEqualTo(25 * 60);
        assertThat(dayMinutes(allDay(SYDNEY), LocalDate.of(2026, 10, 4))).isEqualTo(23 * 60);
    }

    @Test
    void aTwentyFourSevenCalendarIsRealTimeAcrossEveryTransition() {
        for (ZoneId zone : List.of(BERLIN, SAO_PAULO, SYDNEY)) {
            BusinessCalendar always = allDay(zone);
            for (String from : List.of("2015-10-17T20:30:00Z", "2016-02-20T18:00:00Z", "2026-03-28T12:00:00Z",
                    "2026-04-04T10:15:00Z", "2026-10-03T09:00:00Z", "2026-10-24T23:59:00Z")) {
                Instant start = Instant.parse(from);
                for (long minutes : new long[] {1, 59, 60, 61, 119, 240, 1439, 1440, 1441, 2 * 1440 + 7}) {
                    Instant due = always.plusBusinessTime(start, Duration.ofMinutes(minutes));
                    assertThat(due).as("%s %s + %d", zone, start, minutes).isEqualTo(start.plusSeconds(60 * minutes));
                    assertThat(always.businessMinutesBetween(start, due)).isEqualTo(minutes);
                    assertThat(always.minusBusinessTime(due, Duration.ofMinutes(minutes))).isEqualTo(start);
                }
            }
        }
    }

    @Test
    void theHourRepeatedAtMidnightInSaoPauloIsWorkedUntilTwentyFour() {
        BusinessCalendar evenings = every(SAO_PAULO, LocalTime.of(18, 0), OpeningHours.END_OF_DAY);
        assertThat(dayMinutes(evenings, LocalDate.of(2016, 2, 19))).isEqualTo(360);
        assertThat(dayMinutes(evenings, LocalDate.of(2016, 2, 20))).isEqualTo(420);
        Instant sixPm = at("2016-02-20T18:00-02:00");
        assertThat(evenings.plusBusinessTime(sixPm, Duration.ofMinutes(330))).isEqualTo(at("2016-02-20T23:30-02:00"));
        assertThat(evenings.plusBusinessTime(sixPm, Duration.ofMinutes(400))).isEqualTo(at("2016-02-20T23:40-03:00"));
        assertThat(evenings.plusBusinessTime(sixPm, Duration.ofMinutes(420))).isEqualTo(at("2016-02-21T00:00-03:00"));
        assertThat(evenings.plusBusinessTime(sixPm, Duration.ofMinutes(421))).isEqualTo(at("2016-02-21T18:01-03:00"));
    }

    @Test
    void anAmbiguousClosingClosesAtItsLastOccurrenceAndAnAmbiguousOpeningOpensAtItsFirst() {
        BusinessCalendar lateShift = every(SAO_PAULO, LocalTime.of(20, 0), LocalTime.of(23, 30));
        assertThat(dayMinutes(lateShift, LocalDate.of(2016, 2, 20))).isEqualTo(270);
        BusinessCalendar lastHour = every(SAO_PAULO, LocalTime.of(23, 15), OpeningHours.END_OF_DAY);
        assertThat(dayMinutes(lastHour, LocalDate.of(2016, 2, 20))).isEqualTo(105);
        assertThat(lastHour.plusBusinessTime(at("2016-02-20T12:00-02:00"), Duration.ofMinutes(1)))
                .isEqualTo(at("2016-02-20T23:16-02:00"));

        BusinessCalendar night = every(BERLIN, LocalTime.MIDNIGHT, LocalTime.of(2, 30));
        assertThat(dayMinutes(night, LocalDate.of(2026, 10, 25))).isEqualTo(210);
        assertThat(night.plusBusinessTime(at("2026-10-25T00:00+02:00"), Duration.ofMinutes(210)))
                .isEqualTo(at("2026-10-25T02:30+01:00"));
        assertThat(dayMinutes(every(SYDNEY, LocalTime.MIDNIGHT, LocalTime.of(2, 30)), LocalDate.of(2026, 4, 5)))
                .isEqualTo(210);
    }

    @Test
    void aTimeSkippedBySpringForwardTakesEffectAtTheTransition() {
        BusinessCalendar early = every(BERLIN, LocalTime.of(2, 30), LocalTime.of(4, 0));
        assertThat(dayMinutes(early, LocalDate.of(2026, 3, 29))).isEqualTo(60);
        assertThat(early.plusBusinessTime(at("2026-03-29T00:00+01:00"), Duration.ofMinutes(1)))
                .isEqualTo(at("2026-03-29T03:01+02:00"));
        BusinessCalendar fromMidnight = every(SAO_PAULO, LocalTime.MIDNIGHT, LocalTime.of(6, 0));
        assertThat(dayMinutes(fromMidnight, LocalDate.of(2015, 10, 18))).isEqualTo(300);
        BusinessCalendar toMidnight = every(SAO_PAULO, LocalTime.of(18, 0), OpeningHours.END_OF_DAY);
        assertThat(dayMinutes(toMidnight, LocalDate.of(2015, 10, 17))).isEqualTo(360);
        assertThat(toMidnight.plusBusinessTime(at("2015-10-17T18:00-03:00"), Duration.ofMinutes(360)))
                .isEqualTo(at("2015-10-18T01:00-02:00"));
        assertThat(dayMinutes(every(SYDNEY, LocalTime.of(18, 0), OpeningHours.END_OF_DAY), LocalDate.of(2026, 10, 4)))
                .isEqualTo(360);
    }

    @Test
    void midnightClosingMeetsMidnightOpeningWithoutAGapOrOverlap() {
        BusinessCalendar always = allDay(BERLIN);
        Instant friday = at("2026-03-27T00:00+01:00");
        Instant tuesday = at("2026-03-31T00:00+02:00");
        assertThat(always.businessMinutesBetween(friday, tuesday)).isEqualTo(4 * 1440 - 60);
        assertThat(always.plusBusinessTime(friday, Duration.ofMinutes(1440))).isEqualTo(at("2026-03-28T00:00+01:00"));
    }

    private static long dayMinutes(BusinessCalendar calendar, LocalDate day) {
        return calendar.businessMinutesBetween(day.atStartOfDay(calendar.zone()).toInstant(),
                day.plusDays(1).atStartOfDay(calendar.zone()).toInstant());
    }

    private static BusinessCalendar allDay(ZoneId zone) {
        return every(zone, LocalTime.MIDNIGHT, OpeningHours.END_OF_DAY);
    }

    private static BusinessCalendar every(ZoneId zone, LocalTime opens, LocalTime closes) {
        return new BusinessCalendar(zone, Arrays.stream(DayOfWeek.values()).map(d -> new OpeningHours(d, opens, closes))
                .toList(), year -> new TreeMap<>());
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
