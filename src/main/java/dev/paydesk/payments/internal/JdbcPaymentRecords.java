package dev.paydesk.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.payments.PaymentRecords;
import dev.paydesk.payments.Provider;
import dev.paydesk.payments.TransactionKind;

/**
 * Streams the mirror's rows from server-side cursors (a fetch size inside a transaction, so the
 * PostgreSQL driver does not buffer whole result sets). The orders in scope are first collected
 * into a temporary table, then each table is read once, joined to it.
 */
@Component
class JdbcPaymentRecords implements PaymentRecords {

    private static final int FETCH_SIZE = 10_000;
    private static final String WORK_MEM = "256MB";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JdbcPaymentRecords.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    JdbcPaymentRecords(DataSource dataSource, PlatformTransactionManager transactionManager) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(template);
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void read(Instant from, Instant to, RecordSink sink) {
        transactions.executeWithoutResult(status -> {
            createScope();
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
            stream(from, to, sink);
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
            stream(null, null, sink);
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

    private void stream(@Nullable Instant from, @Nullable Instant to, RecordSink sink) {
        jdbc.sql("analyze payments_read_scope").update();
        Phases.mark("analyze");
        jdbc.sql("""
                select o.* from payments_order o join payments_read_scope s using (merchant_reference)""")
                .query(rs -> {
                    sink.order(order(rs));
                });
        Phases.mark("orders");
        jdbc.sql("""
                insert into payments_read_refs select distinct t.provider_reference from payments_transaction t
                join payments_read_scope s using (merchant_reference)""").update();
        jdbc.sql("analyze payments_read_refs").update();
        jdbc.sql("""
                select t.* from payments_transaction t join payments_read_scope s using (merchant_reference)""")
                .query(rs -> {
                    sink.transaction(transaction(rs));
                });
        Phases.mark("transactions");
        jdbc.sql("""
                select r.* from payments_refund_request r join payments_read_scope s using (merchant_reference)""")
                .query(rs -> {
                    sink.refundRequest(new RefundRequestRecord(rs.getString("refund_reference"),
                            rs.getString("merchant_reference"), rs.getLong("amount_minor"), rs.getString("currency"),
                            rs.getTimestamp("requested_at").toInstant()));
                });
        Phases.mark("refund requests");
        Timestamp lower = Timestamp.from(from == null ? Instant.EPOCH : from);
        Timestamp upper = Timestamp.from(to == null ? Instant.EPOCH : to);
        // unordered (the reader sorts what it keeps: a sort of a million wide rows in the database spills to disk);
        // the lines of the range, then those outside it that name an order or movement in scope; a line naming
        // several comes more than once and the sink keeps the first (no dedupe of whole rows in the database)
        jdbc.sql("""
                select * from (
                    select l.* from payments_settlement_line l where booked_at >= :from and booked_at < :to
                    union all select x.* from payments_settlement_line x join payments_read_scope s using (merchant_reference)
                        where not (x.booked_at >= :from and x.booked_at < :to) or x.booked_at is null
                    union all select x.* from payments_settlement_line x join payments_read_refs r on r.ref = x.psp_reference
                        where not (x.booked_at >= :from and x.booked_at < :to) or x.booked_at is null
                    union all select x.* from payments_settlement_line x join payments_read_refs r on r.ref = x.modification_reference
                        where not (x.booked_at >= :from and x.booked_at < :to) or x.booked_at is null
                ) lines""")
                .param("from", lower).param("to", upper)
                .query(rs -> {
                    sink.settlementLine(line(rs));
                });
        Phases.mark("settlement lines");
        log.info("read: {}", Phases.report());
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

    private static OrderRecord order(ResultSet rs) throws SQLException {
        return new OrderRecord(rs.getString("merchant_reference"), rs.getString("market"),
                rs.getString("customer_reference"), (Long) rs.getObject("amount_due_minor"), trim(rs.getString("currency")),
                rs.getString("expected_method"));
    }

    private static TransactionRecord transaction(ResultSet rs) throws SQLException {
        return new TransactionRecord(rs.getObject("id", UUID.class), Provider.valueOf(rs.getString("provider")),
                rs.getString("merchant_account"), TransactionKind.valueOf(rs.getString("kind")),
                rs.getString("provider_reference"), rs.getString("original_reference"),
                rs.getString("merchant_reference"), rs.getString("customer_reference"), rs.getString("status"),
                rs.getLong("amount_minor"), rs.getString("currency"), rs.getString("method"),
                rs.getTimestamp("occurred_at").toInstant());
    }

    private static SettlementLineRecord line(ResultSet rs) throws SQLException {
        Timestamp booked = rs.getTimestamp("booked_at");
        return new SettlementLineRecord(rs.getObject("line_key", UUID.class), Provider.valueOf(rs.getString("provider")),
                rs.getString("merchant_account"), rs.getString("batch"), rs.getString("psp_reference"),
                rs.getString("merchant_reference"), rs.getString("modification_reference"),
                rs.getString("payment_method"), rs.getString("record_type"), booked == null ? null : booked.toInstant(),
                trim(rs.getString("gross_currency")),
                rs.getLong("gross_credit_minor") - rs.getLong("gross_debit_minor"), trim(rs.getString("net_currency")),
                rs.getLong("net_credit_minor") - rs.getLong("net_debit_minor"), rs.getLong("fees_minor"));
    }

    private static @Nullable String trim(@Nullable String currency) {
        return currency == null ? null : currency.trim();
    }

}
