package dev.paydesk.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Spots spikes in hourly contact counts. For each cell the expected count for the hour comes from
 * the same hour of week in the history, shrunk toward the cell's overall hourly mean (a Gamma prior
 * worth {@code priorHours} observations). The p-value is the upper tail of the Gamma–Poisson
 * (negative binomial) predictive distribution, so uncertainty in the baseline is accounted for; the
 * false discovery rate across all cells of the hour is controlled with Benjamini–Hochberg (1995).
 */
public final class IncidentDetector {

    static final int HOURS_PER_WEEK = 168;

    private final double fdr;
    private final double priorHours;
    private final int minCount;

    /**
     * @param fdr false discovery rate across the cells of one hour (e.g. 0.01)
     * @param priorHours weight of the overall mean in the baseline, in hours of evidence
     * @param minCount no incident below this many contacts in the hour
     */
    public IncidentDetector(double fdr, double priorHours, int minCount) {
        this.fdr = fdr;
        this.priorHours = priorHours;
        this.minCount = minCount;
    }

    /** The observed count of a cell in the tested hour and its history (index i = i hours after the start). */
    public record CellTraffic(Cell cell, int observed, int[] history) {
    }

    /** A cell whose count is significantly above its expected level. */
    public record Alarm(Cell cell, int observed, double expected, double pValue) {
    }

    /**
     * @param traffic cells with their history; every history ends at the hour before the tested hour
     * @param cellsTested total cells monitored in the hour (cells with no traffic count too), ≥ traffic size
     */
    public List<Alarm> detect(List<CellTraffic> traffic, int cellsTested) {
        List<Alarm> candidates = new ArrayList<>();
        for (CellTraffic t : traffic) {
            double[] posterior = posterior(t.history());
            double expected = posterior[0] / posterior[1];
            double p = t.observed() < minCount ? 1.0 : Distributions.negativeBinomialUpperTail(t.observed(), posterior[0], posterior[1]);
            candidates.add(new Alarm(t.cell(), t.observed(), expected, p));
        }
        return benjaminiHochberg(candidates, Math.max(cellsTested, traffic.size()));
    }

    /** Gamma posterior (shape, rate) for the hour following the history. */
    double[] posterior(int[] history) {
        long total = 0;
        for (int count : history) {
            total += count;
        }
        double overallMean = history.length == 0 ? 0 : (double) total / history.length;
        long sameHourTotal = 0;
        int sameHours = 0;
        for (int i = history.length - HOURS_PER_WEEK; i >= 0; i -= HOURS_PER_WEEK) {
            sameHourTotal += history[i];
            sameHours++;
        }
        double shape = priorHours * Math.max(overallMean, 0.01) + sameHourTotal;
        double rate = priorHours + sameHours;
        return new double[] {shape, rate};
    }

    private List<Alarm> benjaminiHochberg(List<Alarm> candidates, int m) {
        List<Alarm> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Alarm::pValue));
        int cutoff = 0;
        for (int k = 1; k <= sorted.size(); k++) {
            if (sorted.get(k - 1).pValue() <= fdr * k / m) {
                cutoff = k;
            }
        }
        return List.copyOf(sorted.subList(0, cutoff));
    }

    /** Convenience: turns a map of histories into traffic records. */
    public static List<CellTraffic> traffic(Map<Cell, Integer> observed, Map<Cell, int[]> history) {
        return observed.entrySet().stream()
                .map(e -> new CellTraffic(e.getKey(), e.getValue(), history.getOrDefault(e.getKey(), new int[0])))
                .toList();
    }
}
