package dev.paydesk.workforce.allocation;

import dev.paydesk.workforce.staffing.IntervalLoad;
import dev.paydesk.workforce.staffing.QueueModel;
import dev.paydesk.workforce.staffing.ServiceTarget;
import dev.paydesk.workforce.staffing.Staffing;

/**
 * The most contacts a pool of {@code agents} can take in the interval while meeting the target. It grows
 * faster than linearly in the number of agents (pooling), which is why pro-rata splits cost more.
 */
final class PoolCapacity {

    private PoolCapacity() {
    }

    static double capacity(AllocationProblem p, int agents) {
        if (agents == 0) {
            return 0;
        }
        IntervalLoad load = p.load();
        double hi = agents * load.intervalSeconds() / load.ahtSeconds() * 1.5;
        double lo = 0;
        for (int i = 0; i < 50 && hi - lo > 1e-4; i++) {
            double mid = (lo + hi) / 2;
            if (meets(p, load.withContacts(mid), agents)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static boolean meets(AllocationProblem p, IntervalLoad load, int agents) {
        ServiceTarget t = p.target();
        var m = Staffing.evaluate(p.model(), load, agents, t.thresholdSeconds());
        return load.contacts() == 0 || m.serviceLevel() >= t.serviceLevel() - 1e-12
                && m.occupancy() <= t.maxOccupancy() + 1e-12 && m.probAbandon() <= t.maxAbandon() + 1e-12;
    }

    static Allocation.Share share(AllocationProblem p, SupplierOption s, int agents, double volume) {
        ServiceTarget t = p.target();
        double sl = agents == 0 ? (volume == 0 ? 1 : 0)
                : Staffing.evaluate(p.model(), p.load().withContacts(volume), agents, t.thresholdSeconds()).serviceLevel();
        int scheduled = t.scheduled(agents);
        long cost = Math.round(scheduled * s.costPerHourMinor() * p.intervalHours());
        return new Allocation.Share(s.code(), agents, scheduled, volume, sl, cost);
    }
}
