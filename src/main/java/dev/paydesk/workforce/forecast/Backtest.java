package dev.paydesk.workforce.forecast;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Rolling-origin evaluation: for every scored day each model sees only the history before that day,
 * and its buckets selected by {@code bucketFilter} are compared with the actuals.
 */
public final class Backtest {

    private Backtest() {
    }

    public static Map<String, Accuracy> evaluate(IntervalHistory history, List<? extends ForecastModel> models,
            List<LocalDate> scoredDays, IntPredicate bucketFilter) {
        Map<String, Accuracy.Tally> tallies = new LinkedHashMap<>();
        models.forEach(m -> tallies.put(m.name(), new Accuracy.Tally()));
        for (LocalDate day : scoredDays) {
            double[] actual = history.day(day);
            IntervalHistory past = history.before(day);
            for (ForecastModel model : models) {
                double[] forecast = model.forecast(past, day);
                Accuracy.Tally tally = tallies.get(model.name());
                for (int i = 0; i < actual.length; i++) {
                    if (bucketFilter.test(i)) {
                        tally.add(forecast[i], actual[i]);
                    }
                }
            }
        }
        Map<String, Accuracy> result = new LinkedHashMap<>();
        tallies.forEach((name, tally) -> result.put(name, tally.result()));
        return result;
    }

    /**
     * Model selection: the candidate with the lowest WAPE over the last {@code days} recorded main-weekday
     * days of the history (each forecast from the data before it).
     */
    public static ForecastModel select(IntervalHistory history, List<? extends ForecastModel> candidates, int days) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidate models");
        }
        var main = SpecialDays.mainWeekdays(history);
        var special = SpecialDays.detect(history, d -> false);
        List<LocalDate> recent = history.days().descendingKeySet().stream()
                .filter(d -> main.contains(d.getDayOfWeek()) && !special.contains(d))
                .limit(days).sorted().toList();
        if (recent.size() < 3) {
            return candidates.getFirst();
        }
        Map<String, Accuracy> scores = evaluate(history, candidates, recent, i -> true);
        return candidates.stream().min(Comparator.comparingDouble(m -> scores.get(m.name()).wape())).orElseThrow();
    }
}
