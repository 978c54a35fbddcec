package dev.paydesk.platform;

import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A market the team serves: an ISO 3166 country code with its currency, time zone and languages.
 *
 * @param holidayCountry whose national public holidays apply (usually the market's own country); null for a
 *                       calendar without national holidays (a 24/7 team, a company calendar)
 */
public record Market(String code, String name, Currency currency, ZoneId zone, List<String> languages,
                     @Nullable String holidayCountry) {

    public Market {
        languages = List.copyOf(languages);
    }
}
