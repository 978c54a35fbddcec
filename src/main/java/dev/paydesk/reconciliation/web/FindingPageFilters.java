package dev.paydesk.reconciliation.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.paydesk.reconciliation.FindingType;
import dev.paydesk.reconciliation.Findings;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.MoneyParser;

/**
 * The findings page's filters as typed (request parameters with these names, the same as {@link FindingFilters}
 * of the API). Unlike the API, the page never refuses: a type in any case is accepted, and a value that cannot
 * be read (type, days, amount in the user's locale, e.g. 49,90 in German) is left out and named in
 * {@link Read#badFields()}.
 */
record FindingPageFilters(@Nullable String type, @Nullable String provider, @Nullable String market,
                          @Nullable String method, @Nullable String olderThanDays, @Nullable String minAmount,
                          @Nullable String includeResolved) {

    /** The filter read from the fields, and the names of the fields that were ignored. */
    record Read(Findings.Filter filter, List<String> badFields) {
    }

    Read read(Locale locale, int limit) {
        List<String> bad = new ArrayList<>();
        FindingType findingType = null;
        if (blank(type) != null) {
            findingType = Arrays.stream(FindingType.values()).filter(t -> t.name().equalsIgnoreCase(type.trim()))
                    .findFirst().orElse(null);
            if (findingType == null) {
                bad.add("type");
            }
        }
        Integer days = null;
        if (blank(olderThanDays) != null) {
            try {
                days = Math.max(0, Integer.parseInt(olderThanDays.trim()));
            } catch (NumberFormatException e) {
                bad.add("olderThanDays");
            }
        }
        Long minAmountMinor = null;
        if (blank(minAmount) != null) {
            try {
                minAmountMinor = MoneyParser.localized("minAmount", minAmount, Currency.getInstance("EUR"),
                        MoneyParser.Sign.ANY, locale).minor();
            } catch (InvalidInputException e) {
                bad.add("minAmount");
            }
        }
        return new Read(new Findings.Filter(findingType, blank(provider), blank(market), blank(method), days, minAmountMinor,
                "true".equalsIgnoreCase(includeResolved), limit), List.copyOf(bad));
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
