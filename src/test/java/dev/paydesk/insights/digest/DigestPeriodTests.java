package dev.paydesk.insights.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import dev.paydesk.insights.digest.DigestPeriod.Frequency;

/** Which period a digest covers at a given instant, in the subscription's wall-clock time. */
class DigestPeriodTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static DigestPeriod period(String start, String end) {
        return new DigestPeriod(LocalDate.parse(start), LocalDate.parse(end));
    }

    @Test
    void aDailyDigestCoversYesterdayFromTheSendHourOn() {
        // 2026-12-08 07:00 in Berlin (CET, UTC+1) is 06:00Z
        assertThat(DigestPeriod.latestDue(Frequency.DAILY, BERLIN, 7, Instant.parse("2026-12-08T05:59:59Z")))
                .isEqualTo(period("2026-12-06", "2026-12-07"));
        assertThat(DigestPeriod.latestDue(Frequency.DAILY, BERLIN, 7, Instant.parse("2026-12-08T06:00:00Z")))
                .isEqualTo(period("2026-12-07", "2026-12-08"));
    }

    @Test
    void theLocalDayIsTheSubscriptionsNotUtc() {
        // 2026-12-07 23:30Z is already 8 December 12:30 in Auckland (NZDT, UTC+13)
        assertThat(DigestPeriod.latestDue(Frequency.DAILY, ZoneId.of("Pacific/Auckland"), 7, Instant.parse("2026-12-07T23:30:00Z")))
                .isEqualTo(period("2026-12-07", "2026-12-08"));
    }

    @Test
    void aWeeklyDigestCoversTheLastFullIsoWeekFromMondaysSendHour() {
        // Monday 2026-12-07; before 07:00 local the week before last is the latest due
        assertThat(DigestPeriod.latestDue(Frequency.WEEKLY, BERLIN, 7, Instant.parse("2026-12-07T05:00:00Z")))
                .isEqualTo(period("2026-11-23", "2026-11-30"));
        assertThat(DigestPeriod.latestDue(Frequency.WEEKLY, BERLIN, 7, Instant.parse("2026-12-07T06:00:00Z")))
                .isEqualTo(period("2026-11-30", "2026-12-07"));
        assertThat(DigestPeriod.latestDue(Frequency.WEEKLY, BERLIN, 7, Instant.parse("2026-12-13T22:59:00Z")))
                .isEqualTo(period("2026-11-30", "2026-12-07"));
    }

    @Test
    void aSendHourInTheSpringForwardGapSendsAtTheFirstHourAfterIt() {
        // 2026-03-29: Berlin skips 02:00-03:00 (CET -> CEST); 02:00 becomes 03:00 CEST = 01:00Z
        assertThat(DigestPeriod.latestDue(Frequency.DAILY, BERLIN, 2, Instant.parse("2026-03-29T00:59:00Z")))
                .isEqualTo(period("2026-03-27", "2026-03-28"));
        assertThat(DigestPeriod.latestDue(Frequency.DAILY, BERLIN, 2, Instant.parse("2026-03-29T01:00:00Z")))
                .isEqualTo(period("2026-03-28", "2026-03-29"));
    }
}
