package dev.paydesk.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.paydesk.shared.InvalidInputException;

/**
 * Conversions through EUR with our own small file in the ECB reference-rate format (history file: ISO
 * dates, newest first, a trailing comma, N/A for an unquoted currency). Expected values worked by hand.
 */
class FxTableTests {

    private static final LocalDate MON = LocalDate.of(2026, 3, 2);
    private static final LocalDate TUE = LocalDate.of(2026, 3, 3);

    private final FxTable fx = new FxTable();

    @BeforeEach
    void load() throws Exception {
        try (Reader r = new InputStreamReader(getClass().getResourceAsStream("/insights/ecb-fixture.csv"),
                StandardCharsets.UTF_8)) {
            assertThat(fx.readEcbCsv(r)).as("3 quoted currencies x 2 days; CYP is N/A").isEqualTo(6);
        }
    }

    @Test
    void convertsThroughEuroAndRoundsOnceToTheTargetsMinorUnits() {
        // 10.00 USD / 1.08 = 9.2592... EUR -> 9.26
        assertThat(fx.convert(1000, "USD", "EUR", MON)).contains(926L);
        // 10.00 USD / 1.08 * 0.84 = 7.7777... GBP -> 7.78
        assertThat(fx.convert(1000, "USD", "GBP", MON)).contains(778L);
        // 1000 JPY (no minor units) / 158 = 6.3291... EUR -> 6.33
        assertThat(fx.convert(1000, "JPY", "EUR", MON)).contains(633L);
        // 6.33 EUR * 158 = 1000.14 JPY -> 1000
        assertThat(fx.convert(633, "EUR", "JPY", MON)).contains(1000L);
    }

    @Test
    void halvesRoundToEven() {
        // 0.20 USD / 1.6 = 0.125 EUR -> 0.12 (half-up would give 0.13); 0.60 / 1.6 = 0.375 -> 0.38
        assertThat(fx.convert(20, "USD", "EUR", TUE)).contains(12L);
        assertThat(fx.convert(60, "USD", "EUR", TUE)).contains(38L);
    }

    @Test
    void aDayWithoutRatesUsesTheLatestEarlierOneForAtMostFourDaysThenNothing() {
        // Saturday 7 March: Tuesday's rate is 4 days old -> used; Sunday 8 March: 5 days -> no conversion
        assertThat(fx.convert(20, "USD", "EUR", LocalDate.of(2026, 3, 7))).contains(12L);
        assertThat(fx.convert(20, "USD", "EUR", LocalDate.of(2026, 3, 8))).isEmpty();
        assertThat(fx.convert(20, "USD", "EUR", LocalDate.of(2026, 3, 1))).as("before the first rate").isEmpty();
        assertThat(fx.convert(100, "CYP", "EUR", MON)).as("N/A").isEmpty();
    }

    @Test
    void readsTheDailyFileFormatAndRejectsBadLines() throws Exception {
        FxTable daily = new FxTable();
        daily.readEcbCsv(new StringReader("Date, USD, JPY, \n05 March 2026, 1.2500, 150.00, \n"));
        // 10.00 EUR * 1.25 = 12.50 USD
        assertThat(daily.convert(1000, "EUR", "USD", LocalDate.of(2026, 3, 5))).contains(1250L);
        assertThatThrownBy(() -> new FxTable().readEcbCsv(new StringReader("Date,USD\n2026-03-02,abc\n")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> new FxTable().readEcbCsv(new StringReader("USD,JPY\n1,2\n")))
                .isInstanceOf(InvalidInputException.class);
    }
}
