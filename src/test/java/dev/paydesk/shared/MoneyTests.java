package dev.paydesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void parsesDecimalAmountsIntoMinorUnitsOfTheCurrency() {
        assertThat(Money.parse("12.34", "EUR").minor()).isEqualTo(1234);
        assertThat(Money.parse("1500", "JPY").minor()).isEqualTo(1500);
        assertThat(Money.parse("1.005", "BHD").minor()).isEqualTo(1005);
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        assertThatThrownBy(() -> Money.parse("1.234", "EUR")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Money.parse("1.5", "JPY")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void addsAndSubtractsExactlyWithinOneCurrency() {
        Money a = Money.of(1999, "EUR");
        Money b = Money.of(1, "EUR");
        assertThat(a.plus(b)).isEqualTo(Money.of(2000, "EUR"));
        assertThat(b.minus(a).isNegative()).isTrue();
        assertThat(a.toString()).isEqualTo("19.99 EUR");
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of(1, "EUR").plus(Money.of(1, "SEK"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void overflowIsAnErrorNotAWrapAround() {
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "EUR").plus(Money.of(1, "EUR")))
                .isInstanceOf(ArithmeticException.class);
    }
}
