package dev.paydesk.workforce.forecast;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Double-seasonal exponential smoothing after Taylor (2003, "Short-term electricity demand forecasting
 * using double seasonal exponential smoothing"): additive level, within-day season (period one day)
 * and within-week season (period one week), plus a first-order autoregressive adjustment of the last
 * one-step error. The last {@code days} days (or all history, if shorter; at least three weeks) are
 * smoothed from a start-up estimate of their first two weeks; buckets on special days are not learnt
 * from (their prediction is taken as the observation).
 */
public final class DoubleSeasonalHoltWinters implements ForecastModel {

    /**
     * Smoothing constants for level, daily and weekly season, and the AR(1) coefficient of the error. The
     * defaults were chosen by a grid search on March–June 1999 of the anonymous-bank data.
     */
    public record Parameters(double alpha, double delta, double omega, double phi, int days) {

        public static Parameters defaults() {
            return new Parameters(0.005, 0.0, 0.15, 0.0, 120);
        }
    }

    private final Parameters p;
    private final Predicate<LocalDate> holiday;

    public DoubleSeasonalHoltWinters(Parameters parameters, Predicate<LocalDate> holiday) {
        this.p = parameters;
        this.holiday = holiday;
    }

    @Override
    public String name() {
        return "holt_winters";
    }

    @Override
    public double[] forecast(IntervalHistory history, LocalDate day) {
        int m1 = history.bucketsPerDay();
        int m2 = 7 * m1;
        if (history.isEmpty()) {
            return new double[m1];
        }
        LocalDate start = day.minusDays(p.days());
        if (history.first().isAfter(start)) {
            start = history.first();
        }
        int span = (int) (day.toEpochDay() - start.toEpochDay());
        if (span < 21) {
            return SeasonalNaive.meanOf(4).forecast(history, day);
        }
        Set<LocalDate> special = SpecialDays.detect(history, holiday);
        double[] weekly = new double[m2];
        double level = startUp(history, start, m1, weekly);
        double[] daily = new double[m1];
        double error = 0;
        for (int d = 14; d < span; d++) {
            LocalDate date = start.plusDays(d);
            double[] y = history.has(date) ? history.day(date) : null;
            boolean learn = y != null && !special.contains(date);
            int w0 = (date.getDayOfWeek().getValue() % 7) * m1;
            for (int i = 0; i < m1; i++) {
                double prediction = level + daily[i] + weekly[w0 + i] + p.phi() * error;
                double e = learn ? y[i] - prediction : 0;
                level += p.alpha() * e;
                daily[i] += p.delta() * e;
                weekly[w0 + i] += p.omega() * e;
                error = e;
            }
        }
        double[] result = new double[m1];
        int w0 = (day.getDayOfWeek().getValue() % 7) * m1;
        double ar = error;
        for (int i = 0; i < m1; i++) {
            ar *= p.phi();
            result[i] = Math.max(0, level + daily[i] + weekly[w0 + i] + ar);
        }
        return result;
    }

    /** Level = mean of the first two weeks; weekly season = each week-bucket's mean minus the level. */
    private static double startUp(IntervalHistory history, LocalDate start, int m1, double[] weekly) {
        double[] sum = new double[weekly.length];
        int[] count = new int[weekly.length];
        double total = 0;
        int n = 0;
        for (int d = 0; d < 14; d++) {
            LocalDate date = start.plusDays(d);
            if (!history.has(date)) {
                continue;
            }
            double[] y = history.day(date);
            int w0 = (date.getDayOfWeek().getValue() % 7) * m1;
            for (int i = 0; i < m1; i++) {
                sum[w0 + i] += y[i];
                count[w0 + i]++;
                total += y[i];
                n++;
            }
        }
        double level = n == 0 ? 0 : total / n;
        for (int k = 0; k < weekly.length; k++) {
            weekly[k] = count[k] == 0 ? 0 : sum[k] / count[k] - level;
        }
        return level;
    }
}
