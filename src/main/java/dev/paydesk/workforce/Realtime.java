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
        LocalDate today = planning.today(q);
        DayPlan plan = planning.plan(q.code(), today);
        ZoneId zone = planning.zone(q);
        List<IntervalStat> stats = data.stats(q.code(), today.atStartOfDay(zone).toInstant(), now);
        double forecastSoFar = 0;
        double actualSoFar = 0;
        double rest = 0;
        int requiredNext = 0;
        boolean nextFound = false;
        for (IntervalPlan i : plan.intervals()) {
            if (i.start().plusSeconds(q.intervalMinutes() * 60L).isAfter(now)) {
                rest += i.adjustedForecast();
                if (!nextFound) {
                    requiredNext = i.scheduledAgents();
                    nextFound = true;
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
        List<String> advice = recommendations(requiredNext, total.staffedLast(), suppliers, q);
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

    private static List<String> recommendations(int requiredNext, @Nullable Double staffedLast,
            List<SupplierStatus> suppliers, ContactQueue q) {
        List<String> advice = new ArrayList<>();
        if (staffedLast == null) {
            advice.add("Next interval needs " + requiredNext + " scheduled agents (no staffing reported yet).");
            return advice;
        }
        long gap = Math.round(requiredNext - staffedLast);
        if (gap > 0) {
            SupplierStatus worst = suppliers.stream().filter(s -> s.staffedLast() != null)
                    .min((a, b) -> Double.compare(a.serviceLevel(), b.serviceLevel())).orElse(null);
            advice.add("Add " + gap + " agents for the next interval" + (worst == null ? "" : ", first at "
                    + worst.supplier()) + ".");
        } else if (gap < 0) {
            advice.add("Overstaffed by " + (-gap) + " agents for the next interval: release or move to back-office work.");
        } else {
            advice.add("Staffing matches the re-forecast.");
        }
        SupplierStatus idle = suppliers.stream().filter(s -> s.occupancy() != null && s.occupancy() < 0.6).findFirst()
                .orElse(null);
        SupplierStatus short_ = suppliers.stream().filter(s -> s.offered() >= 20 && s.serviceLevel() < q.slTarget())
                .findFirst().orElse(null);
        if (idle != null && short_ != null && !idle.supplier().equals(short_.supplier())) {
            advice.add("Move volume (routing weight) from " + short_.supplier() + " to " + idle.supplier()
                    + ", whose occupancy is " + Math.round(100 * idle.occupancy()) + " %.");
        }
        return advice;
    }
}
