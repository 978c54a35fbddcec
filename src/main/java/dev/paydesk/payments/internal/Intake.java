package dev.paydesk.payments.internal;

import java.util.Currency;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.Money;
import dev.paydesk.shared.MoneyParser;

/**
 * The checks every value from a provider event or a file line passes before it is stored: money
 * through {@link MoneyParser}, text without control characters (PostgreSQL cannot hold NUL) and of
 * bounded length, market codes among the configured markets. A refusal is a
 * {@link MalformedPayloadException} naming the field, so the event or the line goes to the
 * quarantine with that reason while the rest is still imported.
 */
final class Intake {

    /** The longest text accepted in any field of a line or an event. */
    static final int MAX_TEXT = 1_000;
    /** The longest reference (order, payment, customer, batch), which are keys and indexed. */
    static final int MAX_REFERENCE = 255;

    private Intake() {
    }

    /** An ISO 4217 tender code, as {@link MoneyParser#currency} reads it. */
    static Currency currency(String field, @Nullable String code) {
        try {
            return MoneyParser.currency(field, code);
        } catch (InvalidInputException e) {
            throw refused(e);
        }
    }

    /** A decimal amount such as {@code 12.34} in minor units of the currency. */
    static long decimal(String field, @Nullable String amount, Currency currency, MoneyParser.Sign sign) {
        try {
            return MoneyParser.decimal(field, amount, currency, sign).minor();
        } catch (InvalidInputException e) {
            throw refused(e);
        }
    }

    /** A decimal amount and its currency code, each refused under its own field's name. */
    static Money decimal(String amountField, @Nullable String amount, String currencyField, @Nullable String code,
                         MoneyParser.Sign sign) {
        return new Money(decimal(amountField, amount, currency(currencyField, code), sign), currency(currencyField, code));
    }

    /** A whole number of minor units, as text (e.g. a JSON number's literal or a CSV field). */
    static Money minorUnits(String field, @Nullable String minor, Currency currency, MoneyParser.Sign sign) {
        try {
            return MoneyParser.minorUnits(field, minor == null ? null : minor.trim(), currency, sign);
        } catch (InvalidInputException e) {
            throw refused(e);
        }
    }

    /** Text of at most {@link #MAX_TEXT} characters without control characters other than tab and line breaks. */
    static @Nullable String text(String field, @Nullable String value) {
        return checked(field, value, MAX_TEXT);
    }

    /** A reference: at most {@link #MAX_REFERENCE} characters, no control characters. */
    static @Nullable String reference(String field, @Nullable String value) {
        return checked(field, value, MAX_REFERENCE);
    }

    /** Every field of a file line (by column name when known), checked as {@link #text}. */
    static void line(List<String> names, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            text(i < names.size() ? names.get(i) : "column " + (i + 1), values.get(i));
        }
    }

    /**
     * A market: an ISO 3166-1 alpha-2 country code in upper case ({@code DE}); user-assigned codes
     * such as {@code ZZ} or {@code XX} name no country and are refused. Not checked against the
     * markets configured in Paydesk: those are created at run time, and a merchant's orders may arrive
     * before the desk serves their market.
     */
    static @Nullable String market(String field, @Nullable String code) {
        if (code == null) {
            return null;
        }
        if (!COUNTRIES.contains(code)) {
            throw new MalformedPayloadException(field + ": '" + printable(code, 20) + "' is not an ISO 3166 country "
                    + "code (two upper-case letters such as DE)");
        }
        return code;
    }

    /** A point in time PostgreSQL and the calendars can hold: years 1970 to 9999. */
    static java.time.Instant instant(String field, java.time.Instant at) {
        if (at.isBefore(java.time.Instant.EPOCH) || at.isAfter(LATEST)) {
            throw new MalformedPayloadException(field + ": " + at + " is out of range (years 1970 to 9999)");
        }
        return at;
    }

    private static final java.time.Instant LATEST = java.time.Instant.parse("9999-12-31T23:59:59Z");
    private static final Set<String> COUNTRIES = Set.copyOf(
            java.util.Locale.getISOCountries(java.util.Locale.IsoCountryCode.PART1_ALPHA2));

    private static @Nullable String checked(String field, @Nullable String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new MalformedPayloadException(field + " is " + value.length() + " characters long; at most " + max
                    + " are accepted");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                throw new MalformedPayloadException(field + " contains the control character U+"
                        + String.format("%04X", (int) c));
            }
        }
        return value;
    }

    private static MalformedPayloadException refused(InvalidInputException e) {
        return new MalformedPayloadException(e.field() + ": " + e.getMessage());
    }

    static String printable(String text, int max) {
        String shown = text.replaceAll("\\p{Cntrl}", "?");
        return shown.length() <= max ? shown : shown.substring(0, max) + "…";
    }
}
