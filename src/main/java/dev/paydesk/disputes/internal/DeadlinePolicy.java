package dev.paydesk.disputes.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.paydesk.platform.BusinessCalendar;
import dev.paydesk.platform.MarketCatalog;

/**
 * Paydesk's own deadline: the provider's due date moved back by the configured number of business
 * days of the dispute's market (its holidays and closed weekdays do not count), at the same local time.
 */
@Component
class DeadlinePolicy {

    private final MarketCatalog markets;
    private final DisputeProperties properties;

    DeadlinePolicy(MarketCatalog markets, DisputeProperties properties) {
        this.markets = markets;
        this.properties = properties;
    }

    Instant respondBy(Instant dueAt, @Nullable String market) {
        int buffer = properties.buffer();
        if (buffer <= 0 || market == null || markets.market(market).isEmpty()) {
            return dueAt;
        }
        return respondBy(dueAt, markets.calendar(market), buffer);
    }

    /** {@code dueAt} minus {@code businessDays} business days of {@code calendar}, same wall-clock time. */
    static Instant respondBy(Instant dueAt, BusinessCalendar calendar, int businessDays) {
        ZonedDateTime due = dueAt.atZone(calendar.zone());
        LocalDate date = due.toLocalDate();
        int counted = 0;
        int guard = 0;
        while (counted < businessDays) {
            date = date.minusDays(1);
            if (calendar.isBusinessDay(date)) {
                counted++;
            }
            if (++guard > 366) {
                throw new IllegalStateException("calendar of " + calendar.zone() + " has no business days");
            }
        }
        return ZonedDateTime.of(date, due.toLocalTime(), calendar.zone()).toInstant();
    }
}
