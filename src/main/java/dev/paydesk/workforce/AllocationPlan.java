package dev.paydesk.workforce;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.paydesk.shared.Money;

/**
 * A day's supplier split for one queue next to the pro-rata split (volume in proportion to each
 * supplier's contracted maximum, each share staffed on its own).
 */
public record AllocationPlan(String queue, LocalDate date, double qualityWeight, List<String> suppliers,
        List<Row> intervals, Money optimisedCost, Money proRataCost, int optimisedAgentHours, int proRataAgentHours,
        boolean feasible) {

    /**
     * Per interval: volume and, per supplier (same order as {@code suppliers}), scheduled agents and volume;
     * {@code notice} names the planned downtimes affecting the interval (empty when none).
     */
    public record Row(Instant start, double volume, int[] optimisedAgents, double[] optimisedVolume,
            int[] proRataAgents, double[] proRataVolume, String notice) {
    }

    public Money saved() {
        return proRataCost.minus(optimisedCost);
    }
}
