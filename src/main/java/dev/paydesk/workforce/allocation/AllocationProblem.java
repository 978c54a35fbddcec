package dev.paydesk.workforce.allocation;

import java.util.List;

import dev.paydesk.workforce.staffing.IntervalLoad;
import dev.paydesk.workforce.staffing.QueueModel;
import dev.paydesk.workforce.staffing.ServiceTarget;

/**
 * One interval's volume to split: every supplier's pool must meet {@code target} with its share.
 *
 * @param qualityWeight how much a supplier's quality gap raises its cost in the objective (0 = price only)
 */
public record AllocationProblem(IntervalLoad load, ServiceTarget target, QueueModel model,
        List<SupplierOption> suppliers, double qualityWeight) {

    public AllocationProblem {
        suppliers = List.copyOf(suppliers);
        if (suppliers.isEmpty()) {
            throw new IllegalArgumentException("no suppliers with the skill");
        }
        if (qualityWeight < 0) {
            throw new IllegalArgumentException("quality weight must be non-negative");
        }
    }

    double intervalHours() {
        return load.intervalSeconds() / 3600;
    }
}
