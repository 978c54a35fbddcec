package dev.paydesk.workforce.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Paydesk's day-ahead model: a daily total from {@link DailyLevelModel} times an intraday profile. The
 * profile is a blend of the recent same-weekday shapes (exponentially down-weighted by age) with the
 * pooled shape of all recent main weekdays, lightly smoothed across neighbouring buckets. Special days
 * are left out of both; a day the calendar marks as a holiday is forecast from the recent special days'
 * ratio to normal. Weekdays that carry little traffic fall back to the mean of recent clean same weekdays.
 */
public final class ProfileLevelModel implements ForecastModel {

    /** Tuned by rolling-origin backtest on January–June 1999 of the anonymous-bank data (see docs). */
    public record Settings(int windowDays, double alpha, int centerDays, double clip, int iterations,
            double monthShrinkage, int monthSmoothing, int shapeWeeks, double shapeDecay, int pooledDays,
            double pooledBlend) {

        public static Settings defaults() {
            return new Settings(150, 0.3, 10, 0.25, 4, 1.0, 1, 20, 0.93, 40, 0.3);
        }
    }

    private final Settings settings;
    private final Predicate<LocalDate> holiday;
    private final DailyLevelModel daily;

    public ProfileLevelModel(Settings settings, Predicate<LocalDate> holiday) {
        this.settings = settings;
        this.holiday = holiday;
        this.daily = new DailyLevelModel(settings);
    }

    public static ProfileLevelModel withoutCalendar() {
        return new ProfileLevelModel(Settings.defaults(), d -> false);
    }

    @Override
    public String name() {
        return "paydesk";
    }

    @Override
    public double[] forecast(IntervalHistory history, LocalDate day) {
        int buckets = history.bucketsPerDay();
        if (history.isEmpty()) {
            return new double[buckets];
        }
        Set<LocalDate> special = SpecialDays.detect(history, holiday);
        Set<DayOfWeek> main = SpecialDays.mainWeekdays(history);
        if (!main.contains(day.getDayOfWeek())) {
            return cleanMean(history, special, day, 8);
        }
        double[] shape = shape(history, special, main, day);
        double total = daily.forecastTotal(history, special, main, day);
        if (holiday.test(day)) {
            total *= holidayRatio(history, special, main);
        }
        double[] result = new double[buckets];
        for (int i = 0; i < buckets; i++) {
            result[i] = total * shape[i];
        }
        return result;
    }

    private double[] shape(IntervalHistory history, Set<LocalDate> special, Set<DayOfWeek> main, LocalDate day) {
        int buckets = history.bucketsPerDay();
        double[] sameWeekday = new double[buckets];
        double weight = 1;
        double weights = 0;
        for (LocalDate d : cleanSameWeekdays(history, special, day, settings.shapeWeeks())) {
            addShape(sameWeekday, history, d, weight);
            weights += weight;
            weight *= settings.shapeDecay();
        }
        double[] pooled = new double[buckets];
        int pooledCount = 0;
        for (LocalDate d : history.days().descendingKeySet()) {
            if (pooledCount == settings.pooledDays()) {
                break;
            }
            if (main.contains(d.getDayOfWeek()) && !special.contains(d) && history.total(d) > 0) {
                addShape(pooled, history, d, 1);
                pooledCount++;
            }
        }
        double blend = weights == 0 ? 1 : pooledCount == 0 ? 0 : settings.pooledBlend();
        double[] mixed = new double[buckets];
        for (int i = 0; i < buckets; i++) {
            double a = weights == 0 ? 0 : sameWeekday[i] / weights;
            double b = pooledCount == 0 ? 0 : pooled[i] / pooledCount;
            mixed[i] = (1 - blend) * a + blend * b;
        }
        return smooth(mixed);
    }

    private static void addShape(double[] into, IntervalHistory history, LocalDate d, double weight) {
        double total = history.total(d);
        double[] values = history.day(d);
        for (int i = 0; i < into.length; i++) {
            into[i] += weight * values[i] / total;
        }
    }

    static double[] smooth(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double sum = 2 * values[i];
            double weight = 2;
            if (i > 0) {
                sum += values[i - 1];
                weight++;
            }
            if (i < values.length - 1) {
                sum += values[i + 1];
                weight++;
            }
            out[i] = sum / weight;
        }
        return out;
    }

    static List<LocalDate> cleanSameWeekdays(IntervalHistory history, Set<LocalDate> special, LocalDate day, int count) {
        List<LocalDate> found = new ArrayList<>();
        for (int w = 1; w < 60 && found.size() < count; w++) {
            LocalDate d = day.minusWeeks(w);
            if (history.has(d) && !special.contains(d) && history.total(d) > 0) {
                found.add(d);
            }
        }
        return found;
    }

    private static double[] cleanMean(IntervalHistory history, Set<LocalDate> special, LocalDate day, int weeks) {
        double[] sum = new double[history.bucketsPerDay()];
        List<LocalDate> days = cleanSameWeekdays(history, special, day, weeks);
        for (LocalDate d : days) {
            double[] values = history.day(d);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += values[i] / days.size();
            }
        }
        return sum;
    }

    /** Median ratio of recent special main-weekday totals to the clean median; 0.3 without evidence. */
    private static double holidayRatio(IntervalHistory history, Set<LocalDate> special, Set<DayOfWeek> main) {
        List<Double> clean = new ArrayList<>();
        List<Double> odd = new ArrayList<>();
        for (LocalDate d : history.days().keySet()) {
            if (main.contains(d.getDayOfWeek())) {
                (special.contains(d) ? odd : clean).add(history.total(d));
            }
        }
        if (odd.isEmpty() || clean.isEmpty()) {
            return 0.3;
        }
        return SpecialDays.median(odd) / SpecialDays.median(clean);
    }
}
