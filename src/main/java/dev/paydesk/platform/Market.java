package dev.paydesk.platform;

import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

/**
 * A market the team serves: an ISO 3166 country code with its currency, time zone and languages.
 *
 * @param holidayCountry whose public holidays apply (usually the market's own country)
 */
public record Market(String code, String name, Currency currency, ZoneId zone, List<String> languages,
                     String holidayCountry) {

    public Market {
        languages = List.copyOf(languages);
    }
}
