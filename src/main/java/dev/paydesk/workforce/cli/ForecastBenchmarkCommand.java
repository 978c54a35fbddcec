package dev.paydesk.workforce.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.paydesk.shared.BenchmarkCommand;
import dev.paydesk.workforce.forecast.Accuracy;
import dev.paydesk.workforce.forecast.Backtest;
import dev.paydesk.workforce.forecast.DoubleSeasonalHoltWinters;
import dev.paydesk.workforce.forecast.ForecastModel;
import dev.paydesk.workforce.forecast.IntervalHistory;
import dev.paydesk.workforce.forecast.ProfileLevelModel;
import dev.paydesk.workforce.forecast.SeasonalNaive;
import dev.paydesk.workforce.forecast.SpecialDays;
import dev.paydesk.workforce.forecast.VolumeCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** {@code bin/paydesk bench forecast}: day-ahead WAPE of Paydesk's model next to seasonal baselines. */
@Component
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Day-ahead forecast benchmark on an interval_start,calls file: WAPE of Paydesk vs baselines.")
class ForecastBenchmarkCommand implements BenchmarkCommand, Callable<Integer> {

    @Option(names = "--data", required = true, description = "CSV with interval_start,calls")
    Path data;
    @Option(names = "--evaluate-from", required = true, description = "first day to forecast (YYYY-MM-DD)")
    LocalDate evaluateFrom;
    @Option(names = "--from-hour", defaultValue = "10", description = "first scored hour of the day")
    int fromHour = 10;
    @Option(names = "--json", description = "print one JSON object (protocol on stderr)")
    boolean json;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws IOException {
        IntervalHistory history;
        try (BufferedReader reader = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
            history = VolumeCsv.read(reader, 30);
        }
        Set<DayOfWeek> traffic = SpecialDays.mainWeekdays(history);
        List<LocalDate> scored = scoredDays(history, traffic);
        List<ForecastModel> models = List.of(ProfileLevelModel.withoutCalendar(), SeasonalNaive.lastWeek(),
                SeasonalNaive.meanOf(4), SeasonalNaive.meanOf(8),
                new DoubleSeasonalHoltWinters(DoubleSeasonalHoltWinters.Parameters.defaults(), d -> false));
        int firstBucket = fromHour * 2;
        long started = System.nanoTime();
        Map<String, Accuracy> results = Backtest.evaluate(history, models, scored, i -> i >= firstBucket);
        double seconds = (System.nanoTime() - started) / 1e9;
        String protocol = protocol(traffic, scored, history);
        if (json) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("wape_paydesk", round(results.get("paydesk").wape()));
            figures.put("wape_last_week", round(results.get("last_week").wape()));
            figures.put("wape_mean4", round(results.get("mean4").wape()));
            figures.put("wape_mean8", round(results.get("mean8").wape()));
            err.println(protocol);
            out.println(JsonMapper.builder().build().writeValueAsString(figures));
            return 0;
        }
        out.println(protocol);
        out.printf(Locale.ROOT, "%-13s %8s %8s %8s%n", "model", "WAPE", "MAPE", "bias");
        results.forEach((name, a) -> out.printf(Locale.ROOT, "%-13s %8.4f %8.4f %+8.4f%n", name, a.wape(), a.mape(),
                a.bias()));
        double gain = 1 - results.get("paydesk").wape() / results.get("mean8").wape();
        out.printf(Locale.ROOT, "paydesk vs mean8: %.1f %% lower WAPE (%.1f s)%n", 100 * gain, seconds);
        return 0;
    }

    private String protocol(Set<DayOfWeek> traffic, List<LocalDate> scored, IntervalHistory history) {
        String days = traffic.stream().sorted(java.util.Comparator.comparingInt(d -> d.getValue() % 7)).map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ROOT))
                .collect(Collectors.joining(","));
        return String.format(Locale.ROOT, "Protocol: day-ahead forecasts for every day from %s to %s, each from the "
                + "data before that day only; WAPE = sum|F-A| / sum A over 30-minute buckets %02d:00-24:00 on the "
                + "traffic weekdays (%s); days whose actual total is below half the median total of their weekday "
                + "(in the file) are skipped as holidays. %d days scored.", evaluateFrom, history.last(), fromHour,
                days, scored.size());
    }

    private List<LocalDate> scoredDays(IntervalHistory history, Set<DayOfWeek> traffic) {
        Map<DayOfWeek, List<Double>> totals = new EnumMap<>(DayOfWeek.class);
        history.days().keySet().forEach(d -> totals.computeIfAbsent(d.getDayOfWeek(), k -> new ArrayList<>())
                .add(history.total(d)));
        Map<DayOfWeek, Double> medians = new EnumMap<>(DayOfWeek.class);
        totals.forEach((k, v) -> medians.put(k, median(v)));
        return history.days().keySet().stream()
                .filter(d -> !d.isBefore(evaluateFrom) && traffic.contains(d.getDayOfWeek()))
                .filter(d -> history.total(d) >= 0.5 * medians.get(d.getDayOfWeek()))
                .toList();
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
