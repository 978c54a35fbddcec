package dev.paydesk.disputes;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** The scheme whose rules (reason codes, windows) govern a dispute; PayPal and Klarna run their own. */
public enum CardNetwork {
    VISA, MASTERCARD, AMEX, DISCOVER, PAYPAL, KLARNA, UNKNOWN;

    /** Reads the brand names providers use: {@code visa}, {@code mc}, {@code mastercard}, {@code amex}... */
    public static CardNetwork fromBrand(@Nullable String brand) {
        if (brand == null) {
            return UNKNOWN;
        }
        return switch (brand.trim().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "")) {
            case "visa", "visadebit", "visacredit" -> VISA;
            case "mc", "mastercard", "maestro", "mcdebit" -> MASTERCARD;
            case "amex", "americanexpress" -> AMEX;
            case "discover", "diners", "dinersclub" -> DISCOVER;
            case "paypal" -> PAYPAL;
            case "klarna" -> KLARNA;
            default -> UNKNOWN;
        };
    }
}
