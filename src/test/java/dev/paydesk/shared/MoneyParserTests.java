package dev.paydesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.paydesk.shared.MoneyParser.Sign;

/** Minor-unit digits per currency as ISO 4217's list one gives them: EUR 2, JPY 0, BHD 3, CLP 0. */
class MoneyParserTests {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void readsDecimalsIntoTheCurrencysMinorUnits() {
        assertThat(MoneyParser.decimal("amount", "12.34", "currency", "EUR", Sign.POSITIVE).minor()).isEqualTo(1234);
        assertThat(MoneyParser.decimal("amount", "12.3", "currency", "EUR", Sign.ANY).minor()).isEqualTo(1230);
        assertThat(MoneyParser.decimal("amount", "1500", "currency", "JPY", Sign.ANY).minor()).isEqualTo(1500);
        assertThat(MoneyParser.decimal("amount", "1.005", "currency", "BHD", Sign.ANY).minor()).isEqualTo(1005);
        assertThat(MoneyParser.decimal("amount", "-5.00", "currency", "EUR", Sign.ANY).minor()).isEqualTo(-500);
        assertThat(MoneyParser.decimal("amount", "12.00", "currency", "JPY", Sign.ANY).minor())
                .as("trailing zeros beyond the minor unit are not extra precision").isEqualTo(12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "NaN", "Infinity", "1,00", "1e3", "+5", " 5", "5 ", "1.", ".5", "--1", "0x10",
            "١٢", "1.2.3", "00012", "99999999999999999999", "\u00005"})
    void refusesAnythingButACanonicalDecimalNamingTheField(String amount) {
        assertThatThrownBy(() -> MoneyParser.decimal("refundAmount", amount, EUR, Sign.ANY))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("refundAmount"));
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        assertThatThrownBy(() -> MoneyParser.decimal("amount", "1.234", EUR, Sign.ANY))
                .hasMessageContaining("more decimals than EUR allows (2)");
        assertThatThrownBy(() -> MoneyParser.decimal("amount", "1.5", "currency", "JPY", Sign.ANY))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesAmountsOutsideTheBound() {
        assertThat(MoneyParser.decimal("amount", "9999999999999.99", EUR, Sign.ANY).minor())
                .isEqualTo(MoneyParser.MAX_MINOR);
        assertThatThrownBy(() -> MoneyParser.decimal("amount", "10000000000000.00", EUR, Sign.ANY))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> MoneyParser.minorUnits("amount", "99999999999999999999", EUR, Sign.ANY))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> MoneyParser.minorUnits("amount", Long.MIN_VALUE, EUR, Sign.ANY))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void enforcesTheDirectionTheFieldGives() {
        assertThatThrownBy(() -> MoneyParser.decimal("amount", "-5.00", EUR, Sign.POSITIVE))
                .hasMessageContaining("more than zero");
        assertThatThrownBy(() -> MoneyParser.decimal("amount", "0", EUR, Sign.POSITIVE))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> MoneyParser.decimal("fee", "-0.01", EUR, Sign.NON_NEGATIVE))
                .hasMessageContaining("must not be negative");
        assertThat(MoneyParser.decimal("fee", "0", EUR, Sign.NON_NEGATIVE).isZero()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "Eur", "ZZZ", "BTC", "XXX", "XTS", "XAU", "EU", "EURO", "", " EUR"})
    void refusesCodesThatAreNoTenderOrNotWrittenAsTheStandardDoes(String code) {
        assertThatThrownBy(() -> MoneyParser.currency("currency", code))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("currency"));
    }

    @Test
    void acceptsRealTender() {
        for (String code : new String[] {"EUR", "SEK", "PLN", "JPY", "BHD", "USD", "GBP", "CHF"}) {
            assertThat(MoneyParser.currency("currency", code).getCurrencyCode()).isEqualTo(code);
        }
    }

    @Test
    void readsProviderMinorUnits() {
        assertThat(MoneyParser.minorUnits("amount", "1234", EUR, Sign.POSITIVE).minor()).isEqualTo(1234);
        assertThatThrownBy(() -> MoneyParser.minorUnits("amount", "12.34", EUR, Sign.ANY))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> MoneyParser.minorUnits("amount", null, EUR, Sign.ANY))
                .isInstanceOf(InvalidInputException.class);
    }
}
