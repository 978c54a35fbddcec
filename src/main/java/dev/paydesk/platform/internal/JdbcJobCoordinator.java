package dev.paydesk.platform.internal;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.platform.JobCoordinator;

/**
 * Lease-based job coordination in PostgreSQL (one atomic upsert decides who runs). Taking and giving back
 * the lease commit at once in transactions of their own, also when the caller is inside a transaction (an
 * event listener's): otherwise the lease row stayed locked and unseen until the caller's commit, so other
 * callers waited on the row, each holding a pooled connection, instead of skipping the job.
 */
@Component
class JdbcJobCoordinator implements JobCoordinator {

    private static final Logger log = LoggerFactory.getLogger(JdbcJobCoordinator.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    private final org.springframework.transaction.support.TransactionTemplate own;

    JdbcJobCoordinator(JdbcClient jdbc, Clock clock,
                       org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.own = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.own.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public boolean runExclusively(String job, Duration lease, Runnable work) {
        String owner = node + "/" + Thread.currentThread().threadId();
        Instant now = clock.instant();
        boolean acquired = Boolean.TRUE.equals(own.execute(status -> !jdbc.sql("""
                insert into platform_job_lease (job, owner, locked_until, last_started)
                values (:job, :owner, :until, :now)
                on conflict (job) do update set owner = excluded.owner, locked_until = excluded.locked_until,
                    last_started = excluded.last_started
                where platform_job_lease.locked_until <= :now
                returning job""")
                .param("job", job).param("owner", owner).param("until", Timestamp.from(now.plus(lease)))
                .param("now", Timestamp.from(now))
                .query(String.class).list().isEmpty()));
        if (!acquired) {
            log.debug("Job {} is running on another node; skipped", job);
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            own.executeWithoutResult(status -> jdbc.sql(
                            "update platform_job_lease set locked_until = :now, last_ended = :now where job = :job and owner = :owner")
                    .param("now", Timestamp.from(clock.instant())).param("job", job).param("owner", owner).update());
        }
    }
}
