package dev.paydesk.insights.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.payments.PaymentRecords;

/**
 * Stores money facts and keeps the per-currency day rollup {@code insights_money_day} current: writing a record's
 * rows replaces every row of that record, then the (market, day) slices its old and new rows count on are
 * recomputed (delete + insert under advisory locks, like {@link Rollups}). A rebuild stores without refreshing and
 * then recomputes the whole rollup under the exclusive family lock.
 */
@Component
class MoneyFacts {

    private static final long FAMILY_LOCK = "insights|MONEY".hashCode();
    private static final String ROLLUP = "insert into insights_money_day (metric, market, day, currency, kind, minutes,"
            + " n, total_minor) select metric, market, day, currency, kind, coalesce(minutes, -1), count(*),"
            + " sum(amount_minor) from insights_money_fact where %s group by metric, market, day, currency, kind,"
            + " coalesce(minutes, -1)";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    MoneyFacts(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Replaces the rows of the given source records with {@code rows} and refreshes the affected slices. */
    @Transactional
    void save(Collection<UUID> sourceIds, List<MoneyFact> rows) {
        if (sourceIds.isEmpty()) {
            return;
        }
        UUID[] ids = sourceIds.toArray(UUID[]::new);
        Set<Slice> slices = new LinkedHashSet<>(jdbc.sql("delete from insights_money_fact where source_id = any(?)"
                + " returning market, day").param(ids)
                .query((rs, i) -> new Slice(rs.getString(1), rs.getObject(2, LocalDate.class))).list());
        insert(rows);
        rows.forEach(r -> slices.add(new Slice(r.market(), r.day())));
        slices.stream().sorted().forEach(this::refresh);
    }

    /** Replaces the rows of the records that {@code rows} come from, as {@link #save(Collection, List)}. */
    void saveBySource(List<MoneyFact> rows) {
        save(rows.stream().map(MoneyFact::sourceId).distinct().toList(), rows);
    }

    /** Upserts rows without refreshing the rollup (a rebuild recomputes it afterwards). */
    @Transactional
    void store(Collection<UUID> sourceIds, List<MoneyFact> rows) {
        if (!sourceIds.isEmpty()) {
            jdbc.sql("delete from insights_money_fact where source_id = any(?)").param(sourceIds.toArray(UUID[]::new))
                    .update();
        }
        insert(rows);
    }

    private void insert(List<MoneyFact> rows) {
        template.batchUpdate("insert into insights_money_fact (source_id, metric, source, kind, market, provider,"
                        + " reference, currency, amount_minor, at, day, minutes) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (source_id, metric) do nothing", rows, 500,
                (ps, r) -> {
                    ps.setObject(1, r.sourceId());
                    ps.setString(2, r.metric());
                    ps.setString(3, r.source());
                    ps.setString(4, r.kind());
                    ps.setString(5, r.market());
                    ps.setString(6, r.provider());
                    ps.setString(7, r.reference());
                    ps.setString(8, r.currency());
                    ps.setLong(9, r.amountMinor());
                    ps.setTimestamp(10, Timestamp.from(r.at()));
                    ps.setObject(11, r.day());
                    ps.setObject(12, r.minutes());
                });
    }

    private void refresh(Slice s) {
        jdbc.sql("select pg_advisory_xact_lock_shared(?), pg_advisory_xact_lock(?)")
                .params(FAMILY_LOCK, (long) ("MONEY|" + s.market() + "|" + s.day()).hashCode())
                .query((rs, i) -> 1).list();
        jdbc.sql("delete from insights_money_day where market = ? and day = ?").params(s.market(), s.day()).update();
        jdbc.sql(ROLLUP.formatted("market = ? and day = ?")).params(s.market(), s.day()).update();
    }

    /** Recomputes the whole money rollup from the facts. */
    @Transactional
    void rebuildRollup() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(FAMILY_LOCK).query((rs, i) -> 1).list();
        jdbc.sql("delete from insights_money_day").update();
        jdbc.sql(ROLLUP.formatted("true")).update();
    }

    /** A (market, local day) slice of the rollup. */
    record Slice(String market, LocalDate day) implements Comparable<Slice> {
        @Override
        public int compareTo(Slice o) {
            int c = market.compareTo(o.market);
            return c != 0 ? c : day.compareTo(o.day);
        }
    }

    /** Collects an order read into payment facts (as {@link Sources.Collector} does) plus its settlement lines. */
    static final class PaymentSink implements PaymentRecords.RecordSink {
        private final Sources.Collector payments = new Sources.Collector();
        private final List<PaymentRecords.SettlementLineRecord> lines = new ArrayList<>();

        @Override
        public void order(PaymentRecords.OrderRecord order) {
            payments.order(order);
        }

        @Override
        public void transaction(PaymentRecords.TransactionRecord t) {
            payments.transaction(t);
        }

        @Override
        public void refundRequest(PaymentRecords.RefundRequestRecord r) {
            payments.refundRequest(r);
        }

        @Override
        public void settlementLine(PaymentRecords.SettlementLineRecord line) {
            lines.add(line);
        }

        /** The payment facts of what was read, as {@link Sources.Collector} gives them. */
        List<PaymentFact> paymentFacts() {
            return payments.facts();
        }

        List<MoneyFact> facts(java.util.function.Function<String, java.time.ZoneId> zones) {
            return facts(paymentFacts(), zones);
        }

        /** The money facts of {@code paymentFacts} (this read's {@link #paymentFacts()}) and the lines read. */
        List<MoneyFact> facts(List<PaymentFact> paymentFacts, java.util.function.Function<String, java.time.ZoneId> zones) {
            return MoneyFact.ofPayments(paymentFacts, lines, zones);
        }
    }
}
