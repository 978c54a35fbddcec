package dev.paydesk.workforce.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.paydesk.workforce.staffing.IntervalLoad;
import dev.paydesk.workforce.staffing.QueueModel;
import dev.paydesk.workforce.staffing.ServiceTarget;
import dev.paydesk.workforce.staffing.Staffing;

class SupplierAllocatorTests {

    private static AllocationProblem problem(double volume, QueueModel model, double qualityWeight,
            SupplierOption... suppliers) {
        return new AllocationProblem(new IntervalLoad(volume, 1800, 240, 150), new ServiceTarget(0.8, 20, 0.95, 1, 0.25),
                model, List.of(suppliers), qualityWeight);
    }

    /** Enumerates every agent combination: the exact optimum of the weighted objective. */
    private static double bruteForce(AllocationProblem p) {
        List<SupplierOption> s = p.suppliers();
        double best = Double.POSITIVE_INFINITY;
        for (int a = s.get(0).minAgents(); a <= s.get(0).maxAgents(); a++) {
            for (int b = s.get(1).minAgents(); b <= s.get(1).maxAgents(); b++) {
                for (int c = s.get(2).minAgents(); c <= s.get(2).maxAgents(); c++) {
                    double cap = PoolCapacity.capacity(p, a) + PoolCapacity.capacity(p, b) + PoolCapacity.capacity(p, c);
                    if (cap >= p.load().contacts()) {
                        best = Math.min(best, a * s.get(0).weightedCost(p.qualityWeight())
                                + b * s.get(1).weightedCost(p.qualityWeight()) + c * s.get(2).weightedCost(p.qualityWeight()));
                    }
                }
            }
        }
        return best;
    }

    private static double objective(AllocationProblem p, Allocation a) {
        double sum = 0;
        for (int i = 0; i < a.shares().size(); i++) {
            sum += a.shares().get(i).agents() * p.suppliers().get(i).weightedCost(p.qualityWeight());
        }
        return sum;
    }

    @Test
    void matchesBruteForceOnSmallCases() {
        SupplierOption cheap = new SupplierOption("cheap", 1800, 70, 0.6, 0, 9);
        SupplierOption good = new SupplierOption("good", 2600, 95, 0.85, 2, 14);
        SupplierOption mid = new SupplierOption("mid", 2200, 85, 0.75, 0, 12);
        for (double volume : new double[] {40, 75, 110, 160}) {
            for (QueueModel model : QueueModel.values()) {
                for (double weight : new double[] {0, 1.5}) {
                    AllocationProblem p = problem(volume, model, weight, cheap, good, mid);
                    Allocation a = SupplierAllocator.optimise(p);
                    assertThat(a.feasible()).isTrue();
                    assertThat(objective(p, a)).as("volume %s %s weight %s", volume, model, weight)
                            .isCloseTo(bruteForce(p), within(1e-6));
                    assertThat(a.shares().stream().mapToDouble(Allocation.Share::volume).sum()).isCloseTo(volume,
                            within(1e-6));
                    for (Allocation.Share s : a.shares()) {
                        if (s.volume() > 0) {
                            assertThat(Staffing.evaluate(model, p.load().withContacts(s.volume()), s.agents(), 20)
                                    .serviceLevel()).isGreaterThanOrEqualTo(0.8 - 1e-9);
                        }
                    }
                }
            }
        }
    }

    @Test
    void poolingBeatsAnEqualSplit() {
        SupplierOption a = new SupplierOption("a", 2000, 85, 0.75, 0, 60);
        SupplierOption b = new SupplierOption("b", 2000, 85, 0.75, 0, 60);
        SupplierOption c = new SupplierOption("c", 2000, 85, 0.75, 0, 60);
        AllocationProblem p = problem(150, QueueModel.ERLANG_C, 0, a, b, c);
        Allocation optimised = SupplierAllocator.optimise(p);
        Allocation proRata = SupplierAllocator.proRata(p, new double[] {1, 1, 1});
        assertThat(proRata.agents()).isGreaterThan(optimised.agents());
        assertThat(proRata.cost()).isGreaterThan(optimised.cost());
        // one pool of the whole volume needs fewer agents than three pools of a third each
        int single = Staffing.required(QueueModel.ERLANG_C, p.load(), p.target()).onPhone();
        assertThat(optimised.agents()).isEqualTo(single);
    }

    @Test
    void qualityWeightShiftsVolumeToTheBetterSupplier() {
        SupplierOption cheapPoor = new SupplierOption("cheap", 2000, 60, 0.5, 0, 80);
        SupplierOption pricyGood = new SupplierOption("good", 2300, 98, 0.9, 0, 80);
        SupplierOption unused = new SupplierOption("none", 5000, 50, 0.5, 0, 80);
        Allocation byPrice = SupplierAllocator.optimise(problem(120, QueueModel.ERLANG_A, 0, cheapPoor, pricyGood, unused));
        Allocation byQuality = SupplierAllocator.optimise(problem(120, QueueModel.ERLANG_A, 1, cheapPoor, pricyGood, unused));
        assertThat(byPrice.shares().get(0).volume()).isGreaterThan(byPrice.shares().get(1).volume());
        assertThat(byQuality.shares().get(1).volume()).isGreaterThan(byQuality.shares().get(0).volume());
    }

    @Test
    void contractedMinimaAndMaximaHold() {
        SupplierOption capped = new SupplierOption("capped", 1000, 85, 0.75, 0, 5);
        SupplierOption floor = new SupplierOption("floor", 3000, 85, 0.75, 4, 40);
        SupplierOption other = new SupplierOption("other", 2500, 85, 0.75, 0, 40);
        Allocation a = SupplierAllocator.optimise(problem(150, QueueModel.ERLANG_C, 0, capped, floor, other));
        assertThat(a.shares().get(0).agents()).isLessThanOrEqualTo(5);
        assertThat(a.shares().get(1).agents()).isGreaterThanOrEqualTo(4);
        Allocation impossible = SupplierAllocator.optimise(problem(2000, QueueModel.ERLANG_C, 0, capped, floor, other));
        assertThat(impossible.feasible()).isFalse();
    }
}
