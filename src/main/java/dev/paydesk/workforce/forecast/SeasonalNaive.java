package dev.paydesk.workforce.forecast;

import java.time.LocalDate;

/** Baselines: the same weekday last week, or the mean of the last {@code weeks} same weekdays (as recorded). */
public record SeasonalNaive(int weeks) implements ForecastModel {

    public SeasonalNaive {
        if (weeks < 1) {
            throw new IllegalArgumentException("weeks must be positive");
        }
    }

    public static SeasonalNaive lastWeek() {
        return new SeasonalNaive(1);
    }

    public static SeasonalNaive meanOf(int weeks) {
        return new SeasonalNaive(weeks);
    }

    @Override
    public String name() {
        return weeks == 1 ? "last_week" : "mean" + weeks;
    }

    @Override
    public double[] forecast(IntervalHistory history, LocalDate day) {
        double[] sum = new double[history.bucketsPerDay()];
        int found = 0;
        for (int w = 1; w <= weeks; w++) {
            LocalDate past = day.minusWeeks(w);
            if (history.has(past)) {
                double[] values = history.day(past);
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += values[i];
                }
                found++;
            }
        }
        if (found > 0) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] /= found;
            }
        }
        return sum;
    }
}
