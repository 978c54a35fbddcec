package dev.paydesk.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.platform.JobCoordinator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps clock snapshots current: every minute (on one node) the cases whose next clock is due within
 * the warning window are recomputed, which raises warnings and breaches; after a policy change every
 * open case is recomputed, in pages. Each case is recomputed in its own new transaction (also when
 * called from an after-commit listener): a case whose clocks cannot be computed is logged with its key
 * and counted ({@value #FAILURES}), and the others go on.
 */
@Component
class ClockSweep {

    static final String FAILURES = "paydesk.cases.clock.failures";

    private static final Logger log = LoggerFactory.getLogger(ClockSweep.class);
    private static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final CaseStore store;
    private final CaseEditor editor;
    private final JobCoordinator jobs;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Counter sweepFailures;
    private final Counter recomputeFailures;

    ClockSweep(JdbcClient jdbc, CaseStore store, CaseEditor editor, JobCoordinator jobs, TransactionTemplate tx,
               Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.store = store;
        this.editor = editor;
        this.jobs = jobs;
        this.tx = new TransactionTemplate(Objects.requireNonNull(tx.getTransactionManager()));
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.sweepFailures = Counter.builder(FAILURES).tag("run", "sweep")
                .description("Cases whose clocks could not be recomputed").register(meters);
        this.recomputeFailures = Counter.builder(FAILURES).tag("run", "recompute")
                .description("Cases whose clocks could not be recomputed").register(meters);
    }

    @Scheduled(fixedDelayString = "${paydesk.cases.sweep-interval:PT1M}", initialDelayString = "PT30S")
    void scheduled() {
        jobs.runExclusively("cases.clock-sweep", Duration.ofMinutes(5), this::sweepDue);
    }

    /** Recomputes the cases whose next due clock falls inside the widest warning window; returns how many succeeded. */
    int sweepDue() {
        int maxWarn = jdbc.sql("select coalesce(max(warn_before_minutes), 0) from cases_sla_policy").query(Integer.class).single();
        Timestamp horizon = Timestamp.from(clock.instant().plus(Duration.ofMinutes(Math.max(maxWarn, 60))));
        List<UUID> due = jdbc.sql("""
                select id from cases_case where status not in ('RESOLVED', 'CLOSED') and next_due_at <= ?
                order by next_due_at limit 5000""").param(horizon).query(UUID.class).list();
        return refreshEach(due, sweepFailures);
    }

    /** Recomputes every open case's clocks (after a policy or calendar change); returns how many succeeded. */
    int recomputeAllOpen() {
        int count = 0;
        @Nullable UUID after = null;
        while (true) {
            List<UUID> page = store.openIds(PAGE, after);
            if (page.isEmpty()) {
                return count;
            }
            count += refreshEach(page, recomputeFailures);
            after = page.getLast();
        }
    }

    private int refreshEach(List<UUID> ids, Counter failures) {
        int done = 0;
        for (UUID id : ids) {
            try {
                tx.executeWithoutResult(s -> editor.refreshClocks(store.lock(id)));
                done++;
            } catch (RuntimeException e) {
                failures.increment();
                log.error("Clocks of case {} could not be recomputed; going on with the other cases", keyOf(id), e);
            }
        }
        return done;
    }

    private String keyOf(UUID id) {
        return jdbc.sql("select number from cases_case where id = ?").param(id).query(Long.class).optional()
                .map(CaseStore::key).orElse(id.toString());
    }
}
