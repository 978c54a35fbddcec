package dev.paydesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.paydesk.shared.MoneyParser.Sign;

/**
 * Amounts typed into forms as people in the demo markets write them. Separators per CLDR (the JDK's
 * locale data): German and Swedish write a decimal comma, German groups with '.', Swedish with a
 * no-break space, English the other way round.
 */
class MoneyParserLocalizedTests {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "de-DE | 49,90     | 4990",
            "de-DE | 1.234,56  | 123456",
            "de-DE | 49.90     | 4990",
            "de-DE | 1.500     | 150000",
            "de-DE | ,5        | 50",
            "de-DE | 49        | 4900",
            "en-GB | 49.90     | 4990",
            "en-GB | 1,234.56  | 123456",
            "en-GB | 1,234     | 123400",
            "sv-SE | 1 234,56  | 123456",
    })
    void readsTheLocalesNotation(String tag, String typed, long minor) {
        assertThat(MoneyParser.localized("amount", typed, EUR, Sign.ANY, Locale.forLanguageTag(tag)))
                .isEqualTo(new Money(minor, EUR));
    }

    @Test
    void readsNoBreakSpacesAndTheUnicodeMinusAsSwedishFormatsWriteThem() {
        assertThat(MoneyParser.localized("amount", "\u22121\u00a0234,50", EUR, Sign.ANY, SWEDISH))
                .isEqualTo(new Money(-123450, EUR));
    }

    @Test
    void refusesTextWithAReadableGermanMessageNamingTheField() {
        assertThatThrownBy(() -> MoneyParser.localized("amount", "abc", EUR, Sign.POSITIVE, Locale.GERMANY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("amount");
                    assertThat(e.getMessage()).isEqualTo("„abc“ ist kein Betrag: Ziffern und Nachkommastellen schreiben, z. B. 49,90");
                });
    }

    @Test
    void refusesAGermanCommaInEnglishWithTheEnglishExample() {
        assertThatThrownBy(() -> MoneyParser.localized("amount", "49,90", EUR, Sign.POSITIVE, Locale.UK))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("'49,90' is not an amount: write digits and decimals, e.g. 49.90"));
    }

    @Test
    void refusesTooManyDecimalsTheWrongSignAndNothingInTheUsersLanguage() {
        assertThatThrownBy(() -> MoneyParser.localized("amount", "49,999", EUR, Sign.POSITIVE, Locale.GERMANY))
                .hasMessage("49,999 hat mehr Nachkommastellen, als EUR erlaubt (2)");
        assertThatThrownBy(() -> MoneyParser.localized("amount", "0,00", EUR, Sign.POSITIVE, Locale.GERMANY))
                .hasMessage("der Betrag muss größer als null sein");
        assertThatThrownBy(() -> MoneyParser.localized("amount", " ", EUR, Sign.POSITIVE, Locale.UK))
                .hasMessage("an amount is required");
        assertThatThrownBy(() -> MoneyParser.localized("amount", "1.2.3", EUR, Sign.ANY, Locale.GERMANY))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> MoneyParser.localized("amount", "12,34,56", EUR, Sign.ANY, Locale.GERMANY))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void writesAmountsBackTheWayItReadsThem() {
        Money amount = new Money(123450, EUR);
        assertThat(MoneyParser.toText(amount, Locale.GERMANY)).isEqualTo("1234,50");
        assertThat(MoneyParser.toText(amount, Locale.UK)).isEqualTo("1234.50");
        for (Locale locale : new Locale[] {Locale.GERMANY, Locale.UK, SWEDISH}) {
            assertThat(MoneyParser.localized("amount", MoneyParser.toText(amount, locale), EUR, Sign.ANY, locale)).isEqualTo(amount);
        }
    }
}
