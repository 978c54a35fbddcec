package dev.paydesk.workforce;

import java.time.LocalDate;
import java.util.List;

/** A queue's forecast and staffing requirement for one day, with the model that produced it. */
public record DayPlan(ContactQueue queue, LocalDate date, String model, boolean reforecastFromActuals,
        List<IntervalPlan> intervals) {

    public double totalForecast() {
        return intervals.stream().mapToDouble(IntervalPlan::adjustedForecast).sum();
    }

    public int peakRequired() {
        return intervals.stream().mapToInt(IntervalPlan::scheduledAgents).max().orElse(0);
    }
}
