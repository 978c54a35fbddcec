package dev.paydesk.platform;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * A market's working time: weekly opening hours in its own time zone, minus public holidays.
 * All arithmetic walks real instants, so a daylight-saving change shortens or lengthens the day
 * exactly as the wall clock does.
 */
public final class BusinessCalendar {

    /** Longest stretch searched for the next business day before giving up (a calendar with no hours). */
    private static final int MAX_DAYS_SEARCHED = 3 * 366;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<OpeningHours>> hours;
    private final IntFunction<SortedMap<LocalDate, String>> holidaysOfYear;
    private final Map<Integer, SortedMap<LocalDate, String>> cache = new ConcurrentHashMap<>();

    /**
     * @param zone the market's time zone
     * @param openingHours weekly windows; a weekday without one is closed
     * @param holidaysOfYear closed days with their names for a given year
     */
    public BusinessCalendar(ZoneId zone, Collection<OpeningHours> openingHours,
                            IntFunction<SortedMap<LocalDate, String>> holidaysOfYear) {
        this.zone = zone;
        EnumMap<DayOfWeek, List<OpeningHours>> byDay = new EnumMap<>(DayOfWeek.class);
        for (OpeningHours h : openingHours) {
            byDay.computeIfAbsent(h.day(), d -> new ArrayList<>()).add(h);
        }
        byDay.values().forEach(list -> list.sort(Comparator.comparing(OpeningHours::opens)));
        this.hours = byDay;
        this.holidaysOfYear = holidaysOfYear;
    }

    public ZoneId zone() {
        return zone;
    }

    public List<OpeningHours> openingHours() {
        return hours.values().stream().flatMap(List::stream).toList();
    }

    /** Public holidays (after manual overrides) of a year, in date order. */
    public SortedMap<LocalDate, String> holidays(int year) {
        return cache.computeIfAbsent(year, y -> new TreeMap<>(holidaysOfYear.apply(y)));
    }

    public boolean isHoliday(LocalDate date) {
        return holidays(date.getYear()).containsKey(date);
    }

    public boolean isBusinessDay(LocalDate date) {
        return !isHoliday(date) && hours.containsKey(date.getDayOfWeek());
    }

    /** Working time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            for (Window w : windows(day)) {
                Instant start = w.start.isBefore(from) ? from : w.start;
                Instant end = w.end.isAfter(to) ? to : w.end;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** Whole business minutes between two instants. */
    public long businessMinutesBetween(Instant from, Instant to) {
        return businessTimeBetween(from, to).toMinutes();
    }

    /** The instant at which {@code amount} of working time has passed after {@code start}. */
    public Instant plusBusinessTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        Duration remaining = amount;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS_SEARCHED; i++, day = day.plusDays(1)) {
            for (Window w : windows(day)) {
                Instant from = w.start.isBefore(start) ? start : w.start;
                if (!w.end.isAfter(from)) {
                    continue;
                }
                Duration available = Duration.between(from, w.end);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalStateException("calendar has no working time within " + MAX_DAYS_SEARCHED + " days");
    }

    /** The date {@code days} business days after {@code date} (a date that is not one counts from the next). */
    public LocalDate plusBusinessDays(LocalDate date, int days) {
        LocalDate d = date;
        int counted = 0;
        int guard = 0;
        while (counted < days) {
            d = d.plusDays(1);
            if (isBusinessDay(d)) {
                counted++;
            }
            if (++guard > MAX_DAYS_SEARCHED * Math.max(1, days)) {
                throw new IllegalStateException("calendar has no business days");
            }
        }
        return d;
    }

    /** Business days strictly after {@code from} up to and including {@code to}. */
    public int businessDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isBusinessDay(d)) {
                count++;
            }
        }
        return count;
    }

    private List<Window> windows(LocalDate day) {
        if (isHoliday(day)) {
            return List.of();
        }
        List<OpeningHours> open = hours.getOrDefault(day.getDayOfWeek(), List.of());
        List<Window> result = new ArrayList<>(open.size());
        for (OpeningHours h : open) {
            Instant start = ZonedDateTime.of(day, h.opens(), zone).toInstant();
            Instant end = ZonedDateTime.of(day, h.closes(), zone).toInstant();
            result.add(new Window(start, end));
        }
        return result;
    }

    private record Window(Instant start, Instant end) {
    }
}
