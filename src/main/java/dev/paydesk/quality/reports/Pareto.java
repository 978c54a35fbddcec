package dev.paydesk.quality.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A Pareto of failed criteria: most frequent first with their cumulative share; the "vital few" are the
 * criteria up to and including the one that takes the cumulative share to {@code cutoff} (commonly 80 %).
 */
public final class Pareto {

    private Pareto() {
    }

    /** One criterion's failures; {@code cumulative} is the share of all failures up to and including this line. */
    public record Line(String criterion, long failures, double share, double cumulative, boolean vital) {
    }

    public static List<Line> of(Map<String, Long> failures, double cutoff) {
        long total = failures.values().stream().mapToLong(Long::longValue).sum();
        List<Map.Entry<String, Long>> sorted = failures.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
        List<Line> lines = new ArrayList<>();
        long running = 0;
        boolean reached = false;
        for (Map.Entry<String, Long> e : sorted) {
            running += e.getValue();
            double cumulative = (double) running / total;
            lines.add(new Line(e.getKey(), e.getValue(), (double) e.getValue() / total, cumulative, !reached));
            reached |= cumulative >= cutoff;
        }
        return lines;
    }
}
