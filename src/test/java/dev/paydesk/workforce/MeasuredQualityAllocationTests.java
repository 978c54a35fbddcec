package dev.paydesk.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.paydesk.shared.Money;
import dev.paydesk.workforce.allocation.Allocation;
import dev.paydesk.workforce.allocation.AllocationProblem;
import dev.paydesk.workforce.allocation.SupplierAllocator;
import dev.paydesk.workforce.allocation.SupplierOption;
import dev.paydesk.workforce.staffing.IntervalLoad;
import dev.paydesk.workforce.staffing.QueueModel;
import dev.paydesk.workforce.staffing.ServiceTarget;

/** The allocation uses a supplier's measured IQS instead of its typed QA score when there is one. */
class MeasuredQualityAllocationTests {

    private static final double QUALITY_WEIGHT = 1;
    private static final LocalDate FROM = LocalDate.of(2026, 9, 14);
    private static final LocalDate TO = LocalDate.of(2026, 12, 6);

    // the same price, first-contact resolution and contract: they differ only in quality
    private static final Supplier ALPHA = new Supplier("alpha", "Alpha", List.of("payments"), Money.of(2000, "EUR"),
            95, 0.8, 0, 80);
    private static final Supplier BETA = new Supplier("beta", "Beta", List.of("payments"), Money.of(2000, "EUR"),
            80, 0.8, 0, 80);

    /**
     * The allocator's documented rule (SupplierOption): quality = (QA / 100 + FCR) / 2 and the optimiser's cost
     * per agent hour = price × (1 + weight × (1 − quality)); computed here independently of the code.
     */
    private static double documentedCost(double price, double qa, double fcr) {
        return price * (1 + QUALITY_WEIGHT * (1 - (qa / 100 + fcr) / 2));
    }

    private static Allocation allocate(Map<String, MeasuredQuality.Measured> measured) {
        List<SupplierOption> options = Allocations.options(List.of(ALPHA, BETA), measured);
        return SupplierAllocator.optimise(new AllocationProblem(new IntervalLoad(120, 1800, 240, 150),
                new ServiceTarget(0.8, 20, 0.95, 1, 0.25), QueueModel.ERLANG_A, options, QUALITY_WEIGHT));
    }

    private static double volume(Allocation a, String supplier) {
        return a.shares().stream().filter(s -> s.supplier().equals(supplier)).mapToDouble(Allocation.Share::volume).sum();
    }

    @Test
    void withoutMeasurementsTheTypedScoreCounts() {
        assertThat(documentedCost(2000, 95, 0.8)).isLessThan(documentedCost(2000, 80, 0.8));
        Allocation typed = allocate(Map.of());
        assertThat(volume(typed, "alpha")).isGreaterThan(volume(typed, "beta"));
    }

    @Test
    void aSupplierWhoseMeasuredIqsDropsGetsLessVolume() {
        // alpha's reviews say 50, not the 95 typed in: its documented cost now exceeds beta's
        double alphaMeasured = 50;
        assertThat(documentedCost(2000, alphaMeasured, 0.8)).isGreaterThan(documentedCost(2000, 80, 0.8));
        Allocation typed = allocate(Map.of());
        Allocation measured = allocate(Map.of("alpha", new MeasuredQuality.Measured(alphaMeasured, 40, FROM, TO)));

        assertThat(volume(measured, "alpha")).isLessThan(volume(typed, "alpha"));
        assertThat(volume(measured, "beta")).isGreaterThan(volume(measured, "alpha"));
    }

    @Test
    void theUsedScoreIsTheMeasuredOneWithItsPeriod() {
        SupplierQuality q = SupplierQuality.of(ALPHA, Map.of("alpha", new MeasuredQuality.Measured(61.5, 12, FROM, TO)));
        assertThat(q.usedQa()).isEqualTo(61.5);
        assertThat(q.measured()).hasValueSatisfying(m -> assertThat(m.from()).isEqualTo(FROM));
        assertThat(SupplierQuality.of(BETA, Map.of()).usedQa()).isEqualTo(80);
    }
}
