package dev.paydesk.payments.cli;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.paydesk.payments.FileImports;
import dev.paydesk.payments.ImportResult;
import dev.paydesk.shared.BenchmarkCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/paydesk bench ingest}: generates an Adyen Settlement details report, loads it with a raw
 * PostgreSQL {@code COPY} into an unindexed text table (the floor any import can reach) and then
 * imports it through Paydesk (parse, validate, key, store idempotently); several such pairs, each with
 * a file of a new batch, and the medians. A warm-up file goes first so that both paths run compiled
 * code, as in a server that has been up for a while; the last file is imported again to show the
 * idempotent path.
 */
@Component
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Import a generated Adyen settlement file vs raw COPY of the same file (target <= 2.0 x COPY).")
class IngestBenchmark implements BenchmarkCommand, Callable<Integer> {

    private static final String HEADER = "Company Account,Merchant Account,Psp Reference,Merchant Reference,"
            + "Payment Method,Creation Date,TimeZone,Type,Modification Reference,Gross Currency,Gross Debit (GC),"
            + "Gross Credit (GC),Exchange Rate,Net Currency,Net Debit (NC),Net Credit (NC),Commission (NC),Markup (NC),"
            + "Scheme Fees (NC),Interchange (NC),Payment Method Variant,Modification Merchant Reference,Batch Number,"
            + "Reserved4,Reserved5,Reserved6,Reserved7,Reserved8,Reserved9,Reserved10";

    private final FileImports imports;
    private final DataSource dataSource;

    @Option(names = "--rows", description = "rows to generate (default ${DEFAULT-VALUE})")
    int rows = 1_000_000;

    @Option(names = "--runs", description = "paired runs (COPY, then import, of a new file each), medians reported "
            + "(default ${DEFAULT-VALUE})")
    int runs = 5;

    @Option(names = "--warmup-rows", description = "rows of a warm-up file (another batch) imported and copied "
            + "first, so both paths run compiled code as in a server that has been up for a while; 0 skips it "
            + "(default ${DEFAULT-VALUE})")
    int warmupRows = 300_000;

    @Option(names = "--json", description = "print one JSON object of the figures")
    boolean json;

    IngestBenchmark(FileImports imports, DataSource dataSource) {
        this.imports = imports;
        this.dataSource = dataSource;
    }

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("paydesk-bench-ingest");
        long batch = System.currentTimeMillis() % 1_000_000_000L;
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "bench", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        if (warmupRows > 0) {
            Path warmup = dir.resolve("settlement_detail_report_batch_" + batch + ".csv");
            generate(warmup, warmupRows, batch, 0);
            rawCopy(warmup);
            try (InputStream in = Files.newInputStream(warmup)) {
                imports.importFile("adyen-settlement", warmup.getFileName().toString(), in);
            }
            Files.delete(warmup);
        }
        double[] copyS = new double[runs];
        double[] importS = new double[runs];
        long bytes = 0;
        long stored = 0;
        double reimportS = 0;
        long reimportNew = -1;
        for (int run = 0; run < runs; run++) {
            // each run its own batch and references: every import is of a batch never seen before
            Path file = dir.resolve("settlement_detail_report_batch_" + (batch + 1 + run) + ".csv");
            generate(file, rows, batch + 1 + run, warmupRows + (long) run * rows);
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
                channel.force(true); // neither load pays for writing the generated file out
            }
            bytes = Files.size(file);
            checkpoint();
            copyS[run] = rawCopy(file) / 1e9;
            checkpoint(); // nor for the other load's writes
            long start = System.nanoTime();
            ImportResult result;
            try (InputStream in = Files.newInputStream(file)) {
                result = imports.importFile("adyen-settlement", file.getFileName().toString(), in);
            }
            importS[run] = (System.nanoTime() - start) / 1e9;
            stored += result.rowsNew();
            if (run == runs - 1) {
                long reStart = System.nanoTime();
                try (InputStream in = Files.newInputStream(file)) {
                    reimportNew = imports.importFile("adyen-settlement", file.getFileName().toString(), in).rowsNew();
                }
                reimportS = (System.nanoTime() - reStart) / 1e9;
            }
            Files.delete(file);
        }
        Files.delete(dir);
        double[] ratios = new double[runs];
        for (int run = 0; run < runs; run++) {
            ratios[run] = importS[run] / copyS[run];
        }
        double importMedian = median(importS);
        double copyMedian = median(copyS);
        double ratio = importMedian / copyMedian;
        if (json) {
            System.out.printf(java.util.Locale.ROOT, "{\"rows\":%d,\"file_mb\":%.1f,\"runs\":%d,\"warmup_rows\":%d,"
                    + "\"import_s\":%.3f,\"copy_s\":%.3f,\"ratio_vs_copy\":%.2f,\"ratio_vs_copy_worst_run\":%.2f,"
                    + "\"rows_per_s\":%.0f,\"rows_new\":%d,\"reimport_s\":%.3f,\"reimport_rows_new\":%d}%n",
                    rows, bytes / 1e6, runs, warmupRows, importMedian, copyMedian, ratio,
                    java.util.Arrays.stream(ratios).max().orElse(0), rows / importMedian, stored, reimportS, reimportNew);
        } else {
            System.out.printf("Adyen settlement files: %,d rows, %.1f MB each; %d runs, each a new batch, after a "
                    + "%,d-row warm-up%n", rows, bytes / 1e6, runs, warmupRows);
            System.out.printf("%-5s %36s %30s %8s%n", "run", "raw COPY, unindexed text table (s)",
                    "Paydesk import (s)", "ratio");
            for (int run = 0; run < runs; run++) {
                System.out.printf("%-5d %36.3f %30.3f %8.2f%n", run + 1, copyS[run], importS[run], ratios[run]);
            }
            System.out.printf("%-5s %36.3f %30.3f %8.2f   (target <= 2.0)%n", "median", copyMedian, importMedian, ratio);
            System.out.printf("import: %,.0f rows/s; rows stored: %,d; re-import of the last file: %.3f s, %d new%n",
                    rows / importMedian, stored, reimportS, reimportNew);
        }
        return 0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private void checkpoint() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("checkpoint");
        }
    }

    private long rawCopy(Path file) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("drop table if exists bench_raw_settlement");
            StringBuilder columns = new StringBuilder();
            for (int i = 1; i <= 30; i++) {
                columns.append(i == 1 ? "" : ", ").append("c").append(i).append(" text");
            }
            c.createStatement().execute("create unlogged table bench_raw_settlement (" + columns + ")");
            long start = System.nanoTime();
            try (Reader reader = Files.newBufferedReader(file)) {
                c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy bench_raw_settlement from stdin with (format csv, header true)", reader);
            }
            long took = System.nanoTime() - start;
            c.createStatement().execute("drop table bench_raw_settlement");
            return took;
        }
    }

    /** Rows {@code first} to {@code first + rows - 1} of the bench's made-up merchant, all in {@code batch}. */
    static void generate(Path file, int rows, long batch, long first) throws Exception {
        Random random = new Random(42);
        String[] methods = {"visa", "mc", "amex", "paypal", "klarna", "ideal"};
        String[] types = {"Settled", "Settled", "Settled", "Settled", "Refunded", "Chargeback", "Fee"};
        LocalDateTime base = LocalDateTime.of(2026, 11, 1, 0, 0);
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(HEADER);
            out.write('\n');
            for (long i = first; i < first + rows; i++) {
                String type = types[random.nextInt(types.length)];
                long cents = 100 + random.nextInt(50_000);
                long fee = cents / 50;
                boolean credit = type.equals("Settled");
                String gross = (cents / 100) + "." + String.format("%02d", cents % 100);
                String net = ((credit ? cents - fee : cents + fee) / 100) + "."
                        + String.format("%02d", (credit ? cents - fee : cents + fee) % 100);
                String feeText = (fee / 100) + "." + String.format("%02d", fee % 100);
                out.write("PaydeskCo,PaydeskEU," + (8_800_000_000_000_000L + i) + ",ORD-" + (1_000_000 + i) + ","
                        + methods[(int) (i % methods.length)] + "," + base.plusSeconds(i * 2L).format(fmt) + ",CET," + type + ","
                        + (9_900_000_000_000_000L + i) + ",EUR," + (credit ? "," + gross : gross + ",") + ",1,EUR,"
                        + (credit ? "," + net : net + ",") + "," + feeText + ",,,," + methods[(int) (i % methods.length)]
                        + "classic,," + batch + ",,,,,,,\n");
            }
        }
    }
}
