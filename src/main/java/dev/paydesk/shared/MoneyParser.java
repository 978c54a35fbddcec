package dev.paydesk.shared;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place where money enters Paydesk as text: decimal amounts as the API and the merchant's
 * files write them ({@code 12.34}), and integer minor units as Stripe and Adyen send them
 * ({@code 1234}). Currencies are ISO 4217 codes of real tender, written as the standard writes them
 * (three upper-case letters); amounts are bounded, carry at most the currency's minor-unit digits
 * and, where the caller names a direction, must have the right sign. Every refusal is an
 * {@link InvalidInputException} that names the field, so no input becomes a server error.
 */
public final class MoneyParser {

    /** Which amounts the field allows. */
    public enum Sign {
        /** Any amount, e.g. a balance or a signed settlement line. */
        ANY,
        /** Zero or more, e.g. a fee or a threshold. */
        NON_NEGATIVE,
        /** More than zero, e.g. a refund request or a capture whose direction the field's name gives. */
        POSITIVE
    }

    /** The largest absolute amount in minor units accepted anywhere: 10^15 - 1 (ten trillion euros). */
    public static final long MAX_MINOR = 999_999_999_999_999L;

    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,18})?");
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    /**
     * ISO 4217 codes that name no national tender: precious metals, bond-market units, SDRs,
     * the testing code and "no currency". The JDK knows them, a payment never carries them.
     */
    private static final Set<String> NOT_TENDER = Set.of("XXX", "XTS", "XAU", "XAG", "XPD", "XPT", "XBA", "XBB",
            "XBC", "XBD", "XDR", "XSU", "XUA", "XFU", "XFO", "XRE", "CHE", "CHW", "CLF", "COU", "MXV", "USN",
            "USS", "UYI", "UYW", "BOV");

    private MoneyParser() {
    }

    /** An ISO 4217 currency code of real tender, upper case as the standard writes it. */
    public static Currency currency(String field, String code) {
        if (code == null || code.isEmpty()) {
            throw new InvalidInputException(field, "a currency is required (an ISO 4217 code such as EUR)");
        }
        if (!CODE.matcher(code).matches()) {
            throw new InvalidInputException(field, "'" + shorten(code) + "' is not an ISO 4217 currency code "
                    + "(three upper-case letters such as EUR)");
        }
        if (NOT_TENDER.contains(code)) {
            throw new InvalidInputException(field, code + " is not a currency that payments are made in");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, code + " is not an ISO 4217 currency code");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new InvalidInputException(field, code + " is not a currency that payments are made in");
        }
        return currency;
    }

    /** A decimal amount and its currency code, each refused under the name of its own field. */
    public static Money decimal(String amountField, String amount, String currencyField, String currencyCode,
                                Sign sign) {
        return decimal(amountField, amount, currency(currencyField, currencyCode), sign);
    }

    /** A decimal amount such as {@code 12.34} or {@code -5} in the given currency. */
    public static Money decimal(String field, String amount, Currency currency, Sign sign) {
        if (amount == null || amount.isEmpty()) {
            throw new InvalidInputException(field, "an amount is required");
        }
        if (!DECIMAL.matcher(amount).matches()) {
            throw new InvalidInputException(field, "'" + shorten(amount)
                    + "' is not an amount: write digits with an optional '.' and decimals, e.g. 12.34");
        }
        int digits = currency.getDefaultFractionDigits();
        BigDecimal minor = new BigDecimal(amount).movePointRight(digits);
        if (minor.stripTrailingZeros().scale() > 0) {
            throw new InvalidInputException(field, amount + " has more decimals than " + currency.getCurrencyCode()
                    + " allows (" + digits + ")");
        }
        if (minor.abs().compareTo(BigDecimal.valueOf(MAX_MINOR)) > 0) {
            throw new InvalidInputException(field, amount + " " + currency.getCurrencyCode() + " is out of range");
        }
        return checked(field, new Money(minor.longValueExact(), currency), sign);
    }

    /**
     * An amount typed into a form by a person, written as their locale writes it: {@code 49,90} or
     * {@code 1.234,56} in German, {@code 49.90} or {@code 1,234.56} in English, {@code 1 234,56} in Swedish.
     * A German {@code 49.90} is read as 49.90 too (a dot before one or two digits is no thousands separator).
     * Refusals name the field and are worded in the locale's language (the {@code money.*} keys of the
     * {@code messages} bundle), never a Java parser message.
     */
    public static Money localized(String field, String amount, Currency currency, Sign sign, Locale locale) {
        if (amount == null || amount.isBlank()) {
            throw new InvalidInputException(field, text(locale, "money.required"));
        }
        String canonical = canonical(amount, locale);
        if (canonical == null) {
            throw new InvalidInputException(field, text(locale, "money.notAmount", shorten(amount.strip()), example(locale, currency)));
        }
        int digits = currency.getDefaultFractionDigits();
        BigDecimal value = new BigDecimal(canonical);
        if (value.stripTrailingZeros().scale() > digits) {
            throw new InvalidInputException(field, text(locale, "money.decimals", amount.strip(), currency.getCurrencyCode(), digits));
        }
        if (value.movePointRight(digits).abs().compareTo(BigDecimal.valueOf(MAX_MINOR)) > 0) {
            throw new InvalidInputException(field, text(locale, "money.range", amount.strip(), currency.getCurrencyCode()));
        }
        if (sign == Sign.POSITIVE && value.signum() <= 0) {
            throw new InvalidInputException(field, text(locale, "money.positive"));
        }
        if (sign == Sign.NON_NEGATIVE && value.signum() < 0) {
            throw new InvalidInputException(field, text(locale, "money.negative"));
        }
        return decimal(field, canonical, currency, sign);
    }

    /** A typed amount and its currency code, each refused under the name of its own field. */
    public static Money localized(String amountField, String amount, String currencyField, String currencyCode, Sign sign,
                                  Locale locale) {
        return localized(amountField, amount, currency(currencyField, currencyCode == null ? null : currencyCode.strip()), sign, locale);
    }

    /**
     * The amount as {@link #localized} reads it back, without grouping or currency: {@code 1234,50} in German,
     * {@code 1234.50} in English. For forms filled with a stored amount and for messages that quote one.
     */
    public static String toText(Money money, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        int digits = Math.max(money.currency().getDefaultFractionDigits(), 0);
        format.setGroupingUsed(false);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(money.toDecimal());
    }

    /** The amount rewritten as {@code -1234.56}, or null when it is no amount in the locale's notation. */
    static String canonical(String amount, Locale locale) {
        String s = amount.strip().replace('\u2212', '-').replaceAll("[\\s\u00a0\u202f'\u2019]", "");
        boolean commaDecimal = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator() == ',';
        if (commaDecimal) {
            if (s.indexOf(',') >= 0) {
                String[] parts = s.split(",", -1);
                if (parts.length != 2 || !parts[0].matches("-?(\\d{1,3}(\\.\\d{3})+|\\d*)")) {
                    return null;
                }
                s = parts[0].replace(".", "") + "." + parts[1];
            } else if (s.matches("-?\\d{1,3}(\\.\\d{3})+")) {
                s = s.replace(".", "");
            }
        } else if (s.indexOf(',') >= 0) {
            String whole = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
            if (!whole.matches("-?\\d{1,3}(,\\d{3})+")) {
                return null;
            }
            s = s.replace(",", "");
        }
        if (s.startsWith(".") || s.startsWith("-.")) {
            s = s.replaceFirst("\\.", "0.");
        }
        s = s.replaceFirst("^(-?)0+(?=\\d)", "$1");
        return DECIMAL.matcher(s).matches() ? s : null;
    }

    private static String example(Locale locale, Currency currency) {
        return toText(new Money(4990L * (long) Math.pow(10, Math.max(currency.getDefaultFractionDigits(), 0)) / 100, currency), locale);
    }

    /** A message of the {@code messages} bundle in the locale's language (English when it has none). */
    private static String text(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle("messages", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** An integer amount in minor units as providers send it, e.g. Stripe's {@code "amount": 1234}. */
    public static Money minorUnits(String field, String minor, Currency currency, Sign sign) {
        if (minor == null || !INTEGER.matcher(minor).matches()) {
            throw new InvalidInputException(field, "'" + shorten(String.valueOf(minor))
                    + "' is not a whole number of minor units");
        }
        BigDecimal value = new BigDecimal(minor);
        if (value.abs().compareTo(BigDecimal.valueOf(MAX_MINOR)) > 0) {
            throw new InvalidInputException(field, minor + " minor units are out of range");
        }
        return checked(field, new Money(value.longValueExact(), currency), sign);
    }

    /** An amount already held as minor units (e.g. read from JSON as a number). */
    public static Money minorUnits(String field, long minor, Currency currency, Sign sign) {
        if (minor > MAX_MINOR || minor < -MAX_MINOR) {
            throw new InvalidInputException(field, minor + " minor units are out of range");
        }
        return checked(field, new Money(minor, currency), sign);
    }

    private static Money checked(String field, Money money, Sign sign) {
        switch (sign) {
            case POSITIVE -> {
                if (money.minor() <= 0) {
                    throw new InvalidInputException(field, "the amount must be more than zero");
                }
            }
            case NON_NEGATIVE -> {
                if (money.minor() < 0) {
                    throw new InvalidInputException(field, "the amount must not be negative");
                }
            }
            case ANY -> {
            }
        }
        return money;
    }

    private static String shorten(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }
}
