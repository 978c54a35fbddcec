package dev.paydesk.reconciliation.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.Locale;

import dev.paydesk.payments.FileImports;
import dev.paydesk.reconciliation.Reconciliation;
import dev.paydesk.reconciliation.RunSummary;

/**
 * Writes the benchmark's records in the formats the payments module imports (merchant order and
 * refund-request feeds, an Adyen Settlement details report) so the full path can be timed:
 * import into PostgreSQL, then reconcile through the payments read API. The merchant's capture records
 * go through the captures feed, so the same movements are there as on the file path.
 */
final class PostgresPath {

    private static final DateTimeFormatter ADYEN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private PostgresPath() {
    }

    /** The three import files, written next to the benchmark's files. */
    record ImportFiles(Path orders, Path refundRequests, Path captures, Path settlement) {

        List<Path> all() {
            return List.of(orders, refundRequests, captures, settlement);
        }
    }

    static ImportFiles write(Path merchantFile, Path settlementFile, Path dir) throws IOException {
        ImportFiles files = new ImportFiles(dir.resolve("orders.csv"), dir.resolve("refund-requests.csv"),
                dir.resolve("captures.csv"), dir.resolve("settlement_detail_report_batch_1.csv"));
        try (BufferedReader in = Files.newBufferedReader(merchantFile, StandardCharsets.ISO_8859_1);
             BufferedWriter orders = Files.newBufferedWriter(files.orders());
             BufferedWriter requests = Files.newBufferedWriter(files.refundRequests());
             BufferedWriter captures = Files.newBufferedWriter(files.captures())) {
            orders.write("merchant_reference,market,customer_reference,amount,currency,expected_method\n");
            requests.write("refund_reference,merchant_reference,amount,currency,requested_at\n");
            captures.write("capture_reference,merchant_reference,provider,amount,currency,method,captured_at,customer_reference\n");
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",", -1);
                if (f[0].equals("ORDER")) {
                    orders.write(f[1] + "," + f[3] + "," + f[4] + "," + decimal(Long.parseLong(f[5])) + "," + f[7] + ","
                            + f[8] + "\n");
                    if (!f[10].isEmpty()) {
                        captures.write(f[10] + "," + f[1] + "," + f[9] + "," + decimal(Long.parseLong(f[6])) + "," + f[7] + ","
                                + f[8] + "," + Instant.ofEpochSecond(Long.parseLong(f[11])) + "," + f[4] + "\n");
                    }
                } else {
                    requests.write(f[2] + "," + f[1] + "," + decimal(Long.parseLong(f[5])) + "," + f[7] + ","
                            + Instant.ofEpochSecond(Long.parseLong(f[11])) + "\n");
                }
            }
        }
        try (BufferedReader in = Files.newBufferedReader(settlementFile, StandardCharsets.ISO_8859_1);
             BufferedWriter out = Files.newBufferedWriter(files.settlement())) {
            out.write("Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Creation Date,"
                    + "TimeZone,Type,Modification Reference,Gross Currency,Gross Debit (GC),Gross Credit (GC),"
                    + "Exchange Rate,Net Currency,Net Debit (NC),Net Credit (NC),Commission (NC),Batch Number\n");
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",", -1);
                long gross = Long.parseLong(f[10]);
                long net = Long.parseLong(f[11]);
                String g = decimal(Math.abs(gross));
                String n = decimal(Math.abs(net));
                out.write("BenchCo," + f[1].toLowerCase(Locale.ROOT) + "-bench," + f[3] + "," + f[4] + "," + f[6] + ","
                        + ADYEN_TIME.format(Instant.ofEpochSecond(Long.parseLong(f[8]))) + ",UTC," + f[7] + "," + f[5]
                        + "," + f[9] + "," + (gross < 0 ? g + "," : "," + g) + ",1," + f[9] + ","
                        + (net < 0 ? n + "," : "," + n) + "," + decimal(Long.parseLong(f[12])) + "," + f[2] + "\n");
            }
        }
        return files;
    }

    /** What the PostgreSQL path took and found ({@code TYPE|scope} as {@link BenchData.Generated#scored}). */
    record Outcome(long importNanos, long reconcileNanos, RunSummary summary, Set<String> found) {
    }

    /**
     * Imports the files and reconciles the generated range in one transaction that is rolled back, so
     * the database is left as it was; the findings are read before the rollback. The reconcile runs
     * {@code repeat} times, each from the same imported state (a savepoint, rolled back to after the run)
     * and the fastest counts, as the other sides of the benchmark count their fastest run.
     */
    static Outcome run(FileImports imports, Reconciliation reconciliation, JdbcClient jdbc,
                       TransactionTemplate transactions, ImportFiles files, BenchData.Generated data, int repeat) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            long importNanos;
            try {
                importNanos = importAll(imports, files);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long fastest = Long.MAX_VALUE;
            RunSummary summary = null;
            Set<String> found = Set.of();
            for (int i = 0; i < Math.max(1, repeat); i++) {
                jdbc.sql("savepoint bench_reconcile").update();
                long start = System.nanoTime();
                summary = reconciliation.reconcile(Instant.ofEpochSecond(BenchData.T0 - BenchData.DAY),
                        Instant.ofEpochSecond(data.now()));
                fastest = Math.min(fastest, System.nanoTime() - start);
                found = new HashSet<>(jdbc.sql(
                                "select type, scope, payment_ref from reconciliation_finding where last_run = :run")
                        .param("run", summary.runId())
                        .query((rs, n) -> data.scored(rs.getString(1), rs.getString(2), rs.getString(3))).list());
                jdbc.sql("rollback to savepoint bench_reconcile").update();
            }
            return new Outcome(importNanos, fastest, java.util.Objects.requireNonNull(summary), found);
        });
    }

    static long importAll(FileImports imports, ImportFiles files) throws IOException {
        long start = System.nanoTime();
        importOne(imports, "orders", files.orders());
        importOne(imports, "refund-requests", files.refundRequests());
        importOne(imports, "captures", files.captures());
        importOne(imports, "adyen-settlement", files.settlement());
        return System.nanoTime() - start;
    }

    private static void importOne(FileImports imports, String kind, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            imports.importFile(kind, file.getFileName().toString(), in);
        }
    }

    private static String decimal(long minor) {
        return (minor / 100) + "." + String.format(Locale.ROOT, "%02d", minor % 100);
    }
}
