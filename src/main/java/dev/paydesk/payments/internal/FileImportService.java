package dev.paydesk.payments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.payments.FileImports;
import dev.paydesk.payments.ImportResult;
import dev.paydesk.payments.Provider;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.PanRedactor;
import dev.paydesk.shared.InvalidInputException;

/**
 * File imports. Each runs in one transaction (a crash halfway leaves nothing half-imported), streams
 * rows into a temporary table with PostgreSQL COPY and moves them into place with
 * {@code ON CONFLICT DO NOTHING} on a content key, so importing the same file again adds nothing. Rows
 * that cannot be read go to the quarantine with their line number; the rest still import.
 */
@Service
class FileImportService implements FileImports {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FileImportService.class);

    private static final Pattern BATCH = Pattern.compile("batch_(\\d+)");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final PaymentsStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final ReportImports reports;
    private final BankStatementImport bank;

    FileImportService(DataSource dataSource, JdbcClient jdbc, PaymentsStore store, AuditLog audit, Clock clock,
                      ReportImports reports, BankStatementImport bank) {
        this.reports = reports;
        this.bank = bank;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<String> kinds() {
        return List.of("adyen-settlement", "stripe-balance", "paypal-settlement", "klarna-settlement", "camt053",
                "orders", "refund-requests");
    }

    @Override
    @Transactional
    public ImportResult importFile(String kind, String fileName, InputStream content) {
        Instant started = clock.instant();
        Counts counts = switch (kind) {
            case "adyen-settlement" -> adyenSettlement(fileName, content);
            case "stripe-balance" -> counts(reports.stripe(fileName, content));
            case "paypal-settlement" -> counts(reports.paypal(fileName, content));
            case "klarna-settlement" -> counts(reports.klarna(fileName, content));
            case "camt053" -> counts(bank.camt053(fileName, content));
            case "orders" -> orders(fileName, content);
            case "refund-requests" -> refundRequests(fileName, content);
            default -> throw new InvalidInputException("kind", "unknown import kind '" + kind + "'; known: " + kinds());
        };
        Instant finished = clock.instant();
        ImportResult result = new ImportResult(kind, fileName, counts.read, counts.added, counts.bad,
                Duration.between(started, finished));
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into payments_import (id, kind, file_name, rows_read, rows_new, rows_bad, started_at, finished_at, actor)
                values (:id, :kind, :file, :read, :added, :bad, :started, :finished, :actor)""")
                .param("id", id).param("kind", kind).param("file", fileName).param("read", counts.read)
                .param("added", counts.added).param("bad", counts.bad).param("started", Timestamp.from(started))
                .param("finished", Timestamp.from(finished)).param("actor", CurrentUser.actorName()).update();
        audit.record("payments.file_imported", "payments_import", id.toString(), null, null, result);
        return result;
    }

    private static Counts counts(ReportImports.Counts c) {
        Counts counts = new Counts();
        counts.read = c.read();
        counts.added = c.added();
        counts.bad = c.bad();
        return counts;
    }

    private static final class Counts {
        int read;
        int added;
        int bad;
    }

    private Counts adyenSettlement(String fileName, InputStream content) {
        Matcher m = BATCH.matcher(fileName);
        String fileBatch = m.find() ? m.group(1) : null;
        long begun = System.nanoTime();
        Counts counts = new Counts();
        Map<UUID, Integer> seen = new HashMap<>();
        List<BadRow> badRows = new java.util.ArrayList<>();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.createStatement().execute("""
                    create temp table if not exists payments_settlement_stage (like payments_settlement_line
                        including defaults) on commit drop""");
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            // Parsing (this thread) and COPY (the database, fed by a second thread) overlap on two cores.
            ChunkPipe pipe = new ChunkPipe();
            java.util.concurrent.ExecutorService copier = java.util.concurrent.Executors.newSingleThreadExecutor();
            CompletableFuture<Long> copied = CompletableFuture.supplyAsync(() -> {
                try {
                    return copy.copyIn(COPY_STAGE, pipe);
                } catch (SQLException | IOException e) {
                    throw new IllegalStateException("COPY into the staging table failed: " + e.getMessage(), e);
                } finally {
                    pipe.close();
                }
            }, copier);
            copier.shutdown();
            StringBuilder chunk = new StringBuilder(1 << 16);
            StringBuilder identity = new StringBuilder(256);
            try (FastCsvRecords records = new FastCsvRecords(
                    new InputStreamReader(content, StandardCharsets.UTF_8))) {
                SettlementLineParser.Columns columns = new SettlementLineParser.Columns(records.header());
                for (String[] values = records.next(); values != null; values = records.next()) {
                    counts.read++;
                    long line = records.recordNumber() + 1;
                    try {
                        SettlementLineParser.Line l = SettlementLineParser.parse(columns, values, fileBatch);
                        identity.setLength(0);
                        identity.append(l.merchantAccount()).append('\u001f').append(l.batch()).append('\u001f');
                        for (int i = 0; i < values.length; i++) {
                            (i == 0 ? identity : identity.append(',')).append(values[i]);
                        }
                        UUID hash = UUID.nameUUIDFromBytes(identity.toString().getBytes(StandardCharsets.UTF_8));
                        int occurrence = seen.merge(hash, 1, Integer::sum);
                        UUID key = occurrence == 1 ? hash
                                : UUID.nameUUIDFromBytes((hash + "#" + occurrence).getBytes(StandardCharsets.UTF_8));
                        appendRow(chunk, key.toString(), l, (int) line, fileName);
                        if (chunk.length() > (1 << 16) - 1024) {
                            pipe.put(chunk.toString());
                            chunk.setLength(0);
                        }
                    } catch (MalformedPayloadException e) {
                        // the connection is busy with the COPY: quarantine after it
                        badRows.add(new BadRow((int) line, e.getMessage(), String.join(",", values)));
                    }
                }
                pipe.put(chunk.toString());
            } catch (IOException e) {
                pipe.finish();
                try {
                    copied.join();
                } catch (CompletionException ignored) {
                    // the read failure is the one to report
                }
                throw e;
            } finally {
                pipe.finish();
            }
            copied.join();
            long staged = System.nanoTime();
            for (BadRow bad : badRows) {
                counts.bad++;
                store.quarantine("file:" + fileName, Provider.ADYEN, null, bad.line(), bad.reason(),
                        PanRedactor.redact(bad.raw()), clock.instant());
            }
            counts.added = connection.createStatement().executeUpdate("""
                    insert into payments_settlement_line select * from payments_settlement_stage
                    on conflict (line_key) do nothing""");
            connection.createStatement().execute("truncate payments_settlement_stage");
            log.info("settlement file {}: {} rows parsed and staged in {} ms, {} new moved into place in {} ms", fileName,
                    counts.read, (staged - begun) / 1_000_000, counts.added, (System.nanoTime() - staged) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("settlement import failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CompletionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return counts;
    }

    private record BadRow(int line, String reason, String raw) {
    }

    private static final String COPY_STAGE = "copy payments_settlement_stage (line_key, provider, merchant_account, "
            + "batch, line_number, psp_reference, merchant_reference, modification_reference, payment_method, "
            + "record_type, booked_at, gross_currency, gross_debit_minor, gross_credit_minor, net_currency, "
            + "net_debit_minor, net_credit_minor, fees_minor, source_file) from stdin";

    private static void appendRow(StringBuilder sb, String key, SettlementLineParser.Line l, int line, String file) {
        field(sb, key).append('\t');
        sb.append("ADYEN\t");
        field(sb, l.merchantAccount()).append('\t');
        field(sb, l.batch()).append('\t');
        sb.append(line).append('\t');
        field(sb, l.psp()).append('\t');
        field(sb, l.merchantReference()).append('\t');
        field(sb, l.modification()).append('\t');
        field(sb, l.method()).append('\t');
        field(sb, l.type()).append('\t');
        field(sb, l.bookedAt() == null ? null : l.bookedAt().toString()).append('\t');
        field(sb, l.grossCurrency()).append('\t');
        num(sb, l.grossDebit()).append('\t');
        num(sb, l.grossCredit()).append('\t');
        field(sb, l.netCurrency()).append('\t');
        num(sb, l.netDebit()).append('\t');
        num(sb, l.netCredit()).append('\t');
        sb.append(l.fees()).append('\t');
        field(sb, file).append('\n');
    }

    private static StringBuilder num(StringBuilder sb, @Nullable Long value) {
        return value == null ? sb.append("\\N") : sb.append(value.longValue());
    }

    /** Text-format COPY escaping: backslash, tab, newline and carriage return. */
    private static StringBuilder field(StringBuilder sb, @Nullable String value) {
        if (value == null) {
            return sb.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb;
    }

    private Counts orders(String fileName, InputStream content) {
        Counts counts = new Counts();
        try (CSVParser parser = csv(content)) {
            for (CSVRecord r : parser) {
                counts.read++;
                int line = (int) r.getRecordNumber() + 1;
                try {
                    String ref = required(r, "merchant_reference");
                    String currency = required(r, "currency");
                    Long due = SettlementLineParser.minor(required(r, "amount"), currency, "amount");
                    int changed = jdbc.sql("""
                            insert into payments_order (merchant_reference, market, customer_reference, amount_due_minor,
                                currency, expected_method, placeholder)
                            values (:ref, :market, :customer, :due, :currency, :method, false)
                            on conflict (merchant_reference) do update set market = excluded.market,
                                customer_reference = excluded.customer_reference, amount_due_minor = excluded.amount_due_minor,
                                currency = excluded.currency, expected_method = excluded.expected_method, placeholder = false
                            where payments_order.placeholder or payments_order.amount_due_minor is distinct from excluded.amount_due_minor""")
                            .param("ref", ref).param("market", optional(r, "market"))
                            .param("customer", optional(r, "customer_reference")).param("due", due)
                            .param("currency", currency).param("method", optional(r, "expected_method")).update();
                    counts.added += changed;
                } catch (MalformedPayloadException e) {
                    counts.bad++;
                    store.quarantine("file:" + fileName, Provider.MERCHANT, null, line, e.getMessage(),
                            PanRedactor.redact(String.join(",", r.toList())), clock.instant());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    private Counts refundRequests(String fileName, InputStream content) {
        Counts counts = new Counts();
        try (CSVParser parser = csv(content)) {
            for (CSVRecord r : parser) {
                counts.read++;
                int line = (int) r.getRecordNumber() + 1;
                try {
                    String currency = required(r, "currency");
                    Long amount = SettlementLineParser.minor(required(r, "amount"), currency, "amount");
                    Instant at = Json.instant(required(r, "requested_at"));
                    counts.added += jdbc.sql("""
                            insert into payments_refund_request (refund_reference, merchant_reference, amount_minor, currency, requested_at)
                            values (:ref, :order, :amount, :currency, :at) on conflict (refund_reference) do nothing""")
                            .param("ref", required(r, "refund_reference")).param("order", required(r, "merchant_reference"))
                            .param("amount", amount).param("currency", currency).param("at", Timestamp.from(at)).update();
                } catch (MalformedPayloadException e) {
                    counts.bad++;
                    store.quarantine("file:" + fileName, Provider.MERCHANT, null, line, e.getMessage(),
                            PanRedactor.redact(String.join(",", r.toList())), clock.instant());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    private static CSVParser csv(InputStream content) throws IOException {
        Reader reader = new InputStreamReader(content, StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                .setAllowMissingColumnNames(true).get().parse(reader);
    }

    private static String required(CSVRecord r, String column) {
        String v = SettlementLineParser.get(r, column);
        if (v == null) {
            throw new MalformedPayloadException("'" + column + "' is empty");
        }
        return v;
    }

    private static @Nullable String optional(CSVRecord r, String column) {
        return SettlementLineParser.get(r, column);
    }

}
