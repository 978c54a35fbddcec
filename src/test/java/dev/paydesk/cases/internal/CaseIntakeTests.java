package dev.paydesk.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.paydesk.platform.BusinessCalendar;
import dev.paydesk.platform.Market;
import dev.paydesk.platform.MarketCatalog;

/** Which market a dispute's or finding's case opens in. */
class CaseIntakeTests {

    private final MarketCatalog catalog = catalog(List.of(
            new Market("NL", "Netherlands", Currency.getInstance("EUR"), ZoneId.of("Europe/Amsterdam"), List.of("nl"), "NL"),
            new Market("SE", "Sweden", Currency.getInstance("SEK"), ZoneId.of("Europe/Stockholm"), List.of("sv"), "SE")));

    private static MarketCatalog catalog(List<Market> markets) {
        return new MarketCatalog() {
            @Override
            public List<Market> markets() {
                return markets;
            }

            @Override
            public Optional<Market> market(String code) {
                return markets.stream().filter(m -> m.code().equals(code)).findFirst();
            }

            @Override
            public BusinessCalendar calendar(String marketCode) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void aKnownMarketIsKeptAndAnUnknownOrMissingOneFallsBackToTheFirstConfigured() {
        assertThat(CaseIntake.marketFor(catalog, "SE")).isEqualTo("SE");
        assertThat(CaseIntake.marketFor(catalog, "se")).isEqualTo("se");
        assertThat(CaseIntake.marketFor(catalog, "DE")).isEqualTo("NL");
        assertThat(CaseIntake.marketFor(catalog, null)).isEqualTo("NL");
    }

    @Test
    void withNoMarketSetUpTheFailureSaysSo() {
        assertThatThrownBy(() -> CaseIntake.marketFor(catalog(List.of()), "NL"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no market is set up");
    }
}
