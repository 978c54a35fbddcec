package dev.paydesk.workforce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.paydesk.workforce.RealtimeBoard.QueueStatus;
import dev.paydesk.workforce.RealtimeBoard.SupplierStatus;
import dev.paydesk.workforce.staffing.IntervalLoad;
import dev.paydesk.workforce.staffing.QueueModel;
import dev.paydesk.workforce.staffing.ServiceTarget;
import dev.paydesk.workforce.staffing.Staffing;

/**
 * The realtime board: live service per queue and supplier, forecast versus actual with alerts on
 * deviation, and a recommendation of agents to add or move for the rest of the day.
 */
@Service
public class Realtime {

    private final ContactData data;
    private final Planning planning;
    private final WorkforceSettings settings;
    private final java.time.Clock clock;

    Realtime(ContactData data, Planning planning, WorkforceSettings settings, java.time.Clock clock) {
        this.data = data;
        this.planning = planning;
        this.settings = settings;
        this.clock = clock;
    }

    public RealtimeBoard board() {
        List<QueueStatus> queues = new ArrayList<>();
        Instant now = clock.instant();
        for (ContactQueue q : data.queues()) {
            queues.add(status(q, now));
        }
        return new RealtimeBoard(now, queues);
    }

    QueueStatus status(ContactQueue q, Instant now) {
        ZoneId zone = planning.zone(q);
        LocalDate today = LocalDate.ofInstant(now, zone);
        DayPlan plan = planning.plan(q.code(), today, now);
        List<IntervalStat> stats = data.stats(q.code(), today.atStartOfDay(zone).toInstant(), now);
        double forecastSoFar = 0;
        double actualSoFar = 0;
        double rest = 0;
        IntervalPlan next = null;
        for (IntervalPlan i : plan.intervals()) {
            if (i.start().plusSeconds(q.intervalMinutes() * 60L).isAfter(now)) {
                rest += i.adjustedForecast();
                if (next == null) {
                    next = i;
                }
            } else {
                forecastSoFar += i.adjustedForecast();
                actualSoFar += i.actualOffered() == null ? 0 : i.actualOffered();
            }
        }
        double deviation = forecastSoFar > 0 ? actualSoFar / forecastSoFar - 1 : 0;
        Instant lastStart = stats.stream().map(IntervalStat::intervalStart).max(Instant::compareTo).orElse(null);
        Map<String, List<IntervalStat>> bySupplier = new TreeMap<>();
        stats.forEach(s -> bySupplier.computeIfAbsent(s.supplier(), k -> new ArrayList<>()).add(s));
        List<SupplierStatus> suppliers = new ArrayList<>();
        bySupplier.forEach((code, rows) -> suppliers.add(summary(code, rows, lastStart, q)));
        SupplierStatus total = summary("all", stats, lastStart, q);
        List<String> alerts = alerts(q, deviation, total, suppliers, forecastSoFar);
        int requiredNext = next == null ? 0 : next.requiredAgents();
        List<String> advice = next == null ? List.of("The day is over.") : recommendations(next, total, suppliers, q);
        return new QueueStatus(q, forecastSoFar, actualSoFar, deviation, rest, requiredNext, total.staffedLast(), total,
                suppliers, alerts, advice);
    }

    private static SupplierStatus summary(String code, List<IntervalStat> rows, @Nullable Instant lastStart,
            ContactQueue q) {
        int offered = 0;
        int answered = 0;
        int abandoned = 0;
        int within = 0;
        long handle = 0;
        long wait = 0;
        double agentSeconds = 0;
        double handleWithAgents = 0;
        Double staffedLast = null;
        for (IntervalStat s : rows) {
            offered += s.offered();
            answered += s.answered();
            abandoned += s.abandoned();
            within += s.answeredWithinTarget();
            handle += s.handleTimeSeconds();
            wait += s.waitTimeSeconds();
            if (s.agentsStaffed() != null && s.agentsStaffed() > 0) {
                agentSeconds += s.agentsStaffed() * q.intervalMinutes() * 60;
                handleWithAgents += s.handleTimeSeconds();
                if (s.intervalStart().equals(lastStart)) {
                    staffedLast = (staffedLast == null ? 0 : staffedLast) + s.agentsStaffed();
                }
            }
        }
        return new SupplierStatus(code, offered, answered, abandoned, offered == 0 ? 1 : (double) within / offered,
                answered == 0 ? 0 : (double) wait / answered, answered == 0 ? 0 : (double) handle / answered,
                offered == 0 ? 0 : (double) abandoned / offered,
                agentSeconds > 0 ? Math.min(1, handleWithAgents / agentSeconds) : null, staffedLast);
    }

    private List<String> alerts(ContactQueue q, double deviation, SupplierStatus total, List<SupplierStatus> suppliers,
            double forecastSoFar) {
        List<String> alerts = new ArrayList<>();
        if (forecastSoFar >= 20 && Math.abs(deviation) >= settings.alertDeviation()) {
            alerts.add(String.format(Locale.ROOT, "Volume %+.0f %% against forecast so far", 100 * deviation));
        }
        for (SupplierStatus s : suppliers) {
            if (s.offered() >= 20 && s.serviceLevel() < q.slTarget()) {
                alerts.add(String.format(Locale.ROOT, "%s: service level %.0f %% below target %.0f %%", s.supplier(),
                        100 * s.serviceLevel(), 100 * q.slTarget()));
            }
            if (s.offered() >= 20 && s.abandonRate() > 0.08) {
                alerts.add(String.format(Locale.ROOT, "%s: %.0f %% abandoned", s.supplier(), 100 * s.abandonRate()));
            }
        }
        return alerts;
    }

    /**
     * Per supplier: the agents its share of the next interval (its share of today's contacts so far) needs on
     * the phone under Erlang A, against the agents it reported in the last interval.
     */
    private List<String> recommendations(IntervalPlan next, SupplierStatus total, List<SupplierStatus> suppliers,
            ContactQueue q) {
        List<String> advice = new ArrayList<>();
        if (total.staffedLast() == null || total.offered() == 0) {
            advice.add("Next interval needs " + next.requiredAgents() + " agents on the phone ("
                    + next.scheduledAgents() + " scheduled); no staffing reported yet.");
            return advice;
        }
        ServiceTarget target = new ServiceTarget(q.slTarget(), q.slSeconds(), settings.maxOccupancy(), 1, 0);
        List<String> spare = new ArrayList<>();
        List<String> shortSuppliers = new ArrayList<>();
        for (SupplierStatus s : suppliers) {
            double share = (double) s.offered() / total.offered();
            IntervalLoad load = new IntervalLoad(next.adjustedForecast() * share, q.intervalMinutes() * 60.0,
                    next.ahtSeconds(), q.patienceSeconds());
            int needed = Staffing.required(QueueModel.ERLANG_A, load, target).onPhone();
            long has = s.staffedLast() == null ? 0 : Math.round(s.staffedLast());
            if (needed > has) {
                shortSuppliers.add(s.supplier());
                advice.add(s.supplier() + ": add " + (needed - has) + " agents (needs " + needed + ", has " + has + ").");
            } else if (needed < has) {
                spare.add(s.supplier() + " (" + (has - needed) + " spare)");
            }
        }
        if (!shortSuppliers.isEmpty() && !spare.isEmpty()) {
            advice.add("Or shift routing weight from " + String.join(", ", shortSuppliers) + " to " + String.join(", ", spare)
                    + ".");
        } else if (shortSuppliers.isEmpty() && !spare.isEmpty()) {
            advice.add("Release or move to back-office work: " + String.join(", ", spare) + ".");
        }
        if (advice.isEmpty()) {
            advice.add("Staffing matches the re-forecast.");
        }
        return advice;
    }
}
