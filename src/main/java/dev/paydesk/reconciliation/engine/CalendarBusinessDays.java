package dev.paydesk.reconciliation.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.paydesk.platform.BusinessCalendar;

/** Business days from the markets' calendars (opening days minus public holidays, in the market's zone). */
public final class CalendarBusinessDays implements BusinessDays {

    private final Function<String, @Nullable BusinessCalendar> calendars;
    /** Per market code, unknown markets included (asking again for one would ask the catalogue once per record). */
    private final Map<String, java.util.Optional<BusinessCalendar>> cache = new ConcurrentHashMap<>();

    /** @param calendars the calendar of a market code, or null for an unknown market (then weekdays in UTC count) */
    public CalendarBusinessDays(Function<String, @Nullable BusinessCalendar> calendars) {
        this.calendars = calendars;
    }

    @Override
    public int between(@Nullable String market, long from, long to) {
        BusinessCalendar calendar = market == null ? null
                : cache.computeIfAbsent(market, m -> java.util.Optional.ofNullable(calendars.apply(m))).orElse(null);
        if (calendar == null) {
            return WEEKDAYS_UTC.between(null, from, to);
        }
        LocalDate start = Instant.ofEpochSecond(from).atZone(calendar.zone()).toLocalDate();
        LocalDate end = Instant.ofEpochSecond(to).atZone(calendar.zone()).toLocalDate();
        return calendar.businessDaysBetween(start, end);
    }
}
