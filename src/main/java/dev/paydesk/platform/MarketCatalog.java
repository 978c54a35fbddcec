package dev.paydesk.platform;

import java.util.List;
import java.util.Optional;

/** Read access to markets and their business calendars for every module. */
public interface MarketCatalog {

    List<Market> markets();

    Optional<Market> market(String code);

    /** The business calendar of a market (opening hours, library holidays and manual overrides). */
    BusinessCalendar calendar(String marketCode);
}
