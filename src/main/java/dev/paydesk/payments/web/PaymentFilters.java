package dev.paydesk.payments.web;

import java.time.LocalDate;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.paydesk.payments.PaymentQueries;
import dev.paydesk.shared.Money;
import dev.paydesk.shared.MoneyParser;

/**
 * The payment search's filters as the UI page and the API take them (request parameters with these
 * names); every one optional. {@code amount} is a decimal in {@code currency} (EUR when none is given):
 * on the API in the plain notation (49.90), on the page in the user's locale (49,90 in German).
 */
record PaymentFilters(@Nullable String customer, @Nullable String last4, @Nullable String amount,
                      @Nullable String currency, @Nullable LocalDate from, @Nullable LocalDate to) {

    boolean any() {
        return last4 != null || customer != null || amount != null || from != null;
    }

    /** The criteria with an order or provider reference; refuses an amount that is not one. */
    PaymentQueries.SearchCriteria criteria(@Nullable String order, @Nullable String reference, int limit) {
        Long minor = amount == null || amount.isBlank() ? null : Money.parse(amount, currencyOrEur()).minor();
        return new PaymentQueries.SearchCriteria(order, reference, customer, last4, minor, from, to, limit);
    }

    /**
     * The criteria with the amount read in {@code locale}'s notation; a refusal ({@code InvalidInputException})
     * names the field ({@code amount} or {@code currency}) and is worded in that language.
     */
    PaymentQueries.SearchCriteria criteria(@Nullable String order, @Nullable String reference, int limit, Locale locale) {
        Long minor = amount == null || amount.isBlank() ? null
                : MoneyParser.localized("amount", amount, "currency", currencyOrEur(), MoneyParser.Sign.ANY, locale).minor();
        return new PaymentQueries.SearchCriteria(order, reference, customer, last4, minor, from, to, limit);
    }

    private String currencyOrEur() {
        return currency == null || currency.isBlank() ? "EUR" : currency;
    }
}
