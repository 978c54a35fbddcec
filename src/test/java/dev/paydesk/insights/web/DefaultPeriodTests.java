package dev.paydesk.insights.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.paydesk.platform.FixedMarkets;
import dev.paydesk.platform.Market;
import dev.paydesk.platform.MarketCatalog;

/**
 * Where the dashboards' default period ends, at 22:30 UTC on Monday 7 December 2026: already Tuesday in Tallinn
 * (UTC+2), still Monday afternoon in Chicago (UTC-6). Facts count on the market's local day.
 */
class DefaultPeriodTests {

    private static final Clock LATE_EVENING_UTC = Clock.fixed(Instant.parse("2026-12-07T22:30:00Z"), ZoneOffset.UTC);

    private static final MarketCatalog MARKETS = FixedMarkets.of(List.of(market("EE", "Europe/Tallinn"),
            market("US", "America/Chicago")));

    private static Market market(String code, String zone) {
        return new Market(code, code + " market", Currency.getInstance("EUR"), ZoneId.of(zone), List.of("en"), null);
    }

    @Test
    void aMarketEastOfUtcHasItsTuesdayInThePeriodBeforeUtcsMidnight() {
        // ended after UTC's Monday (to = 8 December, exclusive), the period left Tallinn's Tuesday out
        assertThat(DefaultPeriod.end(LATE_EVENING_UTC, MARKETS, "EE")).isEqualTo(LocalDate.of(2026, 12, 9));
        assertThat(DefaultPeriod.end(LATE_EVENING_UTC, MARKETS, " ee ")).isEqualTo(LocalDate.of(2026, 12, 9));
    }

    @Test
    void aMarketWestOfUtcEndsWithItsOwnMonday() {
        assertThat(DefaultPeriod.end(LATE_EVENING_UTC, MARKETS, "US")).isEqualTo(LocalDate.of(2026, 12, 8));
    }

    @Test
    void withoutAMarketThePeriodEndsAfterTheLatestTodayOfAllMarkets() {
        assertThat(DefaultPeriod.end(LATE_EVENING_UTC, MARKETS, null)).isEqualTo(LocalDate.of(2026, 12, 9));
        assertThat(DefaultPeriod.end(LATE_EVENING_UTC, MARKETS, "")).isEqualTo(LocalDate.of(2026, 12, 9));
        assertThat(DefaultPeriod.end(Instant.parse("2026-12-07T22:30:00Z"), List.of()))
                .as("no market at all: UTC's day").isEqualTo(LocalDate.of(2026, 12, 8));
    }

    @Test
    void anUnknownMarketEndsWithUtcsDay() {
        assertThat(DefaultPeriod.end(LATE_EVENING_UTC, MARKETS, "XX")).isEqualTo(LocalDate.of(2026, 12, 8));
    }

    @Test
    void aRequestWithoutAPeriodOrWithBothEndsBlankGetsTheDefaultAndOneEndAloneIsRefused() {
        java.util.Map<String, String[]> blank = DefaultPeriod.params(java.util.Map.of("from", new String[]{""},
                "to", new String[]{" "}, "market", new String[]{"EE"}), LATE_EVENING_UTC, MARKETS);
        assertThat(blank.get("to")).containsExactly("2026-12-09");
        assertThat(blank.get("from")).containsExactly(LocalDate.of(2026, 12, 9).minusDays(DefaultPeriod.DAYS).toString());
        assertThat(DefaultPeriod.params(java.util.Map.of(), LATE_EVENING_UTC, MARKETS).get("to"))
                .containsExactly("2026-12-09");

        java.util.Map<String, String[]> chosen = java.util.Map.of("from", new String[]{"2026-11-01"},
                "to", new String[]{"2026-11-08"});
        assertThat(DefaultPeriod.params(chosen, LATE_EVENING_UTC, MARKETS)).containsOnlyKeys("from", "to")
                .hasEntrySatisfying("from", v -> assertThat(v).containsExactly("2026-11-01"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DefaultPeriod.params(
                        java.util.Map.of("from", new String[]{"2026-11-01"}, "to", new String[]{""}), LATE_EVENING_UTC, MARKETS))
                .isInstanceOf(dev.paydesk.shared.InvalidInputException.class).hasMessageContaining("choose both")
                .extracting("field").isEqualTo("to");
    }
}
