package dev.paydesk.workforce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.Money;
import dev.paydesk.workforce.allocation.Allocation;
import dev.paydesk.workforce.allocation.AllocationProblem;
import dev.paydesk.workforce.allocation.SupplierAllocator;
import dev.paydesk.workforce.allocation.SupplierOption;
import dev.paydesk.workforce.staffing.IntervalLoad;
import dev.paydesk.workforce.staffing.QueueModel;
import dev.paydesk.workforce.staffing.ServiceTarget;

/** Splits a queue's planned day across the suppliers that have its skill, interval by interval. */
@Service
public class Allocations {

    private final ContactData data;
    private final Planning planning;
    private final WorkforceSettings settings;
    private final ObjectProvider<MeasuredQuality> measuredQuality;

    Allocations(ContactData data, Planning planning, WorkforceSettings settings,
                ObjectProvider<MeasuredQuality> measuredQuality) {
        this.data = data;
        this.planning = planning;
        this.settings = settings;
        this.measuredQuality = measuredQuality;
    }

    /** Measured IQS by supplier, empty when no module measures quality. */
    private Map<String, MeasuredQuality.Measured> measured() {
        MeasuredQuality m = measuredQuality.getIfAvailable();
        return m == null ? Map.of() : m.iqsBySupplier();
    }

    /** The QA score the allocation uses for each of the suppliers, typed or measured. */
    public List<SupplierQuality> qualities(List<String> supplierCodes) {
        Map<String, MeasuredQuality.Measured> measured = measured();
        return supplierCodes.stream().map(code -> SupplierQuality.of(data.supplier(code), measured)).toList();
    }

    /** The suppliers as the optimiser sees them, with the measured IQS as QA score where there is one. */
    static List<SupplierOption> options(List<Supplier> suppliers, Map<String, MeasuredQuality.Measured> measured) {
        return suppliers.stream().map(s -> new SupplierOption(s.code(), s.costPerHour().minor(),
                SupplierQuality.of(s, measured).usedQa(), s.fcr(), s.minAgents(), s.maxAgents())).toList();
    }

    public AllocationPlan plan(String queueCode, LocalDate date, double qualityWeight) {
        ContactQueue queue = data.queue(queueCode);
        List<Supplier> suppliers = data.suppliers().stream().filter(s -> s.hasSkill(queue.skill())).toList();
        if (suppliers.isEmpty()) {
            throw new InvalidInputException("queue", "no supplier has the skill " + queue.skill());
        }
        Currency currency = suppliers.getFirst().costPerHour().currency();
        if (suppliers.stream().anyMatch(s -> !s.costPerHour().currency().equals(currency))) {
            throw new InvalidInputException("suppliers", "supplier prices must share one currency");
        }
        List<SupplierOption> options = options(suppliers, measured());
        double[] proportions = suppliers.stream().mapToDouble(Supplier::maxAgents).toArray();
        ServiceTarget target = new ServiceTarget(queue.slTarget(), queue.slSeconds(), settings.maxOccupancy(), 1,
                settings.shrinkage());
        DayPlan day = planning.plan(queueCode, date);
        ZoneId zone = planning.zone(queue);
        List<Downtime> downtimes = data.downtimes(date.atStartOfDay(zone).toInstant(),
                date.plusDays(1).atStartOfDay(zone).toInstant());
        List<AllocationPlan.Row> rows = new ArrayList<>();
        long optimisedCost = 0;
        long proRataCost = 0;
        int optimisedAgents = 0;
        int proRataAgents = 0;
        boolean feasible = true;
        for (IntervalPlan interval : day.intervals()) {
            if (interval.adjustedForecast() < 0.5) {
                continue;
            }
            AllocationProblem problem = new AllocationProblem(new IntervalLoad(interval.adjustedForecast(),
                    queue.intervalMinutes() * 60.0, interval.ahtSeconds(), queue.patienceSeconds()), target,
                    QueueModel.ERLANG_A, options, qualityWeight);
            Allocation optimised = SupplierAllocator.optimise(problem);
            Allocation proRata = SupplierAllocator.proRata(problem, proportions);
            feasible &= optimised.feasible();
            optimisedCost += optimised.cost();
            proRataCost += proRata.cost();
            optimisedAgents += optimised.scheduled();
            proRataAgents += proRata.scheduled();
            Instant end = interval.start().plusSeconds(queue.intervalMinutes() * 60L);
            String notice = downtimes.stream().filter(d -> d.affects(queueCode, interval.start(), end))
                    .map(Downtime::title).collect(Collectors.joining("; "));
            rows.add(new AllocationPlan.Row(interval.start(), interval.adjustedForecast(), scheduled(optimised),
                    volumes(optimised), scheduled(proRata), volumes(proRata), notice));
        }
        double hoursPerInterval = queue.intervalMinutes() / 60.0;
        return new AllocationPlan(queueCode, date, qualityWeight, suppliers.stream().map(Supplier::code).toList(), rows,
                new Money(optimisedCost, currency), new Money(proRataCost, currency),
                (int) Math.round(optimisedAgents * hoursPerInterval), (int) Math.round(proRataAgents * hoursPerInterval),
                feasible);
    }

    /**
     * One supplier's part of the plan as CSV: interval start (market time), agents to schedule, expected
     * contacts and the planned downtimes behind them (the supplier's notice).
     */
    public String supplierCsv(AllocationPlan plan, String supplier, ZoneId zone) {
        int index = plan.suppliers().indexOf(supplier);
        if (index < 0) {
            throw new InvalidInputException("supplier", "not part of this plan: " + supplier);
        }
        StringBuilder csv = new StringBuilder(
                "queue,supplier,interval_start,agents_scheduled,expected_contacts,downtime_notice\n");
        DateTimeFormatter format = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        for (AllocationPlan.Row row : plan.intervals()) {
            csv.append(plan.queue()).append(',').append(supplier).append(',')
                    .append(format.format(row.start().atZone(zone))).append(',')
                    .append(row.optimisedAgents()[index]).append(',')
                    .append(String.format(Locale.ROOT, "%.1f", row.optimisedVolume()[index])).append(',')
                    .append(csvText(row.notice())).append('\n');
        }
        return csv.toString();
    }

    public ZoneId zone(String queueCode) {
        return planning.zone(data.queue(queueCode));
    }

    private static String csvText(String text) {
        return text.isEmpty() ? "" : '"' + text.replace("\"", "\"\"") + '"';
    }

    private static int[] scheduled(Allocation a) {
        return a.shares().stream().mapToInt(Allocation.Share::scheduled).toArray();
    }

    private static double[] volumes(Allocation a) {
        return a.shares().stream().mapToDouble(Allocation.Share::volume).toArray();
    }
}
