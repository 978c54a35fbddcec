package dev.paydesk.workforce;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Today so far, per queue and supplier, with alerts and a recommendation for the rest of the day. */
public record RealtimeBoard(Instant asOf, List<QueueStatus> queues) {

    /**
     * @param deviation      actual/forecast − 1 for the elapsed intervals
     * @param requiredNext   agents on the phone the re-forecast needs in the next interval (Erlang A)
     * @param staffedLast    agents reported in the last completed interval (all suppliers), if reported
     */
    public record QueueStatus(ContactQueue queue, double forecastSoFar, double actualSoFar, double deviation,
            double restOfDayForecast, int requiredNext, @Nullable Double staffedLast, SupplierStatus total,
            List<SupplierStatus> suppliers, List<String> alerts, List<String> recommendations) {
    }

    /** Service figures since the start of the day; occupancy only where staffed agents are reported. */
    public record SupplierStatus(String supplier, int offered, int answered, int abandoned, double serviceLevel,
            double asaSeconds, double ahtSeconds, double abandonRate, @Nullable Double occupancy,
            @Nullable Double staffedLast) {
    }
}
