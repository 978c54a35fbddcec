package dev.paydesk.payments.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import dev.paydesk.payments.PaymentQueries;
import dev.paydesk.shared.Money;

/**
 * The payment search's filters as the UI page and the API take them (request parameters with these
 * names); every one optional. {@code amount} is a decimal in {@code currency} (EUR when none is given).
 */
record PaymentFilters(@Nullable String customer, @Nullable String last4, @Nullable String amount,
                      @Nullable String currency, @Nullable LocalDate from, @Nullable LocalDate to) {

    boolean any() {
        return last4 != null || customer != null || amount != null || from != null;
    }

    /** The criteria with an order or provider reference; refuses an amount that is not one. */
    PaymentQueries.SearchCriteria criteria(@Nullable String order, @Nullable String reference, int limit) {
        Long minor = amount == null || amount.isBlank() ? null
                : Money.parse(amount, currency == null || currency.isBlank() ? "EUR" : currency).minor();
        return new PaymentQueries.SearchCriteria(order, reference, customer, last4, minor, from, to, limit);
    }
}
