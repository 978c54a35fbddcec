package dev.paydesk.insights.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.platform.JobCoordinator;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.workforce.ContactData;
import dev.paydesk.workforce.ContactQueue;
import dev.paydesk.workforce.IntervalStatsRecorded;
import dev.paydesk.workforce.Planning;

/**
 * Keeps the supplier facts current: {@link IntervalStatsRecorded} names the queue and interval range that
 * changed; the listener reads the whole local days of that range through workforce's API and replaces them.
 * Day-ahead accuracy (workforce's forecast against the actuals) is final once a day is over, so a sweep each
 * hour stores the last few days. The rebuild reads every queue's history the same way.
 */
@Component
class SupplierFeed {

    private static final int SWEEP_DAYS = 3;

    private final ContactData data;
    private final Planning planning;
    private final MarketCatalog markets;
    private final SupplierFacts facts;
    private final JobCoordinator jobs;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration history;
    private final int accuracyDays;

    SupplierFeed(ContactData data, Planning planning, MarketCatalog markets, SupplierFacts facts, JobCoordinator jobs,
                 TransactionTemplate tx, Clock clock,
                 @Value("${paydesk.insights.rebuild.interval-history:P1095D}") Duration history,
                 @Value("${paydesk.insights.rebuild.accuracy-days:90}") int accuracyDays) {
        this.data = data;
        this.planning = planning;
        this.markets = markets;
        this.facts = facts;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
        this.history = history;
        this.accuracyDays = accuracyDays;
    }

    @ApplicationModuleListener
    void on(IntervalStatsRecorded recorded) {
        for (IntervalStatsRecorded.Range range : recorded.ranges()) {
            ContactQueue queue = data.queue(range.queue());
            ZoneId zone = zone(queue);
            refresh(queue, zone, range.first().atZone(zone).toLocalDate(), range.last().atZone(zone).toLocalDate());
        }
    }

    @Scheduled(fixedDelayString = "${paydesk.insights.accuracy-sweep:PT1H}", initialDelayString = "PT2M")
    void sweepAccuracy() {
        jobs.runExclusively("insights.forecast-accuracy", Duration.ofMinutes(30), () -> accuracy(SWEEP_DAYS));
    }

    /** Stores the day-ahead accuracy of every queue's last {@code days} days. */
    void accuracy(int days) {
        for (ContactQueue queue : data.allQueues()) {
            var result = planning.accuracy(queue.code(), days);
            tx.executeWithoutResult(s -> facts.saveAccuracy(queue, result));
        }
    }

    /**
     * Re-reads every queue's interval statistics (and their supplier-day rows) and day-ahead accuracy through
     * workforce's API; returns the interval rows read. The whole-family rollup rebuild follows in {@link Rebuilder}.
     */
    long rebuild() {
        long rows = 0;
        for (ContactQueue queue : data.allQueues()) {
            ZoneId zone = zone(queue);
            LocalDate end = LocalDate.now(clock.withZone(zone)).plusDays(1);
            for (LocalDate from = end.minusDays(history.toDays()); from.isBefore(end); from = from.plusDays(30)) {
                LocalDate last = from.plusDays(29).isBefore(end) ? from.plusDays(29) : end.minusDays(1);
                rows += refresh(queue, zone, from, last);
            }
        }
        accuracy(accuracyDays);
        return rows;
    }

    private int refresh(ContactQueue queue, ZoneId zone, LocalDate first, LocalDate last) {
        Integer rows = tx.execute(s -> {
            facts.lock(queue);
            var stats = data.stats(queue.code(), first.atStartOfDay(zone).toInstant(),
                    last.plusDays(1).atStartOfDay(zone).toInstant());
            facts.replaceDays(queue, zone, first, last, stats);
            return stats.size();
        });
        return rows == null ? 0 : rows;
    }

    private ZoneId zone(ContactQueue queue) {
        return markets.market(queue.market()).map(m -> m.zone()).orElse(ZoneId.of("UTC"));
    }
}
