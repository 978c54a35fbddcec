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

    /** Days a dashboard shows when the request names no period. */
    static final int DAYS = 28;

    private DefaultPeriod() {
    }

    /**
     * A dashboard request's parameters, blank ones dropped, with the default period (the {@link #DAYS} days up
     * to the market's today) when it names neither end; one end without the other is refused, naming the field.
     */
    static java.util.Map<String, String[]> params(java.util.Map<String, String[]> request, Clock clock,
                                                  MarketCatalog markets) {
        java.util.Map<String, String[]> params = new java.util.LinkedHashMap<>(request);
        params.values().removeIf(v -> v.length == 1 && v[0].isBlank());
        boolean from = params.containsKey("from");
        boolean to = params.containsKey("to");
        if (!from && !to) {
            LocalDate end = end(clock, markets, param(params, "market"));
            params.put("from", new String[]{end.minusDays(DAYS).toString()});
            params.put("to", new String[]{end.toString()});
        } else if (!from || !to) {
            throw new dev.paydesk.shared.InvalidInputException(from ? "to" : "from",
                    "choose both a first day and the day after the last");
        }
        return params;
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
