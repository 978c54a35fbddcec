package dev.paydesk.workforce.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.LineChart;
import dev.paydesk.workforce.AllocationPlan;
import dev.paydesk.workforce.Allocations;
import dev.paydesk.workforce.ContactData;
import dev.paydesk.workforce.ContactQueue;
import dev.paydesk.workforce.DayPlan;
import dev.paydesk.workforce.Downtime;
import dev.paydesk.workforce.IntervalPlan;
import dev.paydesk.workforce.Planning;
import dev.paydesk.workforce.Realtime;
import dev.paydesk.workforce.WorkforceSettings;
import dev.paydesk.workforce.staffing.IntervalLoad;
import dev.paydesk.workforce.staffing.QueueModel;
import dev.paydesk.workforce.staffing.ServiceTarget;
import dev.paydesk.workforce.staffing.Staffing;
import dev.paydesk.platform.access.ManagerAdminOrAuditor;
import dev.paydesk.platform.access.RealtimeManagerOrAdmin;

/** Workforce pages: overview with the Erlang calculator and downtimes, a queue's day, the realtime board. */
@Controller
@ManagerAdminOrAuditor
class WorkforceUiController {

    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

    private final ContactData data;
    private final Planning planning;
    private final Allocations allocations;
    private final Realtime realtime;
    private final WorkforceSettings settings;
    private final Clock clock;
    private final org.springframework.context.support.MessageSourceAccessor texts;

    WorkforceUiController(ContactData data, Planning planning, Allocations allocations, Realtime realtime,
            WorkforceSettings settings, Clock clock, org.springframework.context.MessageSource messages) {
        this.texts = new org.springframework.context.support.MessageSourceAccessor(messages);
        this.data = data;
        this.planning = planning;
        this.allocations = allocations;
        this.realtime = realtime;
        this.settings = settings;
        this.clock = clock;
    }

    record QueueRow(ContactQueue queue, double forecastToday, int peakAgents) {
    }

    record Calculator(String model, double volume, double intervalMin, double ahtS, double slTarget, double slSeconds,
            double patienceS, double shrinkage, double maxOccupancy) {
    }

    /** The staffing calculator's inputs as the page sends them; a missing or empty one takes its default. */
    record CalculatorForm(@Nullable Double volume, @Nullable String model, @Nullable Double intervalMin, @Nullable Double ahtS,
            @Nullable Double slTarget, @Nullable Double slSeconds, @Nullable Double patienceS, @Nullable Double shrinkage,
            @Nullable Double maxOccupancy) {
        Calculator calculator() {
            return new Calculator(model == null || model.isEmpty() ? "erlang-a" : model, or(volume, 100), or(intervalMin, 30),
                    or(ahtS, 300), or(slTarget, 0.8), or(slSeconds, 20), or(patienceS, 120), or(shrinkage, 0.3),
                    or(maxOccupancy, 0.9));
        }

        private static double or(@Nullable Double value, double otherwise) {
            return value == null ? otherwise : value;
        }
    }

    @GetMapping("/workforce")
    String overview(CalculatorForm form, Model page) {
        List<QueueRow> rows = new ArrayList<>();
        for (ContactQueue q : data.queues()) {
            DayPlan plan = planning.plan(q.code(), planning.today(q));
            rows.add(new QueueRow(q, plan.totalForecast(), plan.peakRequired()));
        }
        page.addAttribute("queues", rows);
        Calculator calc = form.calculator();
        page.addAttribute("calc", calc);
        if (form.volume() != null) {
            try {
                IntervalLoad load = new IntervalLoad(calc.volume(), calc.intervalMin() * 60, calc.ahtS(), calc.patienceS());
                page.addAttribute("result", Staffing.required(QueueModel.parse(calc.model()), load,
                        new ServiceTarget(calc.slTarget(), calc.slSeconds(), calc.maxOccupancy(), 1, calc.shrinkage())));
            } catch (IllegalArgumentException e) {
                page.addAttribute("error", e.getMessage());
            }
        }
        Instant now = clock.instant();
        page.addAttribute("downtimes", data.downtimes(now.minusSeconds(86_400), now.plusSeconds(42 * 86_400L)));
        return "workforce/overview";
    }

    @PostMapping("/workforce/downtimes")
    @RealtimeManagerOrAdmin
    String planDowntime(@RequestParam(required = false) @Nullable String queue, @RequestParam String title,
            @RequestParam LocalDateTime startsAt, @RequestParam LocalDateTime endsAt,
            @RequestParam double volumeUpliftPercent, @RequestParam double ahtChangePercent,
            RedirectAttributes redirect) {
        try {
            String code = queue == null || queue.isBlank() ? null : queue;
            ZoneId zone = code == null ? ZoneId.of("Europe/Berlin") : allocations.zone(code);
            data.planDowntime(new Downtime(UUID.randomUUID(), code, title, startsAt.atZone(zone).toInstant(),
                    endsAt.atZone(zone).toInstant(), volumeUpliftPercent / 100, ahtChangePercent / 100));
            redirect.addFlashAttribute("flash", texts.getMessage("flash.downtime.planned", new Object[] {title}));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/workforce";
    }

    @GetMapping("/workforce/queues/{code}")
    String queue(@PathVariable String code, @RequestParam(required = false) @Nullable LocalDate date,
            @RequestParam(defaultValue = "0.5") double qualityWeight, Model page) {
        ContactQueue queue = data.queue(code);
        LocalDate day = date == null ? planning.today(queue) : date;
        DayPlan plan = planning.plan(code, day);
        ZoneId zone = allocations.zone(code);
        List<String> labels = plan.intervals().stream()
                .map(i -> HHMM.format(i.start().atZone(zone))).toList();
        double[] forecast = plan.intervals().stream().mapToDouble(IntervalPlan::adjustedForecast).toArray();
        double[] actual = plan.intervals().stream()
                .mapToDouble(i -> i.actualOffered() == null ? Double.NaN : i.actualOffered()).toArray();
        double[] required = plan.intervals().stream().mapToDouble(IntervalPlan::scheduledAgents).toArray();
        double[] staffed = plan.intervals().stream()
                .mapToDouble(i -> i.staffedAgents() == null ? Double.NaN : i.staffedAgents() / (1 - settings.shrinkage())).toArray();
        page.addAttribute("queue", queue);
        page.addAttribute("plan", plan);
        page.addAttribute("date", day);
        page.addAttribute("zone", zone);
        page.addAttribute("volumeChart", LineChart.of(labels,
                LineChart.Line.of(texts.getMessage("wfq.chart.forecast"), forecast, false),
                LineChart.Line.of(texts.getMessage("wfq.chart.actual"), actual, false)).json());
        page.addAttribute("agentChart", LineChart.of(labels,
                LineChart.Line.of(texts.getMessage("wfq.chart.required"), required, false),
                LineChart.Line.of(texts.getMessage("wfq.chart.planned"), staffed, true)).json());
        page.addAttribute("intervalLabels", labels);
        page.addAttribute("staffedScheduled", java.util.Arrays.stream(staffed).boxed()
                .map(v -> v.isNaN() ? null : v).toList());
        try {
            AllocationPlan allocation = allocations.plan(code, day, qualityWeight);
            page.addAttribute("allocation", allocation);
            page.addAttribute("qualities", allocations.qualities(allocation.suppliers()));
        } catch (InvalidInputException e) {
            page.addAttribute("allocationError", e.getMessage());
        }
        page.addAttribute("qualityWeight", qualityWeight);
        page.addAttribute("accuracy", planning.accuracy(code, 14));
        page.addAttribute("hhmm", HHMM);
        return "workforce/queue";
    }

    /**
     * One supplier's plan as a CSV download for the signed-in browser (session authentication; the API route
     * answers tokens only).
     */
    @GetMapping(path = "/workforce/queues/{code}/allocation/{supplier}.csv", produces = "text/csv")
    org.springframework.http.ResponseEntity<String> allocationCsv(@PathVariable String code, @PathVariable String supplier,
            @RequestParam(required = false) @Nullable LocalDate date, @RequestParam(defaultValue = "0.5") double qualityWeight) {
        ContactQueue queue = data.queue(code);
        AllocationPlan plan = allocations.plan(code, date == null ? planning.today(queue) : date, qualityWeight);
        String file = (code + "-" + supplier + "-" + plan.date()).replaceAll("[^A-Za-z0-9_.-]", "_") + ".csv";
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .contentType(org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(allocations.supplierCsv(plan, supplier, allocations.zone(code)));
    }

    /** The board; with {@code HX-Request} only its live part, which the page polls every 15 seconds. */
    @GetMapping("/workforce/realtime")
    String realtime(@org.springframework.web.bind.annotation.RequestHeader(value = "HX-Request", required = false)
                    @Nullable String htmx, Model page) {
        page.addAttribute("board", realtime.board());
        return htmx != null ? "workforce/realtime :: board" : "workforce/realtime";
    }
}
