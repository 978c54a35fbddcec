package dev.paydesk.workforce.staffing;

/**
 * Work offered in one interval.
 *
 * @param contacts        expected offered contacts in the interval
 * @param intervalSeconds interval length
 * @param ahtSeconds      mean handle time
 * @param patienceSeconds mean patience (used by Erlang A only)
 */
public record IntervalLoad(double contacts, double intervalSeconds, double ahtSeconds, double patienceSeconds) {

    public IntervalLoad {
        if (!(contacts >= 0) || !(intervalSeconds > 0) || !(ahtSeconds > 0) || !(patienceSeconds > 0)) {
            throw new IllegalArgumentException("volume must be non-negative, durations positive");
        }
    }

    public double arrivalsPerSecond() {
        return contacts / intervalSeconds;
    }

    /** Offered load in Erlang. */
    public double erlangs() {
        return arrivalsPerSecond() * ahtSeconds;
    }

    public IntervalLoad withContacts(double newContacts) {
        return new IntervalLoad(newContacts, intervalSeconds, ahtSeconds, patienceSeconds);
    }
}
