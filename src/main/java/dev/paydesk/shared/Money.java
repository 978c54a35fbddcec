package dev.paydesk.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in the currency's minor units (cents, öre, grosze) and its ISO-4217 currency.
 * Arithmetic is exact and refuses to mix currencies.
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long minor, String currencyCode) {
        return new Money(minor, Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * Parses a decimal amount such as {@code 12.34} typed into a form (surrounding blanks ignored) in
     * an ISO 4217 currency; any sign. See {@link MoneyParser} for the rules and for a required sign.
     */
    public static Money parse(String amount, String currencyCode) {
        return MoneyParser.decimal("amount", amount == null ? null : amount.strip(), "currency", currencyCode,
                MoneyParser.Sign.ANY);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public boolean isZero() {
        return minor == 0;
    }

    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minor, Math.max(currency.getDefaultFractionDigits(), 0));
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalStateException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public String toString() {
        return toDecimal().toPlainString() + " " + currency.getCurrencyCode();
    }
}
