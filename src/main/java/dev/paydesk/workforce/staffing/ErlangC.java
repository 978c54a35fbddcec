package dev.paydesk.workforce.staffing;

/**
 * Erlang B and Erlang C (M/M/n) without factorials: Erlang B by the stable recursion
 * {@code B(k) = A·B(k-1) / (k + A·B(k-1))}, Erlang C from it by {@code C = n·B / (n - A·(1 - B))}.
 */
public final class ErlangC {

    private ErlangC() {
    }

    /** Blocking probability of an M/M/n/n loss system with offered load {@code erlangs}. */
    public static double erlangB(int agents, double erlangs) {
        requireNonNegative(agents, erlangs);
        double b = 1.0;
        for (int k = 1; k <= agents; k++) {
            b = erlangs * b / (k + erlangs * b);
        }
        return b;
    }

    /** Probability of waiting in M/M/n; 1 when the queue is unstable ({@code agents <= erlangs}). */
    public static double probWait(int agents, double erlangs) {
        requireNonNegative(agents, erlangs);
        if (erlangs == 0) {
            return 0;
        }
        if (agents <= erlangs) {
            return 1;
        }
        double b = erlangB(agents, erlangs);
        return agents * b / (agents - erlangs * (1 - b));
    }

    /** Metrics for {@code agents} serving load {@code erlangs} with mean handle time {@code ahtSeconds}. */
    public static QueueMetrics metrics(int agents, double erlangs, double ahtSeconds, double thresholdSeconds) {
        if (ahtSeconds <= 0) {
            throw new IllegalArgumentException("handle time must be positive");
        }
        double pw = probWait(agents, erlangs);
        if (agents <= erlangs && erlangs > 0) {
            return new QueueMetrics(agents, 0, 0, 0, Double.POSITIVE_INFINITY, 1, 1, 0);
        }
        double sl = 1 - pw * Math.exp(-(agents - erlangs) * thresholdSeconds / ahtSeconds);
        double asa = erlangs == 0 ? 0 : pw * ahtSeconds / (agents - erlangs);
        double occupancy = agents == 0 ? 0 : erlangs / agents;
        return new QueueMetrics(agents, sl, sl, sl, asa, occupancy, pw, 0);
    }

    static void requireNonNegative(int agents, double erlangs) {
        if (agents < 0 || !(erlangs >= 0) || Double.isInfinite(erlangs)) {
            throw new IllegalArgumentException("agents and load must be finite and non-negative");
        }
    }
}
