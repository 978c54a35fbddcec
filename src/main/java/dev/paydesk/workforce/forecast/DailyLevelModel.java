package dev.paydesk.workforce.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Daily totals on the log scale as {@code level(t) + weekday + business-day-of-month}, fitted by
 * backfitting on the recent clean main-weekday history: the level is a running median of the
 * de-seasonalised values, the weekday effect a mean residual, the month effect a shrunk and smoothed
 * mean residual per index of the business day in its month (paydays and month ends move volume). The
 * forecast level is an exponentially weighted level whose innovations are clipped, so one odd day does
 * not drag it.
 */
final class DailyLevelModel {

    private static final int MONTH_KEYS = 31;

    private final ProfileLevelModel.Settings settings;

    DailyLevelModel(ProfileLevelModel.Settings settings) {
        this.settings = settings;
    }

    double forecastTotal(IntervalHistory history, Set<LocalDate> special, Set<DayOfWeek> main, LocalDate day) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d : history.days().keySet()) {
            if (!d.isBefore(day.minusDays(settings.windowDays())) && main.contains(d.getDayOfWeek())
                    && !special.contains(d) && history.total(d) > 0) {
                days.add(d);
            }
        }
        if (days.isEmpty()) {
            return 0;
        }
        double[] y = days.stream().mapToDouble(d -> Math.log(history.total(d))).toArray();
        Map<DayOfWeek, Double> weekday = new EnumMap<>(DayOfWeek.class);
        double[] month = new double[MONTH_KEYS + 1];
        for (int iteration = 0; iteration < settings.iterations(); iteration++) {
            double[] level = localLevel(days, y, weekday, month, main);
            weekday = weekdayEffects(days, y, level, month, main);
            month = monthEffects(days, y, level, weekday, main);
        }
        double l = Double.NaN;
        for (int i = 0; i < days.size(); i++) {
            double v = y[i] - weekday.getOrDefault(days.get(i).getDayOfWeek(), 0.0)
                    - month[businessDayOfMonth(days.get(i), main)];
            if (Double.isNaN(l)) {
                l = v;
            } else {
                double innovation = Math.max(-settings.clip(), Math.min(settings.clip(), v - l));
                l += settings.alpha() * innovation;
            }
        }
        return Math.exp(l + weekday.getOrDefault(day.getDayOfWeek(), 0.0) + month[businessDayOfMonth(day, main)]);
    }

    private double[] localLevel(List<LocalDate> days, double[] y, Map<DayOfWeek, Double> weekday, double[] month,
            Set<DayOfWeek> main) {
        double[] deseasonalised = new double[days.size()];
        for (int i = 0; i < days.size(); i++) {
            deseasonalised[i] = y[i] - weekday.getOrDefault(days.get(i).getDayOfWeek(), 0.0)
                    - month[businessDayOfMonth(days.get(i), main)];
        }
        double[] level = new double[days.size()];
        for (int i = 0; i < days.size(); i++) {
            List<Double> neighbours = new ArrayList<>();
            for (int j = 0; j < days.size(); j++) {
                if (Math.abs(days.get(j).toEpochDay() - days.get(i).toEpochDay()) <= settings.centerDays()) {
                    neighbours.add(deseasonalised[j]);
                }
            }
            level[i] = SpecialDays.median(neighbours);
        }
        return level;
    }

    private Map<DayOfWeek, Double> weekdayEffects(List<LocalDate> days, double[] y, double[] level, double[] month,
            Set<DayOfWeek> main) {
        Map<DayOfWeek, double[]> sums = new EnumMap<>(DayOfWeek.class);
        for (int i = 0; i < days.size(); i++) {
            double[] s = sums.computeIfAbsent(days.get(i).getDayOfWeek(), k -> new double[2]);
            s[0] += y[i] - level[i] - month[businessDayOfMonth(days.get(i), main)];
            s[1]++;
        }
        Map<DayOfWeek, Double> effects = new EnumMap<>(DayOfWeek.class);
        sums.forEach((k, s) -> effects.put(k, s[0] / s[1]));
        return effects;
    }

    private double[] monthEffects(List<LocalDate> days, double[] y, double[] level, Map<DayOfWeek, Double> weekday,
            Set<DayOfWeek> main) {
        double[] sum = new double[MONTH_KEYS + 1];
        int[] count = new int[MONTH_KEYS + 1];
        for (int i = 0; i < days.size(); i++) {
            int key = businessDayOfMonth(days.get(i), main);
            sum[key] += y[i] - level[i] - weekday.getOrDefault(days.get(i).getDayOfWeek(), 0.0);
            count[key]++;
        }
        double[] raw = new double[MONTH_KEYS + 1];
        for (int k = 1; k <= MONTH_KEYS; k++) {
            raw[k] = sum[k] / (count[k] + settings.monthShrinkage());
        }
        double[] smoothed = new double[MONTH_KEYS + 1];
        int h = settings.monthSmoothing();
        for (int k = 1; k <= MONTH_KEYS; k++) {
            double s = 0;
            int n = 0;
            for (int o = Math.max(1, k - h); o <= Math.min(MONTH_KEYS, k + h); o++) {
                s += raw[o];
                n++;
            }
            smoothed[k] = s / n;
        }
        return smoothed;
    }

    /** 1 for the first main weekday of the month, 2 for the second, ... (holidays count too). */
    static int businessDayOfMonth(LocalDate day, Set<DayOfWeek> main) {
        int index = 0;
        for (LocalDate d = day.withDayOfMonth(1); !d.isAfter(day); d = d.plusDays(1)) {
            if (main.contains(d.getDayOfWeek())) {
                index++;
            }
        }
        return Math.max(1, Math.min(MONTH_KEYS, index));
    }
}
