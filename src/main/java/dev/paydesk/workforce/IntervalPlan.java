package dev.paydesk.workforce;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One interval of a queue's day: the forecast, the forecast after downtime effects, the handle time used,
 * the Erlang A requirement (on the phone and scheduled after shrinkage) and, where known, what happened.
 */
public record IntervalPlan(Instant start, double forecast, double adjustedForecast, double ahtSeconds,
        int requiredAgents, int scheduledAgents, double expectedServiceLevel, @Nullable Integer actualOffered,
        @Nullable Double staffedAgents, boolean downtime) {
}
