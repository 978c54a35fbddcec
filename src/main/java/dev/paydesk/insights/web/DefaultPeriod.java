package dev.paydesk.insights.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.paydesk.platform.Market;
import dev.paydesk.platform.MarketCatalog;

/**
 * Where a dashboard's default period ends. Facts count on the market's local day, so "today" is the market's own
 * date, and without a market the latest date of all markets: ended at UTC's today, the period left out every fact of
 * a market east of UTC from its midnight until UTC's (two hours a night for Tallinn, eleven for Auckland).
 */
final class DefaultPeriod {

    private DefaultPeriod() {
    }

    /** The day after today in {@code market}'s zone, or after the latest today of all markets without one. */
    static LocalDate end(Clock clock, MarketCatalog markets, @Nullable String market) {
        List<ZoneId> zones = market == null || market.isBlank()
                ? markets.markets().stream().map(Market::zone).toList()
                : markets.market(market.strip().toUpperCase(Locale.ROOT)).map(m -> List.of(m.zone())).orElse(List.of());
        return end(clock.instant(), zones);
    }

    /** The day after the latest local date at {@code now} in {@code zones}; after UTC's date without zones. */
    static LocalDate end(Instant now, Collection<ZoneId> zones) {
        return zones.stream().map(z -> LocalDate.ofInstant(now, z)).max(LocalDate::compareTo)
                .orElseGet(() -> LocalDate.ofInstant(now, ZoneOffset.UTC)).plusDays(1);
    }

    /** The single value of a request parameter, or null. */
    static @Nullable String param(java.util.Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        return values == null || values.length != 1 ? null : values[0];
    }
}
