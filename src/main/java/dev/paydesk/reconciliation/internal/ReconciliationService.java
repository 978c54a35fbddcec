package dev.paydesk.reconciliation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.payments.PaymentRecords;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.reconciliation.Finding;
import dev.paydesk.reconciliation.FindingOpened;
import dev.paydesk.reconciliation.FindingResolved;
import dev.paydesk.reconciliation.Reconciliation;
import dev.paydesk.reconciliation.FindingType;
import dev.paydesk.reconciliation.RunSummary;
import dev.paydesk.reconciliation.engine.Anomaly;
import dev.paydesk.reconciliation.engine.CalendarBusinessDays;
import dev.paydesk.reconciliation.engine.ReconciliationEngine;
import dev.paydesk.shared.Money;

/**
 * One run: read the records through the payments API, run the engine, then write under the findings
 * lock in one transaction; runs take turns ({@link RunLock}, held from the read to the write): new anomalies open findings, known ones are refreshed
 * (a resolved one reopens), unresolved findings in the run's scope that were not found again
 * resolve. Events and the audit entry go out in that same transaction.
 */
@Service
@EnableConfigurationProperties(ReconciliationProperties.class)
class ReconciliationService implements Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationService.class);

    private final PaymentRecords records;
    private final FindingStore store;
    private final MarketCatalog markets;
    private final ReconciliationProperties properties;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final RunLock runLock;

    ReconciliationService(PaymentRecords records, FindingStore store, MarketCatalog markets,
                          ReconciliationProperties properties, ApplicationEventPublisher events, AuditLog audit,
                          Clock clock, PlatformTransactionManager transactionManager, RunLock runLock) {
        this.runLock = runLock;
        this.records = records;
        this.store = store;
        this.markets = markets;
        this.properties = properties;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public RunSummary reconcile(Instant from, Instant to) {
        return runLock.serialised(() -> readAndRun(from, to));
    }

    private RunSummary readAndRun(Instant from, Instant to) {
        long start = System.nanoTime();
        EngineInput input = new EngineInput();
        records.read(from, to, input);
        input.sortLatestRead();
        log.info("Reconciliation read {} to {} in {} ms", from, to, (System.nanoTime() - start) / 1_000_000);
        return run("range", from, to, input);
    }

    @Override
    public RunSummary reconcileOrders(Collection<String> merchantReferences) {
        return runLock.serialised(() -> {
            EngineInput input = new EngineInput();
            records.readOrders(merchantReferences, input);
            input.sortLatestRead();
            return run("orders", null, null, input);
        });
    }

    private RunSummary run(String kind, @Nullable Instant from, @Nullable Instant to, EngineInput collected) {
        Instant started = clock.instant();
        ReconciliationEngine engine = new ReconciliationEngine(properties.thresholds(),
                new CalendarBusinessDays(m -> markets.market(m).isPresent() ? markets.calendar(m) : null));
        ReconciliationEngine.Input input = collected.input();
        long begun = System.nanoTime();
        ReconciliationEngine.Result firstPass = engine.run(input, started.getEpochSecond());
        long matched1 = System.nanoTime();
        ReconciliationEngine.Result result = readRemittanceOrders(firstPass, collected)
                ? engine.run(input, started.getEpochSecond()) : firstPass;
        long matched2 = System.nanoTime();
        UUID runId = UUID.randomUUID();
        long unchecked = result.anomalies().stream().filter(a -> a.type() == FindingType.UNCHECKED_RECORD).count();
        if (unchecked > 0) {
            log.warn("Reconciliation run {} ({}): {} records could not be checked and became {} findings", runId, kind,
                    unchecked, FindingType.UNCHECKED_RECORD);
        }
        int matched = result.matchesByRule().values().stream().mapToInt(Integer::intValue).sum();
        RunSummary summary = transactions.execute(status -> {
            int[] changes = write(runId, result, started);
            Instant finished = clock.instant();
            RunSummary done = new RunSummary(runId, kind, input.orders().size(), input.movements().size(),
                    input.lines().size(), matched, result.anomalies().size(), changes[0], changes[1], changes[2],
                    Duration.between(started, finished));
            store.recordRun(runId, kind, from, to, started, finished, done.orders(), done.lines(), matched,
                    done.anomalies(), done.opened(), done.reopened(), done.resolved(), CurrentUser.actorName());
            audit.record("reconciliation.run", "reconciliation_run", runId.toString(), null, null, done);
            return done;
        });
        log.info("Reconciliation run {} ({}): {} orders, {} lines, {} anomalies, {} opened, {} resolved in {} ms "
                        + "(engine {} ms, remittance pass {} ms, write {} ms)", runId, kind, summary.orders(), summary.lines(),
                summary.anomalies(), summary.opened(), summary.resolved(), summary.took().toMillis(),
                (matched1 - begun) / 1_000_000, (matched2 - matched1) / 1_000_000, (System.nanoTime() - matched2) / 1_000_000);
        return summary;
    }

    /**
     * Bank lines name their order only in free remittance text, which the time-range read cannot
     * follow: the words of lines that matched nothing are looked up as orders, and when some are,
     * their records join the input for a second pass.
     */
    private boolean readRemittanceOrders(ReconciliationEngine.Result result, EngineInput collected) {
        if (collected.wordsFollowed()) {
            // the read already sent every order those words name: a look-up would find none
            return false;
        }
        collected.index();
        java.util.Set<String> words = new java.util.HashSet<>();
        for (dev.paydesk.reconciliation.engine.SettlementLine line : result.lines()) {
            if (line.match() == null) {
                for (String word : line.referenceWords()) {
                    if (!collected.hasOrder(word)) {
                        words.add(word);
                    }
                }
            }
        }
        if (words.isEmpty()) {
            return false;
        }
        int before = collected.input().orders().size();
        records.readOrders(words, collected);
        collected.sortLatestRead();
        return collected.input().orders().size() > before;
    }

    /** Returns {opened, reopened, resolved}. */
    private int[] write(UUID runId, ReconciliationEngine.Result result, Instant now) {
        store.lockForWrite();
        Map<String, Anomaly> detected = new HashMap<>();
        for (Anomaly a : result.anomalies()) {
            detected.putIfAbsent(a.key(), a);
        }
        Map<String, FindingStore.Existing> known = store.existing(detected.keySet());
        List<FindingStore.NewFinding> fresh = new ArrayList<>();
        List<Anomaly> seenAgain = new ArrayList<>();
        List<UUID> reopened = new ArrayList<>();
        for (Anomaly a : detected.values()) {
            FindingStore.Existing e = known.get(a.key());
            if (e == null) {
                fresh.add(new FindingStore.NewFinding(UUID.randomUUID(), a));
            } else {
                seenAgain.add(a);
                if (e.status() == dev.paydesk.reconciliation.FindingStatus.RESOLVED) {
                    reopened.add(e.id());
                }
            }
        }
        store.insert(fresh, now, runId);
        store.touch(seenAgain, now, runId);
        for (FindingStore.NewFinding f : fresh) {
            Anomaly a = f.anomaly();
            events.publishEvent(new FindingOpened(f.id(), a.type(), a.market(), a.provider(), a.orderRef(),
                    a.paymentRef(), a.customerRef(), new Money(a.amountMinor(), FindingStore.currency(a.currency())),
                    a.summary(), FindingOpened.groupOf(a.type(), a.provider(), a.orderRef(), runId.toString())));
        }
        for (Finding f : store.byIds(reopened)) {
            events.publishEvent(new FindingOpened(f.id(), f.type(), f.market(), f.provider(), f.orderRef(),
                    f.paymentRef(), f.customerRef(), f.amountAtRisk(), f.summary(),
                    FindingOpened.groupOf(f.type(), f.provider(), f.orderRef(), runId.toString())));
        }
        Map<String, FindingStore.Existing> unresolvedByKey = new HashMap<>();
        store.unresolved(unresolvedByKey, result.size() <= 20_000 ? result.scopeList() : null);
        List<UUID> gone = new ArrayList<>();
        unresolvedByKey.forEach((key, e) -> {
            if (!detected.containsKey(key) && result.covers(e.scope())) {
                gone.add(e.id());
            }
        });
        List<Finding> resolved = store.resolve(gone, now, "no longer found by run " + runId);
        for (Finding f : resolved) {
            events.publishEvent(new FindingResolved(f.id(), f.type(), f.market(), f.orderRef(), f.resolution()));
        }
        store.saveBatches(result.batches(), runId, now);
        return new int[] {fresh.size(), reopened.size(), resolved.size()};
    }
}
