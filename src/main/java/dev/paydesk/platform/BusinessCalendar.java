package dev.paydesk.platform;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
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
 * A market's working time: weekly opening hours in its own time zone, replaced on single dates by dated
 * exceptions, minus public holidays. All arithmetic walks real instants, so a daylight-saving change shortens or
 * lengthens the day exactly as the wall clock does (rules in docs/calendars.md):
 * <ul>
 * <li>an opening time that the wall clock shows twice opens at its first occurrence, a closing time shown twice
 * closes at its last; a time skipped by spring-forward opens or closes at the transition;</li>
 * <li>a closing at 24:00 closes at the start of the next day, so a 00:00–24:00 week has no gap;</li>
 * <li>a target that uses up exactly the rest of a window ends at that window's closing instant;</li>
 * <li>a search that finds no open minute in {@value #MAX_CLOSED_DAYS} days, or runs past
 * {@value #SEARCH_YEARS} years, fails with {@link NoWorkingTimeException}.</li>
 * </ul>
 */
public final class BusinessCalendar {

    static final int MAX_CLOSED_DAYS = 366;
    static final int SEARCH_YEARS = 10;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<OpeningHours>> hours;
    private final SortedMap<LocalDate, DatedHours> dated;
    private final IntFunction<SortedMap<LocalDate, String>> holidaysOfYear;
    private final Map<Integer, SortedMap<LocalDate, String>> cache = new ConcurrentHashMap<>();

    /**
     * @param zone the market's time zone
     * @param openingHours weekly windows; a weekday without one is closed
     * @param holidaysOfYear closed days with their names for a given year
     */
    public BusinessCalendar(ZoneId zone, Collection<OpeningHours> openingHours,
                            IntFunction<SortedMap<LocalDate, String>> holidaysOfYear) {
        this(zone, openingHours, holidaysOfYear, List.of());
    }

    /** As above, with dated exceptions that replace the weekly hours of their dates. */
    public BusinessCalendar(ZoneId zone, Collection<OpeningHours> openingHours,
                            IntFunction<SortedMap<LocalDate, String>> holidaysOfYear, Collection<DatedHours> datedHours) {
        this.zone = zone;
        EnumMap<DayOfWeek, List<OpeningHours>> byDay = new EnumMap<>(DayOfWeek.class);
        for (OpeningHours h : openingHours) {
            byDay.computeIfAbsent(h.day(), d -> new ArrayList<>()).add(h);
        }
        byDay.replaceAll((d, list) -> list.stream().sorted(Comparator.comparing(OpeningHours::opens)).toList());
        this.hours = byDay;
        this.dated = new TreeMap<>();
        for (DatedHours d : datedHours) {
            dated.put(d.date(), new DatedHours(d.date(), d.note(),
                    d.hours().stream().sorted(Comparator.comparing(OpeningHours::opens)).toList()));
        }
        this.holidaysOfYear = holidaysOfYear;
    }

    public ZoneId zone() {
        return zone;
    }

    public List<OpeningHours> openingHours() {
        return hours.values().stream().flatMap(List::stream).toList();
    }

    /** Dated exceptions in date order. */
    public List<DatedHours> datedHours() {
        return List.copyOf(dated.values());
    }

    /** Public holidays (after manual overrides) of a year, in date order. */
    public SortedMap<LocalDate, String> holidays(int year) {
        return cache.computeIfAbsent(year, y -> new TreeMap<>(holidaysOfYear.apply(y)));
    }

    public boolean isHoliday(LocalDate date) {
        return holidays(date.getYear()).containsKey(date);
    }

    /** The opening windows of a date before holidays: its dated exception if it has one, else the weekday's. */
    public List<OpeningHours> hoursOn(LocalDate date) {
        DatedHours exception = dated.get(date);
        return exception != null ? exception.hours() : hours.getOrDefault(date.getDayOfWeek(), List.of());
    }

    /** A business day is a date with any opening hours that is not a holiday. */
    public boolean isBusinessDay(LocalDate date) {
        return !isHoliday(date) && !hoursOn(date).isEmpty();
    }

    /** Working time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
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

    /**
     * The earliest instant at which {@code amount} of working time has passed after {@code start}: a target that
     * uses up exactly the rest of a window ends at its closing instant, and a zero amount ends at {@code start}.
     */
    public Instant plusBusinessTime(Instant start, Duration amount) {
        requireNotNegative(amount);
        Duration remaining = amount;
        if (remaining.isZero()) {
            return start;
        }
        Search search = new Search(start, true);
        for (LocalDate day = search.first; ; day = search.next(day)) {
            for (Window w : windows(day)) {
                Instant from = w.start.isBefore(start) ? start : w.start;
                if (!w.end.isAfter(from)) {
                    continue;
                }
                search.opened(day);
                Duration available = Duration.between(from, w.end);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
    }

    /**
     * The latest start from which {@code amount} of working time is still available before {@code end} ("latest
     * start to meet a deadline"): the mirror of {@link #plusBusinessTime}, so an amount that uses up a whole window
     * starts at its opening instant, and a zero amount starts at {@code end}.
     */
    public Instant minusBusinessTime(Instant end, Duration amount) {
        requireNotNegative(amount);
        Duration remaining = amount;
        if (remaining.isZero()) {
            return end;
        }
        Search search = new Search(end, false);
        for (LocalDate day = search.first; ; day = search.next(day)) {
            List<Window> windows = windows(day);
            for (int i = windows.size() - 1; i >= 0; i--) {
                Window w = windows.get(i);
                Instant to = w.end.isAfter(end) ? end : w.end;
                if (!to.isAfter(w.start)) {
                    continue;
                }
                search.opened(day);
                Duration available = Duration.between(w.start, to);
                if (remaining.compareTo(available) <= 0) {
                    return to.minus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
    }

    /**
     * The end of the {@code days}-th business day after the date of {@code start} (its last closing instant):
     * "within N business days" means by the close of business on that day.
     */
    public Instant plusBusinessDays(Instant start, int days) {
        requirePositive(days);
        LocalDate date = plusBusinessDays(start.atZone(zone).toLocalDate(), days);
        List<Window> windows = windows(date);
        return windows.get(windows.size() - 1).end;
    }

    /** The opening of the {@code days}-th business day before the date of {@code end}: the latest start to get N whole business days. */
    public Instant minusBusinessDays(Instant end, int days) {
        requirePositive(days);
        LocalDate date = plusBusinessDays(end.atZone(zone).toLocalDate(), -days);
        return windows(date).get(0).start;
    }

    /**
     * The date {@code days} business days after {@code date} (a date that is not one counts from the next); a
     * negative count goes back.
     */
    public LocalDate plusBusinessDays(LocalDate date, int days) {
        Instant at = date.atStartOfDay(zone).toInstant();
        Search search = new Search(at, days >= 0);
        LocalDate d = date;
        for (int counted = 0; counted < Math.abs(days); ) {
            d = search.next(d);
            if (isBusinessDay(d)) {
                search.opened(d);
                counted++;
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
        List<OpeningHours> open = hoursOn(day);
        List<Window> result = new ArrayList<>(open.size());
        for (OpeningHours h : open) {
            Instant end = h.closesAtEndOfDay() ? day.plusDays(1).atStartOfDay(zone).toInstant()
                    : at(day, h.closes(), false);
            result.add(new Window(at(day, h.opens(), true), end));
        }
        return result;
    }

    /**
     * The instant a wall-clock time takes effect: a time skipped by spring-forward at the transition; a time shown
     * twice at its first occurrence for an opening and its last for a closing, so the repeated hour is worked.
     */
    private Instant at(LocalDate day, LocalTime time, boolean opening) {
        LocalDateTime local = day.atTime(time);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        ZonedDateTime zoned = ZonedDateTime.of(local, zone);
        return (opening ? zoned.withEarlierOffsetAtOverlap() : zoned.withLaterOffsetAtOverlap()).toInstant();
    }

    private static void requireNotNegative(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
    }

    private static void requirePositive(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1: " + days);
        }
    }

    private record Window(Instant start, Instant end) {
    }

    /** A day-by-day walk that gives up after a closed year or past the horizon, with a message saying which. */
    private final class Search {
        private final LocalDate first;
        private final boolean forward;
        private final LocalDate horizon;
        private LocalDate lastOpen;

        Search(Instant from, boolean forward) {
            this.first = from.atZone(zone).toLocalDate();
            this.forward = forward;
            this.horizon = forward ? first.plusYears(SEARCH_YEARS) : first.minusYears(SEARCH_YEARS);
            this.lastOpen = first;
        }

        void opened(LocalDate day) {
            lastOpen = day;
        }

        LocalDate next(LocalDate day) {
            if (Math.abs(day.toEpochDay() - lastOpen.toEpochDay()) >= MAX_CLOSED_DAYS) {
                throw new NoWorkingTimeException("the business calendar has no open minute in the " + MAX_CLOSED_DAYS
                        + " days " + (forward ? "after " : "before ") + lastOpen + ": check its opening hours, dated"
                        + " exceptions and holidays");
            }
            if (day.equals(horizon)) {
                throw new NoWorkingTimeException("the business calendar does not have that much working time within "
                        + SEARCH_YEARS + " years " + (forward ? "after " : "before ") + first);
            }
            return forward ? day.plusDays(1) : day.minusDays(1);
        }
    }
}
