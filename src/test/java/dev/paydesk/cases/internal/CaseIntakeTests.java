package dev.paydesk.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.paydesk.platform.FixedMarkets;
import dev.paydesk.platform.Market;
import dev.paydesk.platform.MarketCatalog;

/** Which market a dispute's or finding's case opens in. */
class CaseIntakeTests {

    private final MarketCatalog catalog = FixedMarkets.of(List.of(
            new Market("NL", "Netherlands", Currency.getInstance("EUR"), ZoneId.of("Europe/Amsterdam"), List.of("nl"), "NL"),
            new Market("SE", "Sweden", Currency.getInstance("SEK"), ZoneId.of("Europe/Stockholm"), List.of("sv"), "SE")));

    @Test
    void aKnownMarketIsKeptAndAnUnknownOrMissingOneFallsBackToTheFirstConfigured() {
        assertThat(CaseIntake.marketFor(catalog, "SE")).isEqualTo("SE");
        assertThat(CaseIntake.marketFor(catalog, "se")).isEqualTo("se");
        assertThat(CaseIntake.marketFor(catalog, "DE")).isEqualTo("NL");
        assertThat(CaseIntake.marketFor(catalog, null)).isEqualTo("NL");
    }

    @Test
    void withNoMarketSetUpTheFailureSaysSo() {
        assertThatThrownBy(() -> CaseIntake.marketFor(FixedMarkets.of(List.of()), "NL"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no market is set up");
    }
}
