package dev.paydesk.reconciliation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.payments.PaymentRecorded;
import dev.paydesk.payments.PaymentsRecorded;
import dev.paydesk.platform.JobCoordinator;
import dev.paydesk.reconciliation.Reconciliation;

/**
 * When reconciliation runs on its own. Incremental: every recorded movement queues its order in the
 * database (idempotent, survives a restart, shared by every node); an order quiet for the debounce
 * is reconciled in the next flush. Scheduled: every hour, over the look-back window. Both go through
 * the {@link JobCoordinator}, so only one node runs each at a time.
 */
@Component
class ReconciliationRuns {

    private static final int FLUSH_LIMIT = 5_000;

    private final Reconciliation reconciliation;
    private final FindingStore store;
    private final JobCoordinator jobs;
    private final ReconciliationProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;

    ReconciliationRuns(Reconciliation reconciliation, FindingStore store, JobCoordinator jobs,
                       ReconciliationProperties properties, Clock clock, PlatformTransactionManager transactionManager) {
        this.reconciliation = reconciliation;
        this.store = store;
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @ApplicationModuleListener
    void on(PaymentsRecorded event) {
        List<String> orders = event.payments().stream().map(PaymentRecorded::merchantReference)
                .filter(java.util.Objects::nonNull).distinct().toList();
        if (!orders.isEmpty()) {
            store.queue(orders, clock.instant());
        }
    }

    /**
     * A settlement file was imported: its booking dates (a day either side) are reconciled now, so its batches
     * appear under settlement batches and the run is logged, without waiting for the hourly run. Every file gets its
     * run: runs wait for each other on the run lock; under a job lease, as it was, a file imported while another
     * file's run was going had none (found importing a captures feed and a settlement report a few seconds apart).
     * Outside a transaction: a run waiting for the lock holds no connection (the run opens its own).
     */
    @ApplicationModuleListener(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    void on(dev.paydesk.payments.PaymentFileImported event) {
        if (!properties.runAfterImport() || event.firstBookedAt() == null || event.lastBookedAt() == null) {
            return;
        }
        Instant from = event.firstBookedAt().minus(java.time.Duration.ofDays(1));
        Instant to = event.lastBookedAt().plus(java.time.Duration.ofDays(1));
        reconciliation.reconcile(from, to);
    }

    /** Reconciles the orders that have been quiet for the debounce; returns how many. */
    int flush() {
        int[] done = {0};
        jobs.runExclusively("reconciliation.incremental", properties.lease(), () -> {
            Instant quietSince = clock.instant().minus(properties.debounce());
            List<String> orders;
            do {
                List<String> taken = transactions.execute(status -> store.takeQuiet(quietSince, FLUSH_LIMIT));
                orders = taken == null ? List.of() : taken;
                if (!orders.isEmpty()) {
                    try {
                        reconciliation.reconcileOrders(orders);
                    } catch (RuntimeException e) {
                        store.queue(orders, clock.instant());
                        throw e;
                    }
                    done[0] += orders.size();
                }
            } while (orders.size() == FLUSH_LIMIT);
        });
        return done[0];
    }

    @Scheduled(fixedDelayString = "${paydesk.reconciliation.flush-every:PT15S}", initialDelayString = "PT30S")
    void scheduledFlush() {
        flush();
    }

    @Scheduled(cron = "${paydesk.reconciliation.schedule:0 17 * * * *}")
    void scheduledRun() {
        jobs.runExclusively("reconciliation.scheduled", properties.lease(), () -> {
            Instant now = clock.instant();
            reconciliation.reconcile(now.minus(properties.lookback()), now);
        });
    }
}
