package dev.paydesk.workforce.allocation;

import java.util.List;

/**
 * A split of one interval's volume.
 *
 * @param feasible false when the contracted maxima cannot carry the volume at the target
 * @param cost     real cost of the scheduled agents in the interval (minor units)
 */
public record Allocation(String method, boolean feasible, List<Share> shares, long cost) {

    /** One supplier's part: agents on the phone, scheduled (after shrinkage), volume and its service level. */
    public record Share(String supplier, int agents, int scheduled, double volume, double serviceLevel, long cost) {
    }

    public int agents() {
        return shares.stream().mapToInt(Share::agents).sum();
    }

    public int scheduled() {
        return shares.stream().mapToInt(Share::scheduled).sum();
    }
}
