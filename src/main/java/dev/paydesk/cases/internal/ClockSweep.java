package dev.paydesk.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.platform.JobCoordinator;

/**
 * Keeps clock snapshots current: every minute (on one node) the cases whose next clock is due within
 * the warning window are recomputed, which raises warnings and breaches; after a policy change every
 * open case is recomputed, in pages.
 */
@Component
class ClockSweep {

    private static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final CaseStore store;
    private final CaseDeskService desk;
    private final JobCoordinator jobs;
    private final TransactionTemplate tx;
    private final Clock clock;

    ClockSweep(JdbcClient jdbc, CaseStore store, CaseDeskService desk, JobCoordinator jobs, TransactionTemplate tx,
               Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.desk = desk;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${paydesk.cases.sweep-interval:PT1M}", initialDelayString = "PT30S")
    void scheduled() {
        jobs.runExclusively("cases.clock-sweep", Duration.ofMinutes(5), this::sweepDue);
    }

    /** Recomputes the cases whose next due clock falls inside the widest warning window; returns how many. */
    int sweepDue() {
        int maxWarn = jdbc.sql("select coalesce(max(warn_before_minutes), 0) from cases_sla_policy").query(Integer.class).single();
        Timestamp horizon = Timestamp.from(clock.instant().plus(Duration.ofMinutes(Math.max(maxWarn, 60))));
        List<UUID> due = jdbc.sql("""
                select id from cases_case where status not in ('RESOLVED', 'CLOSED') and next_due_at <= ?
                order by next_due_at limit 5000""").param(horizon).query(UUID.class).list();
        for (UUID id : due) {
            tx.executeWithoutResult(s -> desk.refreshClocks(store.lock(id)));
        }
        return due.size();
    }

    /** Recomputes every open case's clocks (after a policy or calendar change). */
    int recomputeAllOpen() {
        int count = 0;
        @Nullable UUID after = null;
        while (true) {
            List<UUID> page = store.openIds(PAGE, after);
            if (page.isEmpty()) {
                return count;
            }
            tx.executeWithoutResult(s -> page.forEach(id -> desk.refreshClocks(store.lock(id))));
            count += page.size();
            after = page.getLast();
        }
    }
}
