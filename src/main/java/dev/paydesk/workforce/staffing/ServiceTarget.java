package dev.paydesk.workforce.staffing;

/**
 * What an interval must achieve.
 *
 * @param serviceLevel     share of offered contacts answered within {@code thresholdSeconds}
 * @param thresholdSeconds the service-level threshold
 * @param maxOccupancy     upper bound on agent occupancy (1 = none)
 * @param maxAbandon       upper bound on the abandonment probability (1 = none; Erlang A only)
 * @param shrinkage        share of paid time not on the phone (breaks, training, absence), 0..&lt;1
 */
public record ServiceTarget(double serviceLevel, double thresholdSeconds, double maxOccupancy, double maxAbandon,
        double shrinkage) {

    public ServiceTarget {
        if (!(serviceLevel >= 0 && serviceLevel < 1) || thresholdSeconds < 0 || !(maxOccupancy > 0 && maxOccupancy <= 1)
                || !(maxAbandon >= 0 && maxAbandon <= 1) || !(shrinkage >= 0 && shrinkage < 1)) {
            throw new IllegalArgumentException("service level in [0,1), occupancy in (0,1], shrinkage in [0,1)");
        }
    }

    public static ServiceTarget of(double serviceLevel, double thresholdSeconds) {
        return new ServiceTarget(serviceLevel, thresholdSeconds, 1, 1, 0);
    }

    /** Agents to schedule so that {@code onPhone} are available after shrinkage. */
    public int scheduled(int onPhone) {
        return (int) Math.ceil(onPhone / (1 - shrinkage) - 1e-9);
    }

    boolean satisfiedBy(QueueMetrics m) {
        return m.serviceLevel() >= serviceLevel - 1e-12 && m.occupancy() <= maxOccupancy + 1e-12
                && m.probAbandon() <= maxAbandon + 1e-12;
    }
}
