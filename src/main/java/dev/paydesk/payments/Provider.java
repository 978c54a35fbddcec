package dev.paydesk.payments;

import java.util.Locale;

import dev.paydesk.shared.InvalidInputException;

/** Where a money movement was reported from. */
public enum Provider {
    STRIPE, ADYEN, PAYPAL, KLARNA, BANK, MERCHANT;

    public static Provider parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("provider", "unknown provider '" + value + "'");
        }
    }
}
