package dev.paydesk.reconciliation.engine;

import org.jspecify.annotations.Nullable;

/** Counts a market's business days (its calendar: weekends and public holidays are not). */
@FunctionalInterface
public interface BusinessDays {

    /** Business days strictly after the day of {@code from} up to and including the day of {@code to} (epoch seconds). */
    int between(@Nullable String market, long from, long to);

    /** Monday to Friday in UTC, no holidays: for tests and files without a market. */
    BusinessDays WEEKDAYS_UTC = (market, from, to) -> {
        long fromDay = Math.floorDiv(from, 86_400);
        long toDay = Math.floorDiv(to, 86_400);
        int count = 0;
        for (long d = fromDay + 1; d <= toDay; d++) {
            long dow = Math.floorMod(d + 3, 7); // 1970-01-01 was a Thursday: 0 = Monday
            if (dow < 5) {
                count++;
            }
        }
        return count;
    };
}
