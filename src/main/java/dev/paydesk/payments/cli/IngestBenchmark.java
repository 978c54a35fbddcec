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
 * {@code bin/paydesk bench ingest}: generates an Adyen Settlement details report, imports it through
 * Paydesk (parse, validate, COPY to staging, idempotent insert) and, in the same run, loads the same
 * file with a raw PostgreSQL {@code COPY} into an unindexed text table — the floor any import can reach.
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
        Path file = dir.resolve("settlement_detail_report_batch_" + batch + ".csv");
        generate(file, rows, batch);
        long bytes = Files.size(file);
        long copyNanos = rawCopy(file);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "bench", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        long start = System.nanoTime();
        ImportResult result;
        try (InputStream in = Files.newInputStream(file)) {
            result = imports.importFile("adyen-settlement", file.getFileName().toString(), in);
        }
        long importNanos = System.nanoTime() - start;
        long reStart = System.nanoTime();
        ImportResult again;
        try (InputStream in = Files.newInputStream(file)) {
            again = imports.importFile("adyen-settlement", file.getFileName().toString(), in);
        }
        long reimportNanos = System.nanoTime() - reStart;
        Files.delete(file);
        Files.delete(dir);
        double importS = importNanos / 1e9;
        double copyS = copyNanos / 1e9;
        double ratio = importS / copyS;
        if (json) {
            System.out.printf(java.util.Locale.ROOT, "{\"rows\":%d,\"file_mb\":%.1f,\"import_s\":%.3f,\"copy_s\":%.3f,"
                    + "\"ratio_vs_copy\":%.2f,\"rows_per_s\":%.0f,\"rows_new\":%d,\"reimport_s\":%.3f,\"reimport_rows_new\":%d}%n",
                    rows, bytes / 1e6, importS, copyS, ratio, rows / importS, result.rowsNew(), reimportNanos / 1e9,
                    again.rowsNew());
        } else {
            System.out.printf("Adyen settlement file: %,d rows, %.1f MB%n", rows, bytes / 1e6);
            System.out.printf("%-44s %10s %14s%n", "path", "seconds", "rows/s");
            System.out.printf("%-44s %10.3f %,14.0f%n", "raw COPY into unindexed text table (baseline)", copyS, rows / copyS);
            System.out.printf("%-44s %10.3f %,14.0f%n", "Paydesk import (parse, validate, idempotent)", importS, rows / importS);
            System.out.printf("%-44s %10.3f %14s%n", "Paydesk re-import of the same file", reimportNanos / 1e9,
                    again.rowsNew() + " new");
            System.out.printf("ratio vs COPY: %.2f (target <= 2.0); rows stored: %,d%n", ratio, result.rowsNew());
        }
        return 0;
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

    static void generate(Path file, int rows, long batch) throws Exception {
        Random random = new Random(42);
        String[] methods = {"visa", "mc", "amex", "paypal", "klarna", "ideal"};
        String[] types = {"Settled", "Settled", "Settled", "Settled", "Refunded", "Chargeback", "Fee"};
        LocalDateTime base = LocalDateTime.of(2026, 11, 1, 0, 0);
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(HEADER);
            out.write('\n');
            for (int i = 0; i < rows; i++) {
                String type = types[random.nextInt(types.length)];
                long cents = 100 + random.nextInt(50_000);
                long fee = cents / 50;
                boolean credit = type.equals("Settled");
                String gross = (cents / 100) + "." + String.format("%02d", cents % 100);
                String net = ((credit ? cents - fee : cents + fee) / 100) + "."
                        + String.format("%02d", (credit ? cents - fee : cents + fee) % 100);
                String feeText = (fee / 100) + "." + String.format("%02d", fee % 100);
                out.write("PaydeskCo,PaydeskEU," + (8_800_000_000_000_000L + i) + ",ORD-" + (1_000_000 + i) + ","
                        + methods[i % methods.length] + "," + base.plusSeconds(i * 2L).format(fmt) + ",CET," + type + ","
                        + (9_900_000_000_000_000L + i) + ",EUR," + (credit ? "," + gross : gross + ",") + ",1,EUR,"
                        + (credit ? "," + net : net + ",") + "," + feeText + ",,,," + methods[i % methods.length]
                        + "classic,," + batch + ",,,,,,,\n");
            }
        }
    }
}
