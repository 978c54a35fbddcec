package dev.paydesk.platform;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.InvalidInputException;

/**
 * One opening window on a weekday, in the market's local time. A closing time of {@link #END_OF_DAY}
 * (written "24:00", held as 00:00) closes at the start of the next day, so "00:00–24:00" is the whole day.
 */
public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {

    /** The closing time "24:00": the end of the day. */
    public static final LocalTime END_OF_DAY = LocalTime.MIDNIGHT;

    public OpeningHours {
        if (!closesAtEndOfDay(closes) && !closes.isAfter(opens)) {
            throw new InvalidInputException("openingHours", day + ": closing time " + format(closes, true)
                    + " must be after opening time " + format(opens, false));
        }
    }

    public boolean closesAtEndOfDay() {
        return closesAtEndOfDay(closes);
    }

    /** "09:00", or "24:00" for a closing at the end of the day; seconds only when set. */
    public String opensText() {
        return format(opens, false);
    }

    public String closesText() {
        return format(closes, true);
    }

    /**
     * Reads "HH:MM" or "HH:MM:SS"; a closing time may be "24:00". Anything else is a 400 naming the field.
     */
    public static LocalTime parse(String field, @Nullable String text, boolean closing) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "a time (HH:MM) is required");
        }
        String t = text.trim();
        if (t.equals("24:00") || t.equals("24:00:00")) {
            if (!closing) {
                throw new InvalidInputException(field, "24:00 is only a closing time; a day opens at 00:00");
            }
            return END_OF_DAY;
        }
        try {
            LocalTime time = LocalTime.parse(t);
            if (closing && closesAtEndOfDay(time)) {
                return END_OF_DAY;
            }
            return time;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "'" + t + "' is not a time of day (HH:MM, closing up to 24:00)");
        }
    }

    /**
     * Refuses windows of one day that overlap (touching windows, 12:00–14:00 and 14:00–18:00, are fine).
     */
    public static void checkNoOverlap(Collection<OpeningHours> hours, String field) {
        List<OpeningHours> sorted = new ArrayList<>(hours);
        sorted.sort(Comparator.comparing(OpeningHours::day).thenComparing(OpeningHours::opens));
        for (int i = 1; i < sorted.size(); i++) {
            OpeningHours a = sorted.get(i - 1);
            OpeningHours b = sorted.get(i);
            if (a.day() == b.day() && (a.closesAtEndOfDay() || b.opens().isBefore(a.closes()))) {
                throw new InvalidInputException(field, a.day() + ": windows " + a.opensText() + "–" + a.closesText()
                        + " and " + b.opensText() + "–" + b.closesText() + " overlap");
            }
        }
    }

    private static boolean closesAtEndOfDay(LocalTime closes) {
        return closes.equals(END_OF_DAY);
    }

    private static String format(LocalTime t, boolean closing) {
        if (closing && closesAtEndOfDay(t)) {
            return "24:00";
        }
        return t.getSecond() == 0 && t.getNano() == 0 ? String.format("%02d:%02d", t.getHour(), t.getMinute())
                : t.toString();
    }
}
