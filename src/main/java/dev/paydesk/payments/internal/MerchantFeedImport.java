package dev.paydesk.payments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.payments.PaymentFileImported;
import dev.paydesk.payments.PaymentRecorded;
import dev.paydesk.payments.PaymentsRecorded;
import dev.paydesk.payments.Provider;
import dev.paydesk.payments.TransactionKind;
import dev.paydesk.platform.PanRedactor;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.Money;
import dev.paydesk.shared.MoneyParser;

/**
 * The merchant's own feeds: orders, refund requests and the captures the merchant booked. Each row is
 * checked as before (bad rows go to the quarantine with their line number), the good ones are sent
 * in one text COPY to a temporary table and moved into place by one set-based statement, inside the
 * caller's transaction: a million-row feed costs a COPY and an insert, not a million round trips.
 */
@Component
class MerchantFeedImport {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MerchantFeedImport.class);
    /** A captures feed with up to this many new captures publishes them one by one ({@link PaymentsRecorded}). */
    static final int RECORDED_EVENT_LIMIT = 10_000;

    private final FeedStage.Opener stages;
    private final PaymentsStore store;
    private final Clock clock;
    private final @Nullable JdbcClient jdbc;
    private final @Nullable ApplicationEventPublisher events;

    @org.springframework.beans.factory.annotation.Autowired
    MerchantFeedImport(DataSource dataSource, JdbcClient jdbc, PaymentsStore store, Clock clock,
                       ApplicationEventPublisher events) {
        this(new CopyFeedStages(dataSource, jdbc), store, clock, jdbc, events);
    }

    MerchantFeedImport(FeedStage.Opener stages, PaymentsStore store, Clock clock) {
        this(stages, store, clock, null, null);
    }

    private MerchantFeedImport(FeedStage.Opener stages, PaymentsStore store, Clock clock, @Nullable JdbcClient jdbc,
                               @Nullable ApplicationEventPublisher events) {
        this.stages = stages;
        this.store = store;
        this.clock = clock;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Orders: new ones added, known ones updated when a placeholder or when the amount due changed; the last row of a reference wins. */
    ReportImports.Counts orders(String fileName, InputStream content) {
        return load(fileName, content, "line int, ref text, market text, customer text, due bigint, currency text, method text",
                (r, row) -> {
                    String ref = Intake.reference("merchant_reference", required(r, "merchant_reference"));
                    String currency = Intake.currency("currency", required(r, "currency")).getCurrencyCode();
                    // what the customer owes: zero for a fully discounted order, never negative
                    long due = Intake.decimal("amount", required(r, "amount"), Currency.getInstance(currency),
                            MoneyParser.Sign.NON_NEGATIVE);
                    String market = Intake.market("market", optional(r, "market"));
                    String customer = Intake.reference("customer_reference", optional(r, "customer_reference"));
                    row.add(ref).add(market).add(customer).add(due).add(currency).add(optional(r, "expected_method"));
                }, """
                insert into payments_order (merchant_reference, market, customer_reference, amount_due_minor,
                    currency, expected_method, placeholder)
                select distinct on (ref) ref, market, customer, due, currency, method, false from %s order by ref, line desc
                on conflict (merchant_reference) do update set market = excluded.market,
                    customer_reference = excluded.customer_reference, amount_due_minor = excluded.amount_due_minor,
                    currency = excluded.currency, expected_method = excluded.expected_method, placeholder = false
                where payments_order.placeholder or payments_order.amount_due_minor is distinct from excluded.amount_due_minor""");
    }

    /** Refund requests: append-only, a known refund reference is skipped. */
    ReportImports.Counts refundRequests(String fileName, InputStream content) {
        return load(fileName, content, "line int, ref text, ord text, amount bigint, currency text, at timestamptz",
                (r, row) -> {
                    String currency = Intake.currency("currency", required(r, "currency")).getCurrencyCode();
                    long amount = Intake.decimal("amount", required(r, "amount"), Currency.getInstance(currency),
                            MoneyParser.Sign.POSITIVE);
                    Instant at = Intake.instant("requested_at", Json.instant(required(r, "requested_at")));
                    String ref = Intake.reference("refund_reference", required(r, "refund_reference"));
                    String order = Intake.reference("merchant_reference", required(r, "merchant_reference"));
                    row.add(ref).add(order).add(amount).add(currency).add(at.toString());
                }, """
                insert into payments_refund_request (refund_reference, merchant_reference, amount_minor, currency, requested_at)
                select ref, ord, amount, currency, at from %s order by line on conflict (refund_reference) do nothing""");
    }

    /**
     * Captures as the merchant booked them ({@code capture_reference,merchant_reference,provider,amount,
     * currency,method,captured_at,customer_reference}, optional {@code merchant_account}): stored as
     * {@code CAPTURE} movements of the named provider, so a capture the provider also reports (same
     * provider and reference) is stored once, whichever arrives first.
     * The new captures are announced like webhook movements, so incremental reconciliation and the other
     * listeners see them: up to {@link #RECORDED_EVENT_LIMIT} as one {@link PaymentsRecorded}; a larger
     * feed as one {@link PaymentFileImported} with the first and last capture time (reconciliation then
     * checks that range as it does after a settlement report), rather than an event a million movements long.
     */
    ReportImports.Counts captures(String fileName, InputStream content) {
        if (jdbc != null) {
            jdbc.sql("""
                    create temp table if not exists payments_capture_added (id uuid, provider text, account text,
                        ref text, ord text, amount bigint, currency text, at timestamptz) on commit drop""").update();
            jdbc.sql("truncate payments_capture_added").update();
        }
        ReportImports.Counts counts = load(fileName, content, "line int, provider text, account text, ref text, ord text, customer text, "
                        + "amount bigint, currency text, method text, at timestamptz",
                (r, row) -> {
                    Provider provider = provider(required(r, "provider"));
                    String account = Intake.reference("merchant_account", optional(r, "merchant_account"));
                    String ref = Intake.reference("capture_reference", required(r, "capture_reference"));
                    String order = Intake.reference("merchant_reference", required(r, "merchant_reference"));
                    String customer = Intake.reference("customer_reference", optional(r, "customer_reference"));
                    String currency = Intake.currency("currency", required(r, "currency")).getCurrencyCode();
                    long amount = Intake.decimal("amount", required(r, "amount"), Currency.getInstance(currency),
                            MoneyParser.Sign.NON_NEGATIVE);
                    Instant at = Intake.instant("captured_at", Json.instant(required(r, "captured_at")));
                    row.add(provider.name()).add(account == null ? "merchant-feed" : account).add(ref).add(order)
                            .add(customer).add(amount).add(currency).add(Intake.reference("method", optional(r, "method")))
                            .add(at.toString());
                }, """
                with added as (
                    insert into payments_transaction (id, provider, merchant_account, kind, provider_reference,
                        merchant_reference, customer_reference, status, amount_minor, currency, method, occurred_at)
                    select gen_random_uuid(), provider, account, 'CAPTURE', ref, ord, customer, 'captured', amount, currency,
                        method, at from %s order by line
                    on conflict (provider, kind, provider_reference) do nothing
                    returning id, provider, merchant_account, provider_reference, merchant_reference, amount_minor,
                        currency, occurred_at)
                insert into payments_capture_added select * from added""");
        announceCaptures(fileName, counts.added());
        return counts;
    }

    private void announceCaptures(String fileName, int added) {
        if (jdbc == null || events == null || added == 0) {
            return;
        }
        if (added > RECORDED_EVENT_LIMIT) {
            jdbc.sql("select min(at), max(at) from payments_capture_added").query(rs -> {
                events.publishEvent(new PaymentFileImported("captures", fileName, added,
                        rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()));
            });
            return;
        }
        List<PaymentRecorded> recorded = jdbc.sql("select * from payments_capture_added")
                .query((rs, n) -> new PaymentRecorded(rs.getObject("id", java.util.UUID.class),
                        Provider.valueOf(rs.getString("provider")), rs.getString("account"), TransactionKind.CAPTURE,
                        rs.getString("ref"), null, rs.getString("ord"),
                        new Money(rs.getLong("amount"), Currency.getInstance(rs.getString("currency").trim())), "captured",
                        rs.getTimestamp("at").toInstant())).list();
        events.publishEvent(new PaymentsRecorded(recorded));
    }

    private static Provider provider(String name) {
        try {
            return Provider.parse(name);
        } catch (InvalidInputException e) {
            throw new MalformedPayloadException("provider: " + e.getMessage());
        }
    }

    /** Reads one CSV row into the stage row (after the line number), or refuses it. */
    private interface RowReader {
        void read(CSVRecord record, StageRow row);
    }

    private record BadRow(int line, String reason, String raw) {
    }

    private ReportImports.Counts load(String fileName, InputStream content, String stageColumns, RowReader reader,
                                      String moveInto) {
        long begun = System.nanoTime();
        FeedStage stage = stages.open(stageColumns);
        int read = 0;
        List<BadRow> bad = new ArrayList<>();
        StageRow row = new StageRow(stage);
        boolean sent = false;
        try (CSVParser parser = csv(content)) {
            for (CSVRecord r : parser) {
                read++;
                int line = (int) r.getRecordNumber() + 1;
                row.start(line);
                try {
                    Intake.line(parser.getHeaderNames(), r.toList());
                    reader.read(r, row);
                    row.end();
                } catch (MalformedPayloadException e) {
                    row.discard();
                    bad.add(new BadRow(line, e.getMessage(), String.join(",", r.toList())));
                }
            }
            row.finish();
            sent = true;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new InvalidInputException("file", "the file is not readable CSV: " + e.getMessage());
        } finally {
            if (!sent) {
                stage.cancel();
            }
        }
        // the connection was busy with the COPY: quarantine after it
        for (BadRow b : bad) {
            store.quarantine("file:" + fileName, Provider.MERCHANT, null, b.line(), b.reason(), PanRedactor.redact(b.raw()),
                    clock.instant());
        }
        long staged = System.nanoTime();
        int added = stage.moveInto(moveInto);
        log.info("feed {}: {} rows read, {} bad, staged in {} ms; {} added in {} ms", fileName, read, bad.size(),
                (staged - begun) / 1_000_000, added, (System.nanoTime() - staged) / 1_000_000);
        return new ReportImports.Counts(read, added, bad.size());
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

    /** Rows in COPY's text format, buffered and sent in blocks of about 256 KB. */
    static final class StageRow {
        private static final int BLOCK = 1 << 18;
        private final FeedStage stage;
        private final StringBuilder text = new StringBuilder(BLOCK + 4096);
        private int rowStart;

        StageRow(FeedStage stage) {
            this.stage = stage;
        }

        void start(int line) {
            rowStart = text.length();
            text.append(line);
        }

        StageRow add(long value) {
            text.append('\t').append(value);
            return this;
        }

        StageRow add(@Nullable String value) {
            text.append('\t');
            if (value == null) {
                text.append("\\N");
                return this;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
            return this;
        }

        void discard() {
            text.setLength(rowStart);
        }

        void end() {
            text.append('\n');
            if (text.length() >= BLOCK) {
                send();
            }
        }

        void finish() {
            send();
            stage.end();
        }

        private void send() {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            stage.write(bytes, bytes.length);
            text.setLength(0);
        }
    }
}
