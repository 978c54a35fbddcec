package dev.paydesk.workforce.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** Synthetic contact histories with known weekly and intraday seasonality. */
final class ForecastFixtures {

    static final LocalDate START = LocalDate.of(2026, 1, 4); // a Sunday

    private ForecastFixtures() {
    }

    /** Intraday profile: nothing at night, a morning peak and a smaller afternoon peak (48 half hours). */
    static double[] profile() {
        double[] p = new double[48];
        double sum = 0;
        for (int i = 16; i < 44; i++) {
            p[i] = Math.exp(-Math.pow((i - 21) / 4.0, 2)) + 0.6 * Math.exp(-Math.pow((i - 32) / 5.0, 2)) + 0.1;
            sum += p[i];
        }
        for (int i = 0; i < 48; i++) {
            p[i] /= sum;
        }
        return p;
    }

    static double weekdayFactor(DayOfWeek d) {
        return switch (d) {
            case MONDAY -> 1.2;
            case TUESDAY -> 1.05;
            case WEDNESDAY, THURSDAY -> 1.0;
            case FRIDAY -> 0.9;
            case SATURDAY -> 0.2;
            case SUNDAY -> 0.1;
        };
    }

    /** {@code days} days of volume = level(day) × weekday factor × profile, Poisson-like noise when seeded. */
    static IntervalHistory history(int days, ToDoubleFunction<LocalDate> level, long seed, double noise) {
        Random random = new Random(seed);
        double[] profile = profile();
        Map<LocalDate, double[]> data = new TreeMap<>();
        for (int d = 0; d < days; d++) {
            LocalDate day = START.plusDays(d);
            double total = level.applyAsDouble(day) * weekdayFactor(day.getDayOfWeek());
            double[] values = new double[48];
            for (int i = 0; i < 48; i++) {
                double mean = total * profile[i];
                values[i] = Math.max(0, mean + noise * Math.sqrt(mean) * random.nextGaussian());
            }
            data.put(day, values);
        }
        return IntervalHistory.of(48, data);
    }

    static double[] expected(LocalDate day, double level) {
        double[] profile = profile();
        double[] out = new double[48];
        for (int i = 0; i < 48; i++) {
            out[i] = level * weekdayFactor(day.getDayOfWeek()) * profile[i];
        }
        return out;
    }
}
