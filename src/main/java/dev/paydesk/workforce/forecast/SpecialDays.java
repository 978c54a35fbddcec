package dev.paydesk.workforce.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which past days are special (holidays, outages) and which weekdays carry the traffic. A day is special
 * when the market calendar says holiday, or when its total is below half the median of the up to eight
 * preceding same weekdays (so an unknown holiday does not pollute levels and profiles).
 */
public final class SpecialDays {

    private SpecialDays() {
    }

    public static Set<LocalDate> detect(IntervalHistory history, Predicate<LocalDate> holiday) {
        Set<LocalDate> special = new HashSet<>();
        Map<DayOfWeek, List<Double>> byWeekday = new EnumMap<>(DayOfWeek.class);
        for (LocalDate day : history.days().keySet()) {
            double total = history.total(day);
            List<Double> previous = byWeekday.computeIfAbsent(day.getDayOfWeek(), k -> new ArrayList<>());
            List<Double> window = previous.subList(Math.max(0, previous.size() - 8), previous.size());
            if (holiday.test(day) || window.size() >= 3 && total < 0.5 * median(window)) {
                special.add(day);
            }
            previous.add(total);
        }
        return special;
    }

    /** Weekdays whose median daily total is at least half the busiest weekday's. */
    public static Set<DayOfWeek> mainWeekdays(IntervalHistory history) {
        Map<DayOfWeek, List<Double>> byWeekday = new EnumMap<>(DayOfWeek.class);
        history.days().keySet().forEach(d -> byWeekday.computeIfAbsent(d.getDayOfWeek(), k -> new ArrayList<>())
                .add(history.total(d)));
        Map<DayOfWeek, Double> medians = new EnumMap<>(DayOfWeek.class);
        byWeekday.forEach((k, v) -> medians.put(k, median(v)));
        double max = medians.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Set<DayOfWeek> main = EnumSet.noneOf(DayOfWeek.class);
        medians.forEach((k, v) -> {
            if (v >= 0.5 * max && v > 0) {
                main.add(k);
            }
        });
        return main;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return 0;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
