package dev.paydesk.payments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.payments.FileImports;
import dev.paydesk.payments.ImportResult;
import dev.paydesk.payments.Provider;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.PanBoundary;
import dev.paydesk.platform.PanRedactor;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.MoneyParser;

/**
 * File imports. Each runs in one transaction (a crash halfway leaves nothing half-imported) and adds
 * a row only when its content key is new, so importing the same file again adds nothing. Rows that
 * cannot be read go to the quarantine with their line number; the rest still import. The Adyen
 * settlement report, the one that comes with millions of rows, has its own bulk path
 * ({@link AdyenSettlementImport}).
 */
@Service
class FileImportService implements FileImports {

    private final JdbcClient jdbc;
    private final PaymentsStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final ReportImports reports;
    private final BankStatementImport bank;
    private final AdyenSettlementImport adyen;
    private final PanBoundary pan;

    FileImportService(JdbcClient jdbc, PaymentsStore store, AuditLog audit, Clock clock, ReportImports reports,
                      BankStatementImport bank, AdyenSettlementImport adyen, PanBoundary pan) {
        this.pan = pan;
        this.reports = reports;
        this.bank = bank;
        this.adyen = adyen;
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
    public ImportResult importFile(String kind, String rawFileName, InputStream rawContent) {
        // the one choke point of every payment file reader: each line passes the card-number boundary as it is read
        String fileName = pan.text(rawFileName);
        InputStream content = pan.stream(rawContent);
        Instant started = clock.instant();
        Counts counts = switch (kind) {
            case "adyen-settlement" -> counts(adyen.load(fileName, content));
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
        announce(kind, fileName, counts.added);
        return result;
    }

    private org.springframework.context.@Nullable ApplicationEventPublisher events;

    @org.springframework.beans.factory.annotation.Autowired
    void events(org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Tells reconciliation which booking dates a settlement file covered (published with the import's transaction). */
    private void announce(String kind, String fileName, int added) {
        if (events == null || !kind.endsWith("-settlement") && !kind.equals("stripe-balance")) {
            return;
        }
        Instant[] range = {null, null};
        jdbc.sql("select min(booked_at) first, max(booked_at) last from payments_settlement_line where source_file = :file")
                .param("file", fileName).query(rs -> {
                    Timestamp first = rs.getTimestamp("first");
                    Timestamp last = rs.getTimestamp("last");
                    range[0] = first == null ? null : first.toInstant();
                    range[1] = last == null ? null : last.toInstant();
                });
        events.publishEvent(new dev.paydesk.payments.PaymentFileImported(kind, fileName, added, range[0], range[1]));
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

    private Counts orders(String fileName, InputStream content) {
        Counts counts = new Counts();
        try (CSVParser parser = csv(content)) {
            for (CSVRecord r : parser) {
                counts.read++;
                int line = (int) r.getRecordNumber() + 1;
                try {
                    Intake.line(parser.getHeaderNames(), r.toList());
                    String ref = Intake.reference("merchant_reference", required(r, "merchant_reference"));
                    String currency = Intake.currency("currency", required(r, "currency")).getCurrencyCode();
                    // what the customer owes: zero for a fully discounted order, never negative
                    long due = Intake.decimal("amount", required(r, "amount"), Currency.getInstance(currency),
                            MoneyParser.Sign.NON_NEGATIVE);
                    String market = Intake.market("market", optional(r, "market"));
                    Intake.reference("customer_reference", optional(r, "customer_reference"));
                    int changed = jdbc.sql("""
                            insert into payments_order (merchant_reference, market, customer_reference, amount_due_minor,
                                currency, expected_method, placeholder)
                            values (:ref, :market, :customer, :due, :currency, :method, false)
                            on conflict (merchant_reference) do update set market = excluded.market,
                                customer_reference = excluded.customer_reference, amount_due_minor = excluded.amount_due_minor,
                                currency = excluded.currency, expected_method = excluded.expected_method, placeholder = false
                            where payments_order.placeholder or payments_order.amount_due_minor is distinct from excluded.amount_due_minor""")
                            .param("ref", ref).param("market", market)
                            .param("customer", optional(r, "customer_reference")).param("due", due)
                            .param("currency", currency).param("method", optional(r, "expected_method")).update();
                    counts.added += changed;
                } catch (MalformedPayloadException e) {
                    counts.bad++;
                    store.quarantine("file:" + fileName, Provider.MERCHANT, null, line, e.getMessage(),
                            PanRedactor.redact(String.join(",", r.toList())), clock.instant());
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw unreadable(e);
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
                    Intake.line(parser.getHeaderNames(), r.toList());
                    String currency = Intake.currency("currency", required(r, "currency")).getCurrencyCode();
                    long amount = Intake.decimal("amount", required(r, "amount"), Currency.getInstance(currency),
                            MoneyParser.Sign.POSITIVE);
                    Instant at = Intake.instant("requested_at", Json.instant(required(r, "requested_at")));
                    Intake.reference("refund_reference", required(r, "refund_reference"));
                    Intake.reference("merchant_reference", required(r, "merchant_reference"));
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
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw unreadable(e);
        }
        return counts;
    }

    /** A file that cannot be split into records (a quote never closed, a header name twice): refused whole, a 400. */
    private static InvalidInputException unreadable(Exception e) {
        return new InvalidInputException("file", "the file is not readable CSV: " + e.getMessage());
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
