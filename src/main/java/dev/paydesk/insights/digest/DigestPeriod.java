package dev.paydesk.insights.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * The local days {@code [start, end)} a digest covers. A daily digest covers one local day and is due at
 * {@code sendHour} on the next day; a weekly digest covers Monday to Sunday (ISO week) and is due at
 * {@code sendHour} on the following Monday. Times are wall-clock times in the subscription's zone (a DST
 * gap moves the send time forward, as {@link ZonedDateTime#of} does).
 */
record DigestPeriod(LocalDate start, LocalDate end) {

    enum Frequency {
        DAILY, WEEKLY
    }

    DigestPeriod {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("empty period " + start + " .. " + end);
        }
    }

    /** The latest period of this frequency whose send time in {@code zone} is at or before {@code now}. */
    static DigestPeriod latestDue(Frequency frequency, ZoneId zone, int sendHour, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        return switch (frequency) {
            case DAILY -> {
                LocalDate end = sendsAt(today, sendHour, zone).isAfter(now) ? today.minusDays(1) : today;
                yield new DigestPeriod(end.minusDays(1), end);
            }
            case WEEKLY -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                LocalDate end = sendsAt(monday, sendHour, zone).isAfter(now) ? monday.minusWeeks(1) : monday;
                yield new DigestPeriod(end.minusWeeks(1), end);
            }
        };
    }

    private static Instant sendsAt(LocalDate day, int hour, ZoneId zone) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), zone).toInstant();
    }
}
