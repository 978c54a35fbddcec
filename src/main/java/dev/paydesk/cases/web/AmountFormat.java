package dev.paydesk.cases.web;

import java.text.NumberFormat;
import java.util.Locale;

import dev.paydesk.shared.Money;

/** Amounts written as the user's locale writes them (49,90 in German), the way the forms read them back. */
final class AmountFormat {

    private AmountFormat() {
    }

    /** The amount without grouping or currency, e.g. {@code 1234,50} in German. */
    static String plain(Money money, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        int digits = Math.max(money.currency().getDefaultFractionDigits(), 0);
        f.setGroupingUsed(false);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(money.toDecimal());
    }
}
