package dev.paydesk.workforce.allocation;

import java.util.ArrayList;
import java.util.List;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

import dev.paydesk.workforce.staffing.Staffing;

/**
 * Least-cost split as a multiple-choice knapsack solved with ojAlgo's mixed-integer solver: a binary
 * {@code x[i][k]} per supplier {@code i} and agent count {@code k} (one per supplier), capacity
 * {@code Σ cap_i(k)·x[i][k] >= volume} where {@code cap_i(k)} is what k agents can take at the target
 * under Erlang, objective {@code Σ k·weightedCost_i·x[i][k]}. The volume is then split in proportion to
 * the chosen pools' capacities, so every supplier meets the target on its own.
 */
public final class SupplierAllocator {

    private SupplierAllocator() {
    }

    public static Allocation optimise(AllocationProblem p) {
        double volume = p.load().contacts();
        int alone = Staffing.required(p.model(), p.load(), p.target()).onPhone();
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        // one branch-and-bound worker and a tight gap: the same optimum on every run, however loaded the machine
        model.options.integer(org.ojalgo.optimisation.integer.IntegerStrategy.DEFAULT.withParallelism(() -> 1)
                .withGapTolerance(org.ojalgo.type.context.NumberContext.of(12)));
        Expression capacity = model.addExpression("capacity").lower(volume);
        List<List<Option>> options = new ArrayList<>();
        for (SupplierOption s : p.suppliers()) {
            Expression one = model.addExpression("one_" + s.code()).level(1);
            List<Option> list = new ArrayList<>();
            for (int k = s.minAgents(); k <= Math.min(s.maxAgents(), Math.max(alone, s.minAgents())); k++) {
                double cap = PoolCapacity.capacity(p, k);
                Variable x = model.addVariable(s.code() + "_" + k).binary()
                        .weight(k * s.weightedCost(p.qualityWeight()));
                one.set(x, 1);
                capacity.set(x, cap);
                list.add(new Option(k, cap, x));
            }
            options.add(list);
        }
        Optimisation.Result result = model.minimise();
        if (!result.getState().isFeasible()) {
            return maxedOut(p);
        }
        int[] agents = new int[p.suppliers().size()];
        double[] caps = new double[agents.length];
        for (int i = 0; i < agents.length; i++) {
            for (Option o : options.get(i)) {
                if (o.x().getValue().doubleValue() > 0.5) {
                    agents[i] = o.agents();
                    caps[i] = o.capacity();
                }
            }
        }
        return split(p, "optimised", true, agents, caps);
    }

    /** The baseline: volume split in fixed proportions, each share staffed on its own with Erlang. */
    public static Allocation proRata(AllocationProblem p, double[] proportions) {
        double sum = 0;
        for (double w : proportions) {
            sum += w;
        }
        List<Allocation.Share> shares = new ArrayList<>();
        boolean feasible = true;
        long cost = 0;
        for (int i = 0; i < proportions.length; i++) {
            SupplierOption s = p.suppliers().get(i);
            double volume = p.load().contacts() * proportions[i] / sum;
            int agents = Math.max(s.minAgents(), Staffing.required(p.model(), p.load().withContacts(volume),
                    p.target()).onPhone());
            if (agents > s.maxAgents()) {
                feasible = false;
                agents = s.maxAgents();
            }
            Allocation.Share share = PoolCapacity.share(p, s, agents, volume);
            shares.add(share);
            cost += share.cost();
        }
        return new Allocation("pro_rata", feasible, shares, cost);
    }

    static Allocation split(AllocationProblem p, String method, boolean feasible, int[] agents, double[] caps) {
        double totalCap = 0;
        for (double c : caps) {
            totalCap += c;
        }
        List<Allocation.Share> shares = new ArrayList<>();
        long cost = 0;
        for (int i = 0; i < agents.length; i++) {
            double volume = totalCap == 0 ? 0 : p.load().contacts() * caps[i] / totalCap;
            Allocation.Share share = PoolCapacity.share(p, p.suppliers().get(i), agents[i], volume);
            shares.add(share);
            cost += share.cost();
        }
        return new Allocation(method, feasible, shares, cost);
    }

    private static Allocation maxedOut(AllocationProblem p) {
        int[] agents = p.suppliers().stream().mapToInt(SupplierOption::maxAgents).toArray();
        double[] caps = new double[agents.length];
        for (int i = 0; i < agents.length; i++) {
            caps[i] = PoolCapacity.capacity(p, agents[i]);
        }
        return split(p, "optimised", false, agents, caps);
    }

    private record Option(int agents, double capacity, Variable x) {
    }
}
