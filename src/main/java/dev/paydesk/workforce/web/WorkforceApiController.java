package dev.paydesk.workforce.web;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.Money;
import dev.paydesk.shared.MoneyParser;
import dev.paydesk.workforce.AllocationPlan;
import dev.paydesk.workforce.Allocations;
import dev.paydesk.workforce.ContactData;
import dev.paydesk.workforce.ContactQueue;
import dev.paydesk.workforce.DayAccuracy;
import dev.paydesk.workforce.DayPlan;
import dev.paydesk.workforce.Downtime;
import dev.paydesk.workforce.IntervalStat;
import dev.paydesk.workforce.Planning;
import dev.paydesk.workforce.Realtime;
import dev.paydesk.workforce.RealtimeBoard;
import dev.paydesk.workforce.Supplier;
import dev.paydesk.workforce.staffing.IntervalLoad;
import dev.paydesk.workforce.staffing.QueueMetrics;
import dev.paydesk.workforce.staffing.QueueModel;
import dev.paydesk.workforce.staffing.ServiceTarget;
import dev.paydesk.workforce.staffing.Staffing;
import dev.paydesk.platform.access.ManagerAdminOrAuditor;
import dev.paydesk.platform.access.RealtimeManagerOrAdmin;

/** {@code /api/v1/workforce}: contact data, forecasts, staffing, downtimes. */
@RestController
@RequestMapping("/api/v1/workforce")
@ManagerAdminOrAuditor
class WorkforceApiController {

    private final ContactData data;
    private final Planning planning;
    private final Allocations allocations;
    private final Realtime realtime;

    WorkforceApiController(ContactData data, Planning planning, Allocations allocations, Realtime realtime) {
        this.data = data;
        this.planning = planning;
        this.allocations = allocations;
        this.realtime = realtime;
    }

    /** Today so far per queue and supplier, with alerts and advice. */
    @GetMapping("/realtime")
    RealtimeBoard realtime() {
        return realtime.board();
    }

    @GetMapping("/queues/{code}/allocation")
    AllocationPlan allocation(@PathVariable String code, @RequestParam(required = false) @Nullable LocalDate date,
            @RequestParam(defaultValue = "0.5") double qualityWeight) {
        ContactQueue queue = data.queue(code);
        return allocations.plan(code, date == null ? planning.today(queue) : date, qualityWeight);
    }

    /** One supplier's plan as CSV, to send to the supplier. */
    @GetMapping(path = "/queues/{code}/allocation/{supplier}.csv", produces = "text/csv")
    String allocationCsv(@PathVariable String code, @PathVariable String supplier,
            @RequestParam(required = false) @Nullable LocalDate date,
            @RequestParam(defaultValue = "0.5") double qualityWeight) {
        AllocationPlan plan = allocation(code, date, qualityWeight);
        return allocations.supplierCsv(plan, supplier, allocations.zone(code));
    }

    @GetMapping("/queues")
    List<ContactQueue> queues() {
        return data.queues();
    }

    @GetMapping("/queues/{code}")
    ContactQueue queue(@PathVariable String code) {
        return data.queue(code);
    }

    @PostMapping("/queues")
    @RealtimeManagerOrAdmin
    @ResponseStatus(HttpStatus.CREATED)
    ContactQueue createQueue(@RequestBody ContactQueue queue) {
        return data.createQueue(queue);
    }

    @GetMapping("/suppliers")
    List<Supplier> suppliers() {
        return data.suppliers();
    }

    @GetMapping("/suppliers/quality")
    @io.swagger.v3.oas.annotations.Operation(summary = "QA score the supplier split uses: measured IQS (with its period) "
            + "where there are reviews of the supplier's agents, else the typed qaScore")
    List<dev.paydesk.workforce.SupplierQuality> supplierQuality() {
        return allocations.qualities(data.suppliers().stream().map(Supplier::code).toList());
    }

    record SupplierRequest(String code, String name, @Nullable List<String> skills, String costPerHour,
            String currency, double qaScore, double fcr, int minAgents, int maxAgents) {
    }

    @PostMapping("/suppliers")
    @RealtimeManagerOrAdmin
    @ResponseStatus(HttpStatus.CREATED)
    Supplier createSupplier(@RequestBody SupplierRequest r) {
        Money cost = MoneyParser.decimal("costPerHour", r.costPerHour(), "currency", r.currency(),
                MoneyParser.Sign.NON_NEGATIVE);
        return data.createSupplier(new Supplier(r.code(), r.name(), r.skills(), cost, r.qaScore(), r.fcr(),
                r.minAgents(), r.maxAgents()));
    }

    /** Live or historical intervals; re-sending an interval replaces it. */
    @PostMapping("/intervals")
    @RealtimeManagerOrAdmin
    Map<String, Integer> record(@RequestBody List<IntervalStat> stats) {
        return Map.of("recorded", data.record(stats));
    }

    @PostMapping(path = "/intervals/import", consumes = {"text/csv", "text/plain"})
    @RealtimeManagerOrAdmin
    Map<String, Integer> importCsv(@RequestBody String csv) {
        return Map.of("recorded", data.importCsv(new StringReader(csv)));
    }

    @GetMapping("/queues/{code}/intervals")
    List<IntervalStat> intervals(@PathVariable String code, @RequestParam Instant from, @RequestParam Instant to) {
        return data.stats(code, from, to);
    }

    @GetMapping("/queues/{code}/plan")
    DayPlan plan(@PathVariable String code, @RequestParam(required = false) @Nullable LocalDate date) {
        ContactQueue queue = data.queue(code);
        return planning.plan(code, date == null ? planning.today(queue) : date);
    }

    /** Daily forecast and agent hours for up to six weeks ahead. */
    @GetMapping("/queues/{code}/forecast")
    List<Planning.DaySummary> forecast(@PathVariable String code,
            @RequestParam(required = false) @Nullable LocalDate from, @RequestParam(defaultValue = "42") int days) {
        ContactQueue queue = data.queue(code);
        return planning.horizon(code, from == null ? planning.today(queue).plusDays(1) : from, days);
    }

    @GetMapping("/queues/{code}/accuracy")
    List<DayAccuracy> accuracy(@PathVariable String code, @RequestParam(defaultValue = "14") int days) {
        if (days < 1 || days > 92) {
            throw new InvalidInputException("days", "between 1 and 92");
        }
        return planning.accuracy(code, days);
    }

    @GetMapping("/downtimes")
    List<Downtime> downtimes(@RequestParam Instant from, @RequestParam Instant to) {
        return data.downtimes(from, to);
    }

    record DowntimeRequest(@Nullable String queue, String title, Instant startsAt, Instant endsAt, double volumeUplift,
            double ahtChange) {
    }

    @PostMapping("/downtimes")
    @RealtimeManagerOrAdmin
    @ResponseStatus(HttpStatus.CREATED)
    Downtime planDowntime(@RequestBody DowntimeRequest r) {
        return data.planDowntime(new Downtime(UUID.randomUUID(), r.queue(), r.title(), r.startsAt(), r.endsAt(),
                r.volumeUplift(), r.ahtChange()));
    }

    record StaffingRequest(String model, double volume, double intervalMinutes, double ahtSeconds, double slTarget,
            double slSeconds, @Nullable Double patienceSeconds, @Nullable Double shrinkage,
            @Nullable Double maxOccupancy, @Nullable Double maxAbandon, @Nullable Integer agents) {
    }

    record StaffingResponse(int agents, int agentsOnPhone, double serviceLevel, double serviceLevelOfAnswered,
            @Nullable Double asaSeconds, double occupancy, double probWait, double probAbandon) {
    }

    /** The Erlang calculator: required agents, or the figures for {@code agents}. */
    @PostMapping("/staffing")
    StaffingResponse staffing(@RequestBody StaffingRequest r) {
        try {
            QueueModel model = QueueModel.parse(r.model());
            IntervalLoad load = new IntervalLoad(r.volume(), r.intervalMinutes() * 60, r.ahtSeconds(),
                    r.patienceSeconds() == null ? 1e9 : r.patienceSeconds());
            ServiceTarget target = new ServiceTarget(r.slTarget(), r.slSeconds(), orDefault(r.maxOccupancy(), 1),
                    orDefault(r.maxAbandon(), 1), orDefault(r.shrinkage(), 0));
            var plan = r.agents() == null ? Staffing.required(model, load, target) : Staffing.given(model, load, target,
                    (int) Math.floor(r.agents() * (1 - target.shrinkage()) + 1e-9));
            QueueMetrics m = plan.metrics();
            return new StaffingResponse(r.agents() == null ? plan.scheduled() : r.agents(), plan.onPhone(),
                    m.serviceLevel(), m.serviceLevelOfAnswered(), Double.isFinite(m.asaSeconds()) ? m.asaSeconds() : null,
                    m.occupancy(), m.probWait(), m.probAbandon());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("model", e.getMessage());
        }
    }

    private static double orDefault(@Nullable Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
