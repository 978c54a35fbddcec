package dev.paydesk.platform;

import java.time.DayOfWeek;
import java.time.LocalTime;

import dev.paydesk.shared.InvalidInputException;

/** One opening window on a weekday, in the market's local time. */
public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {

    public OpeningHours {
        if (!closes.isAfter(opens)) {
            throw new InvalidInputException("openingHours", day + ": closing time " + closes
                    + " must be after opening time " + opens);
        }
    }
}
