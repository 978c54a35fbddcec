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
    /**
     * Up to this many orders are read by their index with the references inline: no temporary tables,
     * which cost more than the read itself for the few orders of a webhook batch (insights, incremental
     * runs); more go through the scope table, which hash-joins a million at a time.
     */
    static final int LISTED_LIMIT = 1_000;
    /** Up to this many orders, their settlement lines are looked up reference by reference ({@link #streamListed}). */
    static final int PROBED_LIMIT = 32;
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
            if (holdsEveryRecord(from, to)) {
                Phases.mark("range check (every record in range: no scope table)");
                readWhole(from, to, sink);
                return;
            }
            readScoped(from, to, sink);
        });
    }

    /** The read through the scope table (any range); call inside the read's transaction, after {@link #createScope}. */
    void readScoped(Instant from, Instant to, RecordSink sink) {
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
        streamScoped(from, to, sink);
    }

    @Override
    public void readOrders(Collection<String> merchantReferences, RecordSink sink) {
        if (merchantReferences.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            if (merchantReferences.size() <= LISTED_LIMIT) {
                streamListed(merchantReferences, sink);
            } else {
                readOrdersThroughScope(merchantReferences, sink);
            }
        });
    }

    /** {@link #readOrders} through the scope table; call inside a transaction. */
    void readOrdersThroughScope(Collection<String> merchantReferences, RecordSink sink) {
        createScope();
        jdbc.sql("insert into payments_read_scope select distinct unnest(cast(:refs as text[]))")
                .param("refs", merchantReferences.toArray(String[]::new)).update();
        streamScoped(null, null, sink);
    }

    void createScope() {
        Phases.start();
        // no indexes: filled with distinct values and only ever hash-joined whole, a million keys at a time
        jdbc.sql("create temp table if not exists payments_read_scope (merchant_reference text) on commit drop").update();
        jdbc.sql("create temp table if not exists payments_read_refs (ref text) on commit drop").update();
        // room for those hash joins and the scope's de-duplication in memory (the default 4 MB spills them to disk)
        jdbc.sql("set local work_mem = '" + WORK_MEM + "'").update();
        jdbc.sql("truncate payments_read_scope, payments_read_refs").update();
    }

    /**
     * Whether {@code [from, to)} holds every movement, refund request and booked settlement line in the
     * mirror: then every movement with an order and every refund request is in scope, and the read
     * needs no scope table and no joins, only one scan of each table ({@link #readWhole}).
     */
    private boolean holdsEveryRecord(Instant from, Instant to) {
        Boolean covers = jdbc.sql("""
                select coalesce((select min(occurred_at) >= :from and max(occurred_at) < :to from payments_transaction), true)
                   and coalesce((select min(requested_at) >= :from and max(requested_at) < :to from payments_refund_request), true)
                   and coalesce((select min(booked_at) >= :from and max(booked_at) < :to from payments_settlement_line), true)""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Boolean.class).single();
        return Boolean.TRUE.equals(covers);
    }

    private static final String ORDER_COLUMNS = "o.merchant_reference, o.market, o.customer_reference, o.amount_due_minor, "
            + "o.currency, o.expected_method";
    private static final String TRANSACTION_COLUMNS = "t.id, t.provider, t.merchant_account, t.kind, t.provider_reference, "
            + "t.original_reference, t.merchant_reference, t.customer_reference, t.status, t.amount_minor, t.currency, "
            + "t.method, t.occurred_at";
    private static final String REQUEST_COLUMNS = "r.refund_reference, r.merchant_reference, r.amount_minor, r.currency, "
            + "r.requested_at";
    private static final String LINE_COLUMNS = "x.line_key, x.provider, x.merchant_account, x.batch, x.psp_reference, "
            + "x.merchant_reference, x.modification_reference, x.payment_method, x.record_type, "
            + "x.booked_at, x.gross_currency, "
            + "coalesce(x.gross_credit_minor, 0) - coalesce(x.gross_debit_minor, 0), x.net_currency, "
            + "coalesce(x.net_credit_minor, 0) - coalesce(x.net_debit_minor, 0), x.fees_minor";

    private static OrderRecord order(CopyRows row) {
        return new OrderRecord(row.required(0), row.shared(1), row.text(2), row.numberOrNull(3), trim(row.shared(4)),
                row.shared(5));
    }

    private static TransactionRecord transaction(CopyRows row) {
        return new TransactionRecord(row.uuid(0), Provider.valueOf(row.shared(1)), row.shared(2),
                TransactionKind.valueOf(row.shared(3)), row.required(4), row.text(5), row.text(6), row.text(7),
                row.shared(8), row.number(9), trim(row.shared(10)), row.shared(11), row.instant(12));
    }

    private static RefundRequestRecord request(CopyRows row) {
        return new RefundRequestRecord(row.required(0), row.required(1), row.number(2), trim(row.shared(3)),
                row.instant(4));
    }

    private static SettlementLineRecord line(CopyRows row) {
        return new SettlementLineRecord(row.uuid(0), Provider.valueOf(row.shared(1)), row.shared(2), row.shared(3),
                row.text(4), row.text(5), row.text(6), row.shared(7), row.shared(8), row.instant(9),
                trim(row.shared(10)), row.number(11), trim(row.shared(12)), row.number(13), row.number(14));
    }

    /** Runs {@code work} with the transaction's connection (COPY needs the driver's own connection). */
    private void withConnection(CopyWork work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            work.run(connection);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not read the payment records", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private interface CopyWork {
        void run(Connection connection) throws SQLException;
    }

    /**
     * Streams the records of the scope table by {@code COPY (select …) TO STDOUT}, decoded from the
     * bytes ({@link CopyRows}): the orders in scope, their movements and refund requests, the lines
     * of the range and the lines outside it that name an order or a movement in scope.
     */
    private void streamScoped(@Nullable Instant from, @Nullable Instant to, RecordSink sink) {
        String lower = literal(from == null ? Instant.EPOCH : from);
        String upper = literal(to == null ? Instant.EPOCH : to);
        String inRange = "x.booked_at >= " + lower + " and x.booked_at < " + upper;
        String outside = "(not (" + inRange + ") or x.booked_at is null)";
        jdbc.sql("analyze payments_read_scope").update();
        Phases.mark("analyze");
        withConnection(connection -> {
            CopyRows.copy(connection, "select " + ORDER_COLUMNS + " from payments_order o"
                    + " join payments_read_scope s using (merchant_reference)", 6, row -> sink.order(order(row)));
            Phases.mark("orders");
            CopyRows.copy(connection, "select " + TRANSACTION_COLUMNS + " from payments_transaction t"
                    + " join payments_read_scope s using (merchant_reference)", 13, row -> sink.transaction(transaction(row)));
            Phases.mark("transactions");
            CopyRows.copy(connection, "select " + REQUEST_COLUMNS + " from payments_refund_request r"
                    + " join payments_read_scope s using (merchant_reference)", 5, row -> sink.refundRequest(request(row)));
            Phases.mark("refund requests");
            jdbc.sql("""
                    insert into payments_read_refs select distinct t.provider_reference from payments_transaction t
                    join payments_read_scope s using (merchant_reference)""").update();
            jdbc.sql("analyze payments_read_refs").update();
            // unordered (the reader sorts what it keeps: a sort of a million wide rows in the database spills to
            // disk); the lines of the range, then those outside it that name an order or movement in scope; a
            // line naming several comes more than once and only its first copy is sent (no dedupe in the database)
            CopyRows.copy(connection, "select " + LINE_COLUMNS + " from payments_settlement_line x where " + inRange
                    + " union all select " + LINE_COLUMNS + " from payments_settlement_line x"
                    + " join payments_read_scope s using (merchant_reference) where " + outside
                    + " union all select " + LINE_COLUMNS + " from payments_settlement_line x"
                    + " join payments_read_refs r on r.ref = x.psp_reference where " + outside
                    + " union all select " + LINE_COLUMNS + " from payments_settlement_line x"
                    + " join payments_read_refs r on r.ref = x.modification_reference where " + outside,
                    15, linesOnce(sink));
            Phases.mark("settlement lines");
        });
        log.info("read: {}", Phases.report());
    }

    /**
     * The records of a few orders ({@link #readOrders}), the same as {@link #streamScoped} gives for them
     * without a range: the orders, their movements and refund requests, and the lines that name one of the
     * orders or one of their movements.
     */
    void streamListed(Collection<String> merchantReferences, RecordSink sink) {
        String refs = textArray(merchantReferences);
        withConnection(connection -> {
            CopyRows.copy(connection, "select " + ORDER_COLUMNS + " from payments_order o where o.merchant_reference = any("
                    + refs + ")", 6, row -> sink.order(order(row)));
            CopyRows.copy(connection, "select " + TRANSACTION_COLUMNS + " from payments_transaction t"
                    + " where t.merchant_reference = any(" + refs + ")", 13, row -> sink.transaction(transaction(row)));
            CopyRows.copy(connection, "select " + REQUEST_COLUMNS + " from payments_refund_request r"
                    + " where r.merchant_reference = any(" + refs + ")", 5, row -> sink.refundRequest(request(row)));
            String movements = "select t.provider_reference from payments_transaction t where t.merchant_reference = any("
                    + refs + ")";
            // a few orders: each reference looked up in each partition's index (a large batch's partition has only bloom
            // filters, a few ms per reference); more: one hashed pass over the lines, which the planner does not choose by
            // itself for a list of references (a thousand bloom look-ups took 4 s on one 550,000-line partition, the
            // pass 0.2 s)
            String named = merchantReferences.size() <= PROBED_LIMIT ? "= any(" + refs + ")"
                    : "in (select unnest(" + refs + "))";
            CopyRows.copy(connection, "select " + LINE_COLUMNS + " from payments_settlement_line x"
                    + " where x.merchant_reference " + named
                    + " union all select " + LINE_COLUMNS + " from payments_settlement_line x"
                    + " where x.psp_reference in (" + movements + ")"
                    + " union all select " + LINE_COLUMNS + " from payments_settlement_line x"
                    + " where x.modification_reference in (" + movements + ")", 15, linesOnce(sink));
        });
    }

    /**
     * Hands each settlement line to the sink once: a read whose parts are a union (the lines naming an order, a
     * movement's reference, a modification's) brings a line naming several of them more than once.
     */
    private static CopyRows.RowHandler linesOnce(RecordSink sink) {
        java.util.Set<java.util.UUID> sent = new java.util.HashSet<>();
        return row -> {
            SettlementLineRecord l = line(row);
            if (sent.add(l.lineKey())) {
                sink.settlementLine(l);
            }
        };
    }

    /**
     * Texts as a SQL {@code text[]} literal (COPY takes no parameters): each element double-quoted with
     * its backslashes and double quotes escaped, the whole a standard string with its quotes doubled.
     */
    static String textArray(Collection<String> values) {
        StringBuilder out = new StringBuilder("'{");
        boolean first = true;
        for (String value : values) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\\' || c == '"') {
                    out.append('\\');
                }
                out.append(c == '\'' ? "''" : String.valueOf(c));
            }
            out.append('"');
        }
        return out.append("}'::text[]").toString();
    }

    /**
     * The same records as the scope of {@link #read} when {@code [from, to)} holds every movement,
     * refund request and booked line ({@link #holdsEveryRecord}), without a scope table: every
     * movement with an order, every refund request and every booked line are in scope, read in one
     * scan each, and their order references are collected here; then the orders in scope (created in
     * the range, or named by one of those records or by a word of a line's free text), and the lines
     * without a booking time that name an order in scope or a movement with an order. Movements,
     * refund requests and lines come before the orders.
     */
    void readWhole(Instant from, Instant to, RecordSink sink) {
        String inRange = " >= " + literal(from) + " and %s < " + literal(to);
        java.util.Set<String> scope = new java.util.HashSet<>();
        java.util.Set<String> words = new java.util.HashSet<>();
        withConnection(connection -> {
            CopyRows.copy(connection, "select " + TRANSACTION_COLUMNS + " from payments_transaction t"
                    + " where t.merchant_reference is not null", 13, row -> {
                TransactionRecord t = transaction(row);
                scope.add(t.merchantReference());
                sink.transaction(t);
            });
            Phases.mark("transactions");
            CopyRows.copy(connection, "select " + REQUEST_COLUMNS + " from payments_refund_request r", 5, row -> {
                RefundRequestRecord r = request(row);
                scope.add(r.merchantReference());
                sink.refundRequest(r);
            });
            Phases.mark("refund requests");
            String parallel = jdbc.sql("select current_setting('max_parallel_workers_per_gather')").query(String.class).single();
            String booked = "select " + LINE_COLUMNS + " from payments_settlement_line x where x.booked_at"
                    + inRange.formatted("x.booked_at");
            // one plain scan in this backend: a batch's partition imported in the same transaction has no statistics
            // yet, so the planner expects a few hundred rows and would hand a million wide rows through a Gather
            jdbc.sql("select set_config('max_parallel_workers_per_gather', '0', true)").query(String.class).single();
            if (log.isDebugEnabled()) {
                log.debug("booked lines plan: {}", jdbc.sql("explain " + booked).query(String.class).list());
            }
            CopyRows.copy(connection, booked, 15, row -> {
                SettlementLineRecord l = line(row);
                if (l.merchantReference() != null) {
                    scope.add(l.merchantReference());
                }
                RemittanceWords.add(l.merchantReference(), l.modificationReference(), words);
                sink.settlementLine(l);
            });
            jdbc.sql("select set_config('max_parallel_workers_per_gather', :was, true)").param("was", parallel)
                    .query(String.class).single();
            Phases.mark("settlement lines");
            CopyRows.copy(connection, "select " + ORDER_COLUMNS + ", o.created_at" + inRange.formatted("o.created_at")
                    + " from payments_order o", 7, row -> {
                OrderRecord o = order(row);
                if (row.bool(6) || scope.contains(o.merchantReference()) || words.contains(o.merchantReference())) {
                    scope.add(o.merchantReference());
                    sink.order(o);
                }
            });
            Phases.mark("orders");
            java.util.Set<String> unbookedWords = new java.util.HashSet<>();
            CopyRows.copy(connection, "select " + LINE_COLUMNS + ", exists (select 1 from payments_transaction t"
                    + " where t.merchant_reference is not null and t.provider_reference in (x.psp_reference,"
                    + " x.modification_reference)) from payments_settlement_line x where x.booked_at is null", 16, row -> {
                SettlementLineRecord l = line(row);
                if (row.bool(15) || (l.merchantReference() != null && scope.contains(l.merchantReference()))) {
                    RemittanceWords.add(l.merchantReference(), l.modificationReference(), unbookedWords);
                    sink.settlementLine(l);
                }
            });
            Phases.mark("unbooked lines");
            // every order named by a word of a booked line was sent (words); one named by a word of an unbooked line
            // was if the word is in scope too (every order whose reference is in scope was sent)
            unbookedWords.removeAll(words);
            unbookedWords.removeAll(scope);
            if (unbookedWords.isEmpty()) {
                sink.remittanceWordsFollowed();
            }
        });
        log.info("read: {}", Phases.report());
    }

    /** A time as a SQL literal (COPY takes no parameters); from an Instant, so nothing to escape. */
    private static String literal(Instant instant) {
        return "'" + instant + "'::timestamptz";
    }

    /**
     * Milliseconds per phase of a read on this thread, for the log (where a large run spends its time),
     * with this thread's CPU time: the rest of a phase is the database's work or waiting for a core.
     */
    private static final class Phases {
        private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
        private static final ThreadLocal<StringBuilder> REPORT = ThreadLocal.withInitial(StringBuilder::new);
        private static final ThreadLocal<long[]> LAST = ThreadLocal.withInitial(() -> new long[] {System.nanoTime(), cpu()});

        static void start() {
            REPORT.remove();
            LAST.get()[0] = System.nanoTime();
            LAST.get()[1] = cpu();
        }

        static void mark(String phase) {
            long now = System.nanoTime();
            long cpu = cpu();
            long[] last = LAST.get();
            REPORT.get().append(phase).append(' ').append((now - last[0]) / 1_000_000).append(" ms (cpu ")
                    .append((cpu - last[1]) / 1_000_000).append("), ");
            last[0] = now;
            last[1] = cpu;
        }

        static String report() {
            String text = REPORT.get().toString();
            REPORT.remove();
            LAST.remove();
            return text;
        }

        private static long cpu() {
            return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
        }
    }

    private static @Nullable String trim(@Nullable String currency) {
        return currency == null ? null : currency.trim();
    }

}
