package dev.paydesk.workforce.allocation;

/**
 * A supplier as the optimiser sees it.
 *
 * @param costPerHourMinor price of one scheduled agent hour, in minor units
 * @param qaScore          0..100
 * @param fcr              first-contact resolution 0..1
 * @param minAgents        contracted minimum agents on the phone in the interval
 * @param maxAgents        contracted maximum agents on the phone in the interval
 */
public record SupplierOption(String code, long costPerHourMinor, double qaScore, double fcr, int minAgents,
        int maxAgents) {

    public SupplierOption {
        if (costPerHourMinor < 0 || minAgents < 0 || maxAgents < minAgents || qaScore < 0 || qaScore > 100 || fcr < 0
                || fcr > 1) {
            throw new IllegalArgumentException("invalid supplier option " + code);
        }
    }

    /** 0..1: the mean of the QA score (as a share) and first-contact resolution. */
    public double quality() {
        return (qaScore / 100 + fcr) / 2;
    }

    /** Cost used by the optimiser: the price raised by {@code weight × (1 − quality)}. */
    double weightedCost(double weight) {
        return costPerHourMinor * (1 + weight * (1 - quality()));
    }
}
