package dev.paydesk.platform;

import java.util.List;
import java.util.Optional;

/** A market catalogue of fixed markets for tests without Spring; it has no calendars. */
public final class FixedMarkets {

    private FixedMarkets() {
    }

    public static MarketCatalog of(List<Market> markets) {
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
                throw new UnsupportedOperationException("no calendars in FixedMarkets");
            }
        };
    }
}
