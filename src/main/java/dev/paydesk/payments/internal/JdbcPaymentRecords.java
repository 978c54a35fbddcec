package dev.paydesk.payments.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.payments.PaymentRecords;
import dev.paydesk.payments.Provider;
import dev.paydesk.payments.TransactionKind;

/**
 * Streams the mirror's rows by {@code COPY (select …) TO STDOUT}, decoded from the bytes
 * ({@link CopyRows}; nothing buffers a whole result). The orders in scope are first collected into a
 * temporary table, then each table is read once, joined to it; a range that holds every time in the
 * mirror skips the scope and reads each table whole.
 */
@Component
class JdbcPaymentRecords implements PaymentRecords {

    private static final int FETCH_SIZE = 10_000;
    private static final String WORK_MEM = "256MB";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JdbcPaymentRecords.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    JdbcPaymentRecords(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.dataSource = dataSource;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(template);
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void read(Instant from, Instant to, RecordSink sink) {
        transactions.executeWithoutResult(status -> {
            createScope();
            if (coversEverything(from, to)) {
                Phases.mark("range check (every record in range: no scope)");
                stream(from, to, true, sink);
                return;
            }
            // the range's settlement lines are read once (three narrow columns), not once per kind of reference
            jdbc.sql("""
                    with lines as materialized (
                        select merchant_reference, psp_reference, modification_reference from payments_settlement_line
                        where booked_at >= :from and booked_at < :to)
                    insert into payments_read_scope
                    select merchant_reference from payments_transaction
                        where occurred_at >= :from and occurred_at < :to and merchant_reference is not null
                    union select merchant_reference from payments_refund_request where requested_at >= :from and requested_at < :to
                    union select merchant_reference from payments_order where created_at >= :from and created_at < :to
                    union select merchant_reference from lines where merchant_reference is not null
                    union select o.merchant_reference from payments_order o where o.merchant_reference in (
                        select regexp_split_to_table(concat_ws(' ', merchant_reference, modification_reference),
                            '[^A-Za-z0-9_/-]+') from lines
                        where concat_ws(' ', merchant_reference, modification_reference) ~ '[^A-Za-z0-9_/-]')
                    union select t.merchant_reference from payments_transaction t
                        where t.merchant_reference is not null and t.provider_reference in (
                            select psp_reference from lines union all select modification_reference from lines)""")
                    .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).update();
            Phases.mark("scope");
            stream(from, to, false, sink);
        });
    }

    @Override
    public void readOrders(Collection<String> merchantReferences, RecordSink sink) {
        if (merchantReferences.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            createScope();
            jdbc.sql("insert into payments_read_scope select distinct unnest(cast(:refs as text[]))")
                    .param("refs", merchantReferences.toArray(String[]::new)).update();
            stream(null, null, false, sink);
        });
    }

    private void createScope() {
        Phases.start();
        // no indexes: filled with distinct values and only ever hash-joined whole, a million keys at a time
        jdbc.sql("create temp table if not exists payments_read_scope (merchant_reference text) on commit drop").update();
        jdbc.sql("create temp table if not exists payments_read_refs (ref text) on commit drop").update();
        // room for those hash joins and the scope's de-duplication in memory (the default 4 MB spills them to disk)
        jdbc.sql("set local work_mem = '" + WORK_MEM + "'").update();
        jdbc.sql("truncate payments_read_scope, payments_read_refs").update();
    }

    /**
     * Whether {@code [from, to)} holds every time in the mirror (every movement, refund request, order
     * and booked settlement line): then the scope is every order and every movement with an order, and
     * the read needs no scope table and no joins, only one scan of each table.
     */
    private boolean coversEverything(Instant from, Instant to) {
        Boolean covers = jdbc.sql("""
                select coalesce((select min(occurred_at) >= :from and max(occurred_at) < :to from payments_transaction), true)
                   and coalesce((select min(requested_at) >= :from and max(requested_at) < :to from payments_refund_request), true)
                   and coalesce((select min(created_at) >= :from and max(created_at) < :to from payments_order), true)
                   and coalesce((select min(booked_at) >= :from and max(booked_at) < :to from payments_settlement_line), true)""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Boolean.class).single();
        return Boolean.TRUE.equals(covers);
    }

    private static final String ORDER_COLUMNS = "o.merchant_reference, o.market, o.customer_reference, o.amount_due_minor, "
            + "o.currency, o.expected_method";
    private static final String TRANSACTION_COLUMNS = "t.id, t.provider, t.merchant_account, t.kind, t.provider_reference, "
            + "t.original_reference, t.merchant_reference, t.customer_reference, t.status, t.amount_minor, t.currency, "
            + "t.method, " + CopyRows.micros("t.occurred_at");
    private static final String REQUEST_COLUMNS = "r.refund_reference, r.merchant_reference, r.amount_minor, r.currency, "
            + CopyRows.micros("r.requested_at");
    private static final String LINE_COLUMNS = "x.line_key, x.provider, x.merchant_account, x.batch, x.psp_reference, "
            + "x.merchant_reference, x.modification_reference, x.payment_method, x.record_type, "
            + CopyRows.micros("x.booked_at") + ", x.gross_currency, "
            + "coalesce(x.gross_credit_minor, 0) - coalesce(x.gross_debit_minor, 0), x.net_currency, "
            + "coalesce(x.net_credit_minor, 0) - coalesce(x.net_debit_minor, 0), x.fees_minor";

    /**
     * Streams the records in scope by {@code COPY (select …) TO STDOUT}, decoded from the bytes
     * ({@link CopyRows}). {@code full}: the range holds every time in the mirror, so every order,
     * movement with an order and refund request is in scope, read without the scope tables.
     */
    private void stream(@Nullable Instant from, @Nullable Instant to, boolean full, RecordSink sink) {
        String lower = literal(from == null ? Instant.EPOCH : from);
        String upper = literal(to == null ? Instant.EPOCH : to);
        String inRange = "x.booked_at >= " + lower + " and x.booked_at < " + upper;
        String outside = "(not (" + inRange + ") or x.booked_at is null)";
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (!full) {
                jdbc.sql("analyze payments_read_scope").update();
                Phases.mark("analyze");
            }
            CopyRows.copy(connection, "select " + ORDER_COLUMNS + " from payments_order o"
                    + (full ? "" : " join payments_read_scope s using (merchant_reference)"), 6, row -> sink.order(
                    new OrderRecord(row.required(0), row.shared(1), row.text(2), row.numberOrNull(3), trim(row.shared(4)),
                            row.shared(5))));
            Phases.mark("orders");
            CopyRows.copy(connection, "select " + TRANSACTION_COLUMNS + " from payments_transaction t"
                    + (full ? " where t.merchant_reference is not null"
                    : " join payments_read_scope s using (merchant_reference)"), 13, row -> sink.transaction(
                    new TransactionRecord(row.uuid(0), Provider.valueOf(row.shared(1)), row.shared(2),
                            TransactionKind.valueOf(row.shared(3)), row.required(4), row.text(5), row.text(6), row.text(7),
                            row.shared(8), row.number(9), trim(row.shared(10)), row.shared(11), row.instant(12))));
            Phases.mark("transactions");
            CopyRows.copy(connection, "select " + REQUEST_COLUMNS + " from payments_refund_request r"
                    + (full ? "" : " join payments_read_scope s using (merchant_reference)"), 5, row -> sink.refundRequest(
                    new RefundRequestRecord(row.required(0), row.required(1), row.number(2), trim(row.shared(3)),
                            row.instant(4))));
            Phases.mark("refund requests");
            String lines;
            if (full) {
                // every booked line is in the range; a line without a booking time comes when it names what the
                // scope tables would hold: an order, a movement's or refund request's order, a booked line's
                // merchant reference, or a movement with an order by its PSP or modification reference
                lines = "select " + LINE_COLUMNS + " from payments_settlement_line x where " + inRange
                        + " union all select " + LINE_COLUMNS + " from payments_settlement_line x where x.booked_at is null"
                        + " and (exists (select 1 from payments_order o where o.merchant_reference = x.merchant_reference)"
                        + " or exists (select 1 from payments_transaction t where t.merchant_reference = x.merchant_reference)"
                        + " or exists (select 1 from payments_refund_request r where r.merchant_reference = x.merchant_reference)"
                        + " or exists (select 1 from payments_settlement_line l where l.booked_at is not null"
                        + " and l.merchant_reference = x.merchant_reference)"
                        + " or exists (select 1 from payments_transaction t where t.merchant_reference is not null"
                        + " and t.provider_reference in (x.psp_reference, x.modification_reference)))";
            } else {
                jdbc.sql("""
                        insert into payments_read_refs select distinct t.provider_reference from payments_transaction t
                        join payments_read_scope s using (merchant_reference)""").update();
                jdbc.sql("analyze payments_read_refs").update();
                // unordered (the reader sorts what it keeps: a sort of a million wide rows in the database spills to
                // disk); the lines of the range, then those outside it that name an order or movement in scope; a
                // line naming several comes more than once and the sink keeps the first (no dedupe in the database)
                lines = "select " + LINE_COLUMNS + " from payments_settlement_line x where " + inRange
                        + " union all select " + LINE_COLUMNS + " from payments_settlement_line x"
                        + " join payments_read_scope s using (merchant_reference) where " + outside
                        + " union all select " + LINE_COLUMNS + " from payments_settlement_line x"
                        + " join payments_read_refs r on r.ref = x.psp_reference where " + outside
                        + " union all select " + LINE_COLUMNS + " from payments_settlement_line x"
                        + " join payments_read_refs r on r.ref = x.modification_reference where " + outside;
            }
            CopyRows.copy(connection, lines, 15, row -> sink.settlementLine(new SettlementLineRecord(row.uuid(0),
                    Provider.valueOf(row.shared(1)), row.shared(2), row.shared(3), row.text(4), row.text(5), row.text(6),
                    row.shared(7), row.shared(8), row.instant(9), trim(row.shared(10)), row.number(11),
                    trim(row.shared(12)), row.number(13), row.number(14))));
            Phases.mark("settlement lines");
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not read the payment records", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        log.info("read: {}", Phases.report());
    }

    /** A time as a SQL literal (COPY takes no parameters); from an Instant, so nothing to escape. */
    private static String literal(Instant instant) {
        return "'" + instant + "'::timestamptz";
    }

    /** Milliseconds per phase of a read on this thread, for the log (where a large run spends its time). */
    private static final class Phases {
        private static final ThreadLocal<StringBuilder> REPORT = ThreadLocal.withInitial(StringBuilder::new);
        private static final ThreadLocal<long[]> LAST = ThreadLocal.withInitial(() -> new long[] {System.nanoTime()});

        static void start() {
            REPORT.remove();
            LAST.get()[0] = System.nanoTime();
        }

        static void mark(String phase) {
            long now = System.nanoTime();
            REPORT.get().append(phase).append(' ').append((now - LAST.get()[0]) / 1_000_000).append(" ms, ");
            LAST.get()[0] = now;
        }

        static String report() {
            String text = REPORT.get().toString();
            REPORT.remove();
            LAST.remove();
            return text;
        }
    }

    private static @Nullable String trim(@Nullable String currency) {
        return currency == null ? null : currency.trim();
    }

}
