package dev.paydesk.reconciliation.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.payments.FileImports;
import dev.paydesk.reconciliation.Reconciliation;
import dev.paydesk.reconciliation.RunSummary;
import dev.paydesk.reconciliation.engine.Anomaly;
import dev.paydesk.reconciliation.engine.BusinessDays;
import dev.paydesk.reconciliation.engine.StreamingReconciliation;
import dev.paydesk.reconciliation.engine.Thresholds;
import dev.paydesk.shared.BenchmarkCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/paydesk bench reconcile}: generates merchant records and settlement lines with injected
 * anomalies at known positions, runs Paydesk's matching engine over the files as a stream (a few days of
 * orders in memory at a time, {@link StreamingReconciliation}) and the same matching as SQL in DuckDB over
 * the same files, in this process, and reports time, time per million records, heap and precision/recall;
 * then times the full path through PostgreSQL (import and reconcile, in one transaction that is rolled
 * back, so the database is left as it was).
 */
@Component
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Paydesk's matching engine vs the same matching as SQL in DuckDB over generated files "
                + "(target <= 1.0 x DuckDB, <= 2 GiB heap, 100% precision and recall), plus the PostgreSQL path.")
class ReconcileBenchmark implements BenchmarkCommand, Callable<Integer> {

    private static final Duration WINDOW = Duration.ofDays(2);
    /** How far the generated files run out of time order: a refund request listed with its order, 2 days early. */
    private static final Duration LATENESS = Duration.ofDays(3);
    /** The PostgreSQL path holds one range's records at once: above this many rows it is not run. */
    static final int POSTGRES_MAX_ROWS = 2_000_000;

    private final FileImports imports;
    private final Reconciliation reconciliation;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    @Option(names = "--rows", description = "merchant records and settlement lines to generate, each (default ${DEFAULT-VALUE})")
    int rows = 1_000_000;

    @Option(names = "--repeat", description = "runs of each side; the fastest counts (default ${DEFAULT-VALUE})")
    int repeat = 3;

    @Option(names = "--horizon-days", description = "days after an order's first record within which all of its records "
            + "arrive; the engine holds that many days of orders (default ${DEFAULT-VALUE}; the generator's last record "
            + "of an order comes 6 days after it)")
    int horizonDays = 8;

    @Option(names = "--skip-postgres", description = "do not time the PostgreSQL path")
    boolean skipPostgres;

    @Option(names = "--json", description = "print one JSON object of the figures")
    boolean json;

    ReconcileBenchmark(FileImports imports, Reconciliation reconciliation, PlatformTransactionManager transactionManager,
                       JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.imports = imports;
        this.reconciliation = reconciliation;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    record Score(double precision, double recall, int found) {
        static Score of(Set<String> found, Set<String> expected) {
            int hits = 0;
            for (String f : found) {
                hits += expected.contains(f) ? 1 : 0;
            }
            return new Score(found.isEmpty() ? 1.0 : hits / (double) found.size(),
                    expected.isEmpty() ? 1.0 : hits / (double) expected.size(), found.size());
        }
    }

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("paydesk-bench-reconcile");
        Path merchant = dir.resolve("merchant.csv");
        Path settlement = dir.resolve("settlement.csv");
        BenchData.Generated data = BenchData.generate(merchant, settlement, rows);
        Thresholds thresholds = Thresholds.DEFAULTS.withDuplicateCaptureWindow(WINDOW);
        long paydeskNanos = Long.MAX_VALUE;
        long duckNanos = Long.MAX_VALUE;
        long peakHeap = 0;
        int mostOpen = 0;
        long late = 0;
        Set<String> paydeskFound = Set.of();
        Set<String> duckFound = Set.of();
        for (int i = 0; i < Math.max(1, repeat); i++) {
            System.gc();
            long start = System.nanoTime();
            StreamingReconciliation.Summary result;
            try (HeapPeak heap = HeapPeak.watch()) {
                result = BenchFiles.stream(merchant, settlement, new StreamingReconciliation(
                        thresholds, BusinessDays.WEEKDAYS_UTC, data.now(), horizonDays, LATENESS.toSeconds()));
                peakHeap = Math.max(peakHeap, heap.most());
            }
            Set<String> found = new HashSet<>();
            for (Anomaly a : result.anomalies()) {
                found.add(a.type() + "|" + a.scope());
            }
            mostOpen = Math.max(mostOpen, result.mostOpenOrders());
            late = Math.max(late, result.lateRecords());
            long took = System.nanoTime() - start;
            paydeskFound = found;
            paydeskNanos = Math.min(paydeskNanos, took);
            result = null;
            found = null;
            System.gc();
            start = System.nanoTime();
            duckFound = DuckDbBaseline.run(merchant, settlement, data.now(), WINDOW.toSeconds(),
                    thresholds.refundSettlementBusinessDays(), thresholds.missingSettlementDays());
            duckNanos = Math.min(duckNanos, System.nanoTime() - start);
        }
        Score paydesk = Score.of(paydeskFound, data.expected());
        Score duck = Score.of(duckFound, data.expected());
        PostgresPath.Outcome pg = null;
        if (!skipPostgres && rows > POSTGRES_MAX_ROWS) {
            System.err.printf("PostgreSQL path skipped above %,d rows: it holds every record of the range in one run "
                    + "(1 M rows fit the launcher's 2 GiB, 10 M would not); the file side above streams%n",
                    POSTGRES_MAX_ROWS);
        } else if (!skipPostgres) {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "bench", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
            PostgresPath.ImportFiles files = PostgresPath.write(merchant, settlement, dir);
            pg = PostgresPath.run(imports, reconciliation, jdbc, transactions, files, data, repeat);
            if (Boolean.getBoolean("paydesk.bench.verbose")) {
                Set<String> missed = new java.util.TreeSet<>(data.expected());
                missed.removeAll(pg.found());
                Set<String> extra = new java.util.TreeSet<>(pg.found());
                extra.removeAll(data.expected());
                System.err.println("postgres missed " + missed.stream().limit(30).toList() + "\npostgres extra "
                        + extra.stream().limit(30).toList());
            }
            for (Path p : files.all()) {
                Files.deleteIfExists(p);
            }
        }
        Files.delete(merchant);
        Files.delete(settlement);
        Files.delete(dir);
        print(data, paydeskNanos, duckNanos, peakHeap, mostOpen, late, paydesk, duck, pg);
        return 0;
    }

    private void print(BenchData.Generated data, long paydeskNanos, long duckNanos, long peakHeap, int mostOpen,
                       long late, Score paydesk, Score duck, PostgresPath.@Nullable Outcome pg) {
        double paydeskMs = paydeskNanos / 1e6;
        double duckMs = duckNanos / 1e6;
        double ratio = paydeskMs / duckMs;
        double perMillion = paydeskMs / (data.merchantRecords() / 1e6);
        long maxHeap = Runtime.getRuntime().maxMemory();
        Score pgScore = pg == null ? null : Score.of(pg.found(), data.expected());
        if (json) {
            System.out.printf(Locale.ROOT, "{\"merchant_records\":%d,\"settlement_lines\":%d,\"anomalies_injected\":%d,"
                            + "\"paydesk_ms\":%.1f,\"paydesk_ms_per_million_records\":%.1f,\"most_open_orders\":%d,"
                            + "\"horizon_days\":%d,\"late_records\":%d,"
                            + "\"duckdb_ms\":%.1f,\"ratio_vs_duckdb\":%.3f,\"peak_heap_mb\":%.1f,"
                            + "\"max_heap_mb\":%.1f,\"precision\":%.4f,\"recall\":%.4f,\"duckdb_precision\":%.4f,"
                            + "\"duckdb_recall\":%.4f,\"repeat\":%d,\"postgres_import_ms\":%s,\"postgres_reconcile_ms\":%s,"
                            + "\"postgres_reconcile_vs_duckdb\":%s,\"postgres_findings\":%s,\"postgres_precision\":%s,"
                            + "\"postgres_recall\":%s}%n",
                    data.merchantRecords(), data.settlementLines(), data.expected().size(), paydeskMs, perMillion, mostOpen,
                    horizonDays, late, duckMs, ratio,
                    peakHeap / 1048576.0, maxHeap / 1048576.0, paydesk.precision(), paydesk.recall(), duck.precision(),
                    duck.recall(), repeat, pg == null ? "null" : fixed("%.1f", pg.importNanos() / 1e6),
                    pg == null ? "null" : fixed("%.1f", pg.reconcileNanos() / 1e6),
                    pg == null ? "null" : fixed("%.3f", pg.reconcileNanos() / 1e6 / duckMs),
                    pg == null ? "null" : String.valueOf(pg.summary().anomalies()),
                    pgScore == null ? "null" : fixed("%.4f", pgScore.precision()),
                    pgScore == null ? "null" : fixed("%.4f", pgScore.recall()));
            return;
        }
        System.out.printf("%,d merchant records, %,d settlement lines, %,d injected anomalies (%d types)%n",
                data.merchantRecords(), data.settlementLines(), data.expected().size(),
                dev.paydesk.reconciliation.FindingType.values().length);
        System.out.printf("%-40s %12s %10s %10s %8s%n", "matching (files in, findings out)", "ms (best)", "precision",
                "recall", "found");
        System.out.printf(Locale.ROOT, "%-40s %12.1f %9.2f%% %9.2f%% %8d%n", "DuckDB SQL, in process (baseline)", duckMs,
                duck.precision() * 100, duck.recall() * 100, duck.found());
        System.out.printf(Locale.ROOT, "%-40s %12.1f %9.2f%% %9.2f%% %8d%n", "Paydesk engine", paydeskMs,
                paydesk.precision() * 100, paydesk.recall() * 100, paydesk.found());
        System.out.printf(Locale.ROOT, "ratio vs DuckDB: %.2f (target <= 1.0); peak heap %.0f MB of %.0f MB max "
                + "(target <= 2048); best of %d%n", ratio, peakHeap / 1048576.0, maxHeap / 1048576.0, repeat);
        System.out.printf(Locale.ROOT, "Paydesk engine streams by day: %.0f ms per million merchant records; at most %,d "
                + "orders open at once (horizon %d days); %,d records later than the lateness%n", perMillion, mostOpen,
                horizonDays, late);
        if (pg != null && pgScore != null) {
            RunSummary run = pg.summary();
            System.out.printf(Locale.ROOT, "%-40s %12.1f %9.2f%% %9.2f%% %8d%n", "PostgreSQL path, reconcile", pg.reconcileNanos() / 1e6,
                    pgScore.precision() * 100, pgScore.recall() * 100, pgScore.found());
            System.out.printf(Locale.ROOT, "PostgreSQL path: import %.1f s, reconcile %.1f s = %.2f x DuckDB (target <= 2.0); "
                            + "%,d orders, %,d movements, %,d lines read, %,d anomalies; rolled back%n",
                    pg.importNanos() / 1e9, pg.reconcileNanos() / 1e9, pg.reconcileNanos() / 1e6 / duckMs, run.orders(),
                    run.movements(), run.lines(), run.anomalies());
        }
    }

    private static String fixed(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
