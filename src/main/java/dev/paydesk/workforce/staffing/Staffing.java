package dev.paydesk.workforce.staffing;

/** Evaluates and sizes one interval under Erlang C or Erlang A. */
public final class Staffing {

    private static final int MAX_AGENTS = 1_000_000;

    private Staffing() {
    }

    public static QueueMetrics evaluate(QueueModel model, IntervalLoad load, int agents, double thresholdSeconds) {
        return switch (model) {
            case ERLANG_C -> ErlangC.metrics(agents, load.erlangs(), load.ahtSeconds(), thresholdSeconds);
            case ERLANG_A -> ErlangA.metrics(load.arrivalsPerSecond(), load.ahtSeconds(), load.patienceSeconds(),
                    agents, thresholdSeconds);
        };
    }

    /**
     * The fewest agents on the phone meeting every part of the target. Service level and occupancy are
     * monotone in the number of agents, so a doubling search followed by bisection finds the minimum.
     */
    public static StaffingPlan required(QueueModel model, IntervalLoad load, ServiceTarget target) {
        if (load.contacts() == 0) {
            return new StaffingPlan(0, 0, evaluate(model, load, 0, target.thresholdSeconds()));
        }
        int lo = 0;
        int hi = Math.max(1, (int) Math.ceil(load.erlangs()));
        while (!target.satisfiedBy(evaluate(model, load, hi, target.thresholdSeconds()))) {
            lo = hi;
            hi *= 2;
            if (hi > MAX_AGENTS) {
                throw new IllegalArgumentException("target cannot be met with " + MAX_AGENTS + " agents");
            }
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (target.satisfiedBy(evaluate(model, load, mid, target.thresholdSeconds()))) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return new StaffingPlan(hi, target.scheduled(hi), evaluate(model, load, hi, target.thresholdSeconds()));
    }

    /** The plan for a given number of agents on the phone. */
    public static StaffingPlan given(QueueModel model, IntervalLoad load, ServiceTarget target, int agents) {
        return new StaffingPlan(agents, target.scheduled(agents), evaluate(model, load, agents, target.thresholdSeconds()));
    }

    /**
     * @param onPhone   agents needed on the phone
     * @param scheduled agents to schedule once shrinkage is added
     * @param metrics   the interval's figures with {@code onPhone} agents
     */
    public record StaffingPlan(int onPhone, int scheduled, QueueMetrics metrics) {
    }
}
