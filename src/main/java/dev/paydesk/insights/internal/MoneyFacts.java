package dev.paydesk.insights.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.payments.PaymentRecords;

/**
 * Stores money facts and keeps the per-currency day rollup {@code insights_money_day} current: writing a record's
 * rows replaces every row of that record and moves the rollup rows they count on by the difference (under the
 * family lock, shared, and the (market, day) slices' locks, like {@link Rollups}). A rebuild stores without refreshing and
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

    /**
     * Replaces the rows of the given source records with {@code rows} and moves the rollup by the difference:
     * what the deleted rows counted is subtracted and what the inserted rows count is added, row by row of the
     * rollup, so a save costs what it changes, not what the day already holds.
     */
    @Transactional
    void save(Collection<UUID> sourceIds, List<MoneyFact> rows) {
        if (sourceIds.isEmpty()) {
            return;
        }
        java.util.Map<Cell, long[]> delta = new java.util.TreeMap<>();
        jdbc.sql("delete from insights_money_fact where source_id = any(?)"
                        + " returning metric, market, day, currency, kind, coalesce(minutes, -1), amount_minor")
                .param(sourceIds.toArray(UUID[]::new))
                .query(rs -> {
                    add(delta, Cell.of(rs), -1, -rs.getLong(7));
                });
        if (!rows.isEmpty()) {
            jdbc.sql("insert into insights_money_fact (source_id, metric, source, kind, market, provider, reference,"
                            + " currency, amount_minor, at, day, minutes)"
                            + " select * from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),"
                            + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as bigint[]),"
                            + " cast(? as timestamptz[]), cast(? as date[]), cast(? as int[]))"
                            + " on conflict (source_id, metric) do nothing"
                            + " returning metric, market, day, currency, kind, coalesce(minutes, -1), amount_minor")
                    .params(column(rows, MoneyFact::sourceId, UUID[]::new), column(rows, MoneyFact::metric, String[]::new),
                            column(rows, MoneyFact::source, String[]::new), column(rows, MoneyFact::kind, String[]::new),
                            column(rows, MoneyFact::market, String[]::new), column(rows, MoneyFact::provider, String[]::new),
                            column(rows, MoneyFact::reference, String[]::new), column(rows, MoneyFact::currency, String[]::new),
                            column(rows, MoneyFact::amountMinor, Long[]::new),
                            column(rows, r -> r.at().toString(), String[]::new),
                            column(rows, r -> r.day().toString(), String[]::new),
                            column(rows, MoneyFact::minutes, Integer[]::new))
                    .query(rs -> {
                        add(delta, Cell.of(rs), 1, rs.getLong(7));
                    });
        }
        delta.values().removeIf(d -> d[0] == 0 && d[1] == 0);
        if (delta.isEmpty()) {
            return;
        }
        long[] locks = delta.keySet().stream()
                .mapToLong(c -> Rollups.sliceLock(Rollups.MONEY_SLICES, "MONEY|" + c.market() + "|" + c.day()))
                .distinct().sorted().toArray();
        jdbc.sql("select pg_advisory_xact_lock_shared(?)").param(FAMILY_LOCK).query((rs, i) -> 1).list();
        jdbc.sql("select pg_advisory_xact_lock(k) from unnest(cast(? as bigint[])) with ordinality u(k, o) order by o")
                .param(locks).query((rs, i) -> 1).list();
        List<Cell> cells = List.copyOf(delta.keySet());
        Object[] keys = {column(cells, Cell::metric, String[]::new), column(cells, Cell::market, String[]::new),
                column(cells, c -> c.day().toString(), String[]::new), column(cells, Cell::currency, String[]::new),
                column(cells, Cell::kind, String[]::new), column(cells, Cell::minutes, Integer[]::new)};
        String unnest = "unnest(cast(? as text[]), cast(? as text[]), cast(? as date[]), cast(? as text[]),"
                + " cast(? as text[]), cast(? as int[])";
        Object[] params = java.util.Arrays.copyOf(keys, keys.length + 2);
        params[keys.length] = delta.values().stream().mapToLong(d -> d[0]).boxed().toArray(Long[]::new);
        params[keys.length + 1] = delta.values().stream().mapToLong(d -> d[1]).boxed().toArray(Long[]::new);
        jdbc.sql("insert into insights_money_day (metric, market, day, currency, kind, minutes, n, total_minor)"
                        + " select * from " + unnest + ", cast(? as bigint[]), cast(? as bigint[]))"
                        + " on conflict (metric, market, day, currency, kind, minutes) do update"
                        + " set n = insights_money_day.n + excluded.n,"
                        + " total_minor = insights_money_day.total_minor + excluded.total_minor")
                .params(params).update();
        jdbc.sql("delete from insights_money_day where n = 0 and (metric, market, day, currency, kind, minutes) in"
                + " (select * from " + unnest + "))").params(keys).update();
    }

    /** A row of the rollup. */
    record Cell(String metric, String market, LocalDate day, String currency, String kind, int minutes)
            implements Comparable<Cell> {

        static Cell of(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new Cell(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4).trim(),
                    rs.getString(5), rs.getInt(6));
        }

        private static final java.util.Comparator<Cell> ORDER = java.util.Comparator.comparing(Cell::metric)
                .thenComparing(Cell::market).thenComparing(Cell::day).thenComparing(Cell::currency)
                .thenComparing(Cell::kind).thenComparingInt(Cell::minutes);

        @Override
        public int compareTo(Cell o) {
            return ORDER.compare(this, o);
        }
    }

    private static void add(java.util.Map<Cell, long[]> delta, Cell cell, long n, long amount) {
        long[] d = delta.computeIfAbsent(cell, c -> new long[2]);
        d[0] += n;
        d[1] += amount;
    }

    private static <T, V> V[] column(List<T> rows, java.util.function.Function<T, V> value,
                                     java.util.function.IntFunction<V[]> array) {
        V[] out = array.apply(rows.size());
        for (int i = 0; i < out.length; i++) {
            out[i] = value.apply(rows.get(i));
        }
        return out;
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

    /** Recomputes the whole money rollup from the facts. */
    @Transactional
    void rebuildRollup() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(FAMILY_LOCK).query((rs, i) -> 1).list();
        jdbc.sql("delete from insights_money_day").update();
        jdbc.sql(ROLLUP.formatted("true")).update();
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
