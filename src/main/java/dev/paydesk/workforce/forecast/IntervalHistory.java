package dev.paydesk.workforce.forecast;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Contact volumes per day and intraday bucket (e.g. 48 half hours). Days without a row are unknown,
 * not zero. {@link #before(LocalDate)} is the only view a forecast for that day may see.
 */
public final class IntervalHistory {

    private final int bucketsPerDay;
    private final NavigableMap<LocalDate, double[]> days;

    private IntervalHistory(int bucketsPerDay, NavigableMap<LocalDate, double[]> days) {
        this.bucketsPerDay = bucketsPerDay;
        this.days = days;
    }

    public static IntervalHistory of(int bucketsPerDay, Map<LocalDate, double[]> days) {
        if (bucketsPerDay <= 0 || 1440 % bucketsPerDay != 0) {
            throw new IllegalArgumentException("buckets per day must divide 1440 minutes");
        }
        TreeMap<LocalDate, double[]> copy = new TreeMap<>();
        days.forEach((day, values) -> {
            if (values.length != bucketsPerDay) {
                throw new IllegalArgumentException("day " + day + " has " + values.length + " buckets");
            }
            copy.put(day, values.clone());
        });
        return new IntervalHistory(bucketsPerDay, copy);
    }

    public int bucketsPerDay() {
        return bucketsPerDay;
    }

    public int bucketMinutes() {
        return 1440 / bucketsPerDay;
    }

    /** The history strictly before {@code day}. */
    public IntervalHistory before(LocalDate day) {
        return new IntervalHistory(bucketsPerDay, days.headMap(day, false));
    }

    public boolean has(LocalDate day) {
        return days.containsKey(day);
    }

    public double[] day(LocalDate day) {
        double[] values = days.get(day);
        if (values == null) {
            throw new IllegalArgumentException("no data for " + day);
        }
        return values.clone();
    }

    public double total(LocalDate day) {
        double sum = 0;
        for (double v : days.get(day)) {
            sum += v;
        }
        return sum;
    }

    public NavigableMap<LocalDate, double[]> days() {
        return Collections.unmodifiableNavigableMap(days);
    }

    public boolean isEmpty() {
        return days.isEmpty();
    }

    public LocalDate first() {
        return days.firstKey();
    }

    public LocalDate last() {
        return days.lastKey();
    }
}
