package dev.paydesk.insights.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.insights.Kpi.Family;

/**
 * Keeps the day-grain rollups equal to the facts. A change is a delta: the old rows' contributions are
 * subtracted and the new rows' added in the fact's transaction (the narrow table's value histograms are
 * rebuilt for the few slices whose values changed); a rebuild recomputes a whole family. A delta takes a
 * shared advisory lock on its family, then its facts' ids and its slices exclusively; a whole-family
 * rebuild takes the family lock exclusively, so neither sees the other half done. Readers see the previous
 * rollup until the transaction commits.
 */
@Component
class Rollups {

    private static final String DAILY = "insert into insights_daily (family, metric, market, day, provider, method,"
            + " queue, category, priority, n, total) select family, metric, market, day, provider, method, queue,"
            + " category, priority, count(*), coalesce(sum(v), 0) from (%s) x"
            + " group by family, metric, market, day, provider, method, queue, category, priority";

    private static final String VALUES = "insert into insights_daily_value (family, metric, market, day, provider,"
            + " method, queue, category, priority, value, n) select family, metric, market, day, provider, method,"
            + " queue, category, priority, v, count(*) from (%s) x"
            + " group by family, metric, market, day, provider, method, queue, category, priority, v";

    private static final String MARKET_DAY = "insert into insights_market_day (family, metric, market, day, n, total)"
            + " select family, metric, market, day, sum(n), sum(total) from insights_daily where %1$s"
            + " group by family, metric, market, day";

    private static final String MARKET_DAY_VALUES = "insert into insights_market_day (family, metric, market, day, n,"
            + " total, vals, cnts) select family, metric, market, day, sum(n), sum(value::bigint * n),"
            + " array_agg(value order by value), array_agg(n order by value) from (select family, metric, market, day,"
            + " value, sum(n) n from insights_daily_value where %1$s group by family, metric, market, day, value) v"
            + " group by family, metric, market, day";

    private static final String ALL_DAY = "insert into insights_all_day (family, metric, day, n, total)"
            + " select family, metric, day, sum(n), sum(total) from insights_market_day where vals is null and %1$s"
            + " group by family, metric, day";

    /** Merges the narrow histograms of all markets per metric and day. */
    private static final String ALL_DAY_VALUES = "insert into insights_all_day (family, metric, day, n, total, vals, cnts)"
            + " select family, metric, day, sum(c), sum(v::bigint * c), array_agg(v order by v), array_agg(c order by v)"
            + " from (select family, metric, day, u.v, sum(u.c) c from insights_market_day, unnest(vals, cnts) u(v, c)"
            + " where vals is not null and %1$s group by family, metric, day, u.v) x group by family, metric, day";

    /**
     * One delta: the facts' count rows (%1$s) and value rows (%2$s) times the sign (%3$d), added to
     * insights_daily, insights_daily_value and the count rows of insights_market_day; returns the
     * slices whose value rows changed. Rows are grouped by their key and written in key order.
     */
    private static final String DELTA = """
            with src as (%1$s), vsrc as (%2$s),
            d as (insert into insights_daily (family, metric, market, day, provider, method, queue, category, priority, n, total)
                select family, metric, market, day, provider, method, queue, category, priority, %3$d * count(*),
                    %3$d * coalesce(sum(v), 0) from src
                group by family, metric, market, day, provider, method, queue, category, priority
                order by metric, market, day, provider, method, queue, category, priority
                on conflict (metric, market, day, provider, method, queue, category, priority) do update
                set n = insights_daily.n + excluded.n, total = insights_daily.total + excluded.total returning ctid, n),
            dv as (insert into insights_daily_value (family, metric, market, day, provider, method, queue, category, priority,
                    value, n)
                select family, metric, market, day, provider, method, queue, category, priority, v, %3$d * count(*) from vsrc
                group by family, metric, market, day, provider, method, queue, category, priority, v
                order by metric, market, day, provider, method, queue, category, priority, v
                on conflict (metric, market, day, provider, method, queue, category, priority, value) do update
                set n = insights_daily_value.n + excluded.n returning ctid, n, market, day),
            md as (insert into insights_market_day (family, metric, market, day, n, total)
                select family, metric, market, day, %3$d * count(*), %3$d * coalesce(sum(v), 0) from src
                group by family, metric, market, day order by metric, market, day
                on conflict (metric, market, day) do update
                set n = insights_market_day.n + excluded.n, total = insights_market_day.total + excluded.total returning ctid, n),
            ad as (insert into insights_all_day (family, metric, day, n, total)
                select family, metric, day, %3$d * count(*), %3$d * coalesce(sum(v), 0) from src
                group by family, metric, day order by metric, day
                on conflict (metric, day) do update
                set n = insights_all_day.n + excluded.n, total = insights_all_day.total + excluded.total returning ctid, n)
            select distinct '' t, market, day::text from dv
            union all select 'insights_daily', '', ctid::text from d where n = 0
            union all select 'insights_daily_value', '', ctid::text from dv where n = 0
            union all select 'insights_market_day', '', ctid::text from md where n = 0
            union all select 'insights_all_day', '', ctid::text from ad where n = 0""";

    /** What the deltas of one transaction touched: slices whose value rows changed, rows left at zero (by ctid). */
    static final class Changes {
        final Set<Facts.Slice> histograms = new java.util.HashSet<>();
        final java.util.Map<String, java.util.List<String>> zeros = new java.util.TreeMap<>();
    }

    /** The market of the all-markets slices (locks only: no market code has this shape). */
    private static final String ALL = "*";

    private enum Mode { ALL, IDS }

    /** Lock buckets per key space ({@link #lockIds}). */
    static final int LOCK_BUCKETS = 128;
    /** Lock buckets per family's slices ({@link #sliceLock}). */
    static final int SLICE_BUCKETS = 512;
    /** The money rollup's slices lock in a space after every KPI family's ({@link #sliceLock}). */
    static final int MONEY_SLICES = 8;

    private final JdbcClient jdbc;

    Rollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the locks a delta needs, in one global order: the family (shared, so a whole-family rebuild
     * waits), each fact's id (two-key space, so a replay of the same record waits for the first), then
     * each slice the old or new rows count on (exclusive, so a slice's histogram is rebuilt by one
     * transaction at a time and rollup rows are locked in the same order everywhere).
     */
    void lockFacts(Family family, String[] ids) {
        jdbc.sql("select pg_advisory_xact_lock_shared(?)").param(familyLock(family)).query((rs, i) -> 1).list();
        lockIds(0x1E51 + family.ordinal(), ids);
    }

    /**
     * Exclusive locks on the source records a refresh reads (cases, disputes, orders, findings), taken before
     * {@link #lockFacts} and in a key space of their own: an order's lock and a payment fact's lock never share a
     * key, so two refreshes cannot wait on each other through a hash collision.
     */
    void lockSources(Facts.Source source, String[] ids) {
        lockIds(0x1E61 + source.ordinal(), ids);
    }

    /**
     * Exclusive two-key locks on the ids' buckets in one key space, in ascending order (no two takers wait in a cycle).
     * An id's bucket is its hash modulo {@link #LOCK_BUCKETS}: a refresh of a thousand orders (a settlement file's
     * chunk) takes at most that many locks per space instead of one per id, which with a few such refreshes side by
     * side exhausted PostgreSQL's lock table ("out of shared memory"); the price is that refreshes of different
     * records sometimes wait for each other.
     */
    private void lockIds(int space, String[] ids) {
        int[] keys = java.util.Arrays.stream(ids).mapToInt(id -> Math.floorMod(id.hashCode(), LOCK_BUCKETS)).distinct()
                .sorted().toArray();
        jdbc.sql("select pg_advisory_xact_lock(?, k) from unnest(cast(? as int[])) with ordinality u(k, o) order by o")
                .params(space, keys).query((rs, i) -> 1).list();
    }

    /**
     * The single-key lock of a rollup slice: its bucket (hash modulo {@link #SLICE_BUCKETS}) in its family's space
     * ({@code space} the family's ordinal, or {@link #MONEY_SLICES}). Bounded like the record locks: a refresh of
     * 20,000 orders over years of days and several markets took one lock per (market, day) and could exhaust the lock
     * table. A transaction takes its family's slices before the money slices, so the ascending keys keep one order.
     */
    static long sliceLock(int space, String slice) {
        return (0x51CEL + space) << 32 | Math.floorMod(slice.hashCode(), SLICE_BUCKETS);
    }

    /** Exclusive locks on the slices and on their days' all-markets slices, after {@link #lockFacts}. */
    void lockSlices(Collection<Facts.Slice> slices) {
        long[] keys = slices.stream().flatMap(s -> java.util.stream.Stream.of(s, new Facts.Slice(s.family(), ALL, s.day())))
                .mapToLong(s -> sliceLock(s.family().ordinal(), s.family().name() + "|" + s.market() + "|" + s.day()))
                .distinct().sorted().toArray();
        jdbc.sql("select pg_advisory_xact_lock(k) from unnest(cast(? as bigint[])) with ordinality u(k, o) order by o")
                .param(keys).query((rs, i) -> 1).list();
    }

    /**
     * Adds (sign +1) or subtracts (sign -1) what the facts with these ids count on to every rollup table
     * (counts and sums of the narrow table; its histograms are rebuilt per touched slice by {@link #settle}).
     * Call inside a transaction, after the locks: subtract before the facts change, add after.
     *
     * @param changes collects the slices whose value histograms changed and the rows the delta left at zero
     */
    void apply(Family family, String[] ids, int sign, Changes changes) {
        if (sign != 1 && sign != -1) {
            throw new IllegalArgumentException("sign " + sign);
        }
        String[] sources = sources(family, Mode.IDS);
        String sql = DELTA.formatted(sources[0], sources[1], sign);
        Object[] params = new Object[count(sql)];
        java.util.Arrays.fill(params, ids);
        jdbc.sql(sql).params(params).query(rs -> {
            String table = rs.getString(1);
            if (table.isEmpty()) {
                changes.histograms.add(new Facts.Slice(family, rs.getString(2), LocalDate.parse(rs.getString(3))));
            } else {
                changes.zeros.computeIfAbsent(table, t -> new java.util.ArrayList<>()).add(rs.getString(3));
            }
        });
    }

    /**
     * Removes the rows the deltas left at zero (a row's version that a later delta of the same transaction
     * changed again is no longer visible under its old ctid, so only rows still at zero go) and rebuilds the
     * narrow histograms of the slices whose value rows changed.
     */
    void settle(Family family, Changes changes) {
        changes.zeros.forEach((table, ctids) -> jdbc.sql("delete from " + table
                + " where ctid = any(cast(? as tid[])) and n = 0").param(ctids.toArray(String[]::new)).update());
        Collection<Facts.Slice> histograms = changes.histograms;
        if (histograms.isEmpty()) {
            return;
        }
        String[] markets = histograms.stream().map(Facts.Slice::market).toArray(String[]::new);
        String[] days = histograms.stream().map(s -> s.day().toString()).toArray(String[]::new);
        String in = "family = ? and (market, day) in (select * from unnest(cast(? as text[]), cast(? as date[])))";
        jdbc.sql("delete from insights_market_day where vals is not null and " + in)
                .params(family.name(), markets, days).update();
        jdbc.sql(MARKET_DAY_VALUES.formatted(in + " and n <> 0")).params(family.name(), markets, days).update();
        String[] allDays = java.util.Arrays.stream(days).distinct().toArray(String[]::new);
        String onDays = "family = ? and day = any(cast(? as date[]))";
        jdbc.sql("delete from insights_all_day where vals is not null and " + onDays).params(family.name(), allDays).update();
        jdbc.sql(ALL_DAY_VALUES.formatted(onDays)).params(family.name(), allDays).update();
    }

    /** Recomputes a whole family from its facts; call inside a transaction. */
    void rebuild(Family family) {
        if (family == Family.SUPPLIER) {
            new SupplierRollup(jdbc).rebuild();
            return;
        }
        jdbc.sql("select pg_advisory_xact_lock(?)").param(familyLock(family)).query((rs, i) -> 1).list();
        jdbc.sql("delete from insights_daily where family = ?").param(family.name()).update();
        jdbc.sql("delete from insights_daily_value where family = ?").param(family.name()).update();
        jdbc.sql("delete from insights_market_day where family = ?").param(family.name()).update();
        jdbc.sql("delete from insights_all_day where family = ?").param(family.name()).update();
        String[] sources = sources(family, Mode.ALL);
        jdbc.sql(DAILY.formatted(sources[0])).update();
        jdbc.sql(VALUES.formatted(sources[1])).update();
        jdbc.sql(MARKET_DAY.formatted("family = ?")).param(family.name()).update();
        jdbc.sql(MARKET_DAY_VALUES.formatted("family = ?")).param(family.name()).update();
        jdbc.sql(ALL_DAY.formatted("family = ?")).param(family.name()).update();
        jdbc.sql(ALL_DAY_VALUES.formatted("family = ?")).param(family.name()).update();
    }

    private static long familyLock(Family family) {
        return 0x1_0000_0000L + family.ordinal();
    }

    private static int count(String sql) {
        return (int) sql.chars().filter(c -> c == '?').count();
    }

    /** The rows (metric, dimensions, v) of a family: [counts and sums, histogram values]. */
    private static String[] sources(Family family, Mode mode) {
        return switch (family) {
            case SUPPLIER -> throw new IllegalStateException("supplier KPIs are rolled up by SupplierRollup");
            case CASE -> {
                String dims = "'CASE' family, market, %s as day, provider, '' method, queue, category, priority";
                String from = " from insights_case_fact where ";
                yield new String[]{String.join(" union all ",
                        "select 'opened' metric, " + dims.formatted("opened_day") + ", 0 v" + from + where(mode, family, "opened_day"),
                        "select 'resolved', " + dims.formatted("resolved_day") + ", 0" + from + where(mode, family, "resolved_day"),
                        "select case fr_state when 'MET' then 'fr_met' else 'fr_breached' end, " + dims.formatted("fr_day")
                                + ", 0" + from + "fr_state in ('MET', 'BREACHED') and " + where(mode, family, "fr_day"),
                        "select case res_state when 'MET' then 'res_met' else 'res_breached' end, " + dims.formatted("res_day")
                                + ", 0" + from + "res_state in ('MET', 'BREACHED') and " + where(mode, family, "res_day"),
                        "select 'csat', " + dims.formatted("csat_day") + ", csat_rating" + from + "csat_rating is not null and "
                                + where(mode, family, "csat_day"),
                        "select 'csat_satisfied', " + dims.formatted("csat_day") + ", csat_rating" + from
                                + "csat_rating >= 4 and " + where(mode, family, "csat_day"),
                        "select 'reopened', " + dims.formatted("resolved_day") + ", 0" + from + "reopens > 0 and "
                                + where(mode, family, "resolved_day"),
                        "select 'first_contact', " + dims.formatted("resolved_day") + ", 0" + from
                                + "reopens = 0 and replies_out <= 1 and " + where(mode, family, "resolved_day"),
                        "select 'repeat', " + dims.formatted("opened_day") + ", 0" + from + "repeat_contact and "
                                + where(mode, family, "opened_day"),
                        "select case psd2_state when 'MET' then 'psd2_met' else 'psd2_breached' end, "
                                + dims.formatted("psd2_day") + ", 0" + from + "psd2_state in ('MET', 'BREACHED') and "
                                + where(mode, family, "psd2_day"),
                        "select case ola_state when 'MET' then 'ola_met' else 'ola_breached' end, "
                                + dims.formatted("ola_day") + ", 0" + from + "ola_state in ('MET', 'BREACHED') and "
                                + where(mode, family, "ola_day"),
                        "select 'csat_sent', " + dims.formatted("csat_sent_day") + ", 0" + from
                                + where(mode, family, "csat_sent_day"),
                        "select 'csat_answered', " + dims.formatted("csat_sent_day") + ", 0" + from
                                + "csat_rating is not null and " + where(mode, family, "csat_sent_day")),
                        "select 'fr_minutes' metric, " + dims.formatted("first_reply_day") + ", first_response_minutes v" + from
                                + "first_response_minutes is not null and " + where(mode, family, "first_reply_day")
                                + " union all select 'four_eyes_minutes', " + dims.formatted("u.d") + ", u.m"
                                + " from insights_case_fact, unnest(four_eyes_minutes, four_eyes_days) as u(m, d) where "
                                + where(mode, family, "u.d")};
            }
            case PAYMENT -> {
                String dims = "'PAYMENT' family, market, day, provider, method, '' queue, '' category, '' priority";
                String from = " from insights_payment_fact where ";
                yield new String[]{String.join(" union all ",
                        "select 'capture' metric, " + dims + ", amount_minor v" + from + "kind = 'CAPTURE' and " + where(mode, family, "day"),
                        "select 'order', " + dims + ", 0" + from + "first_capture and " + where(mode, family, "day"),
                        "select 'refund', " + dims + ", amount_minor" + from + "kind = 'REFUND' and " + where(mode, family, "day"),
                        "select 'refund_failed', " + dims + ", amount_minor" + from + "kind = 'REFUND' and failed and "
                                + where(mode, family, "day")),
                        "select 'refund_turnaround' metric, " + dims + ", turnaround_minutes v" + from
                                + "kind = 'REFUND' and not failed and turnaround_minutes is not null and " + where(mode, family, "day")};
            }
            case DISPUTE -> {
                String dims = "'DISPUTE' family, market, %s as day, provider, '' method, '' queue, '' category, '' priority";
                String from = " from insights_dispute_fact where ";
                yield new String[]{String.join(" union all ",
                        "select 'dispute_opened' metric, " + dims.formatted("opened_day") + ", amount_minor v" + from
                                + where(mode, family, "opened_day"),
                        "select 'dispute_decided', " + dims.formatted("closed_day") + ", amount_minor" + from
                                + "status in ('WON', 'LOST', 'EXPIRED') and " + where(mode, family, "closed_day"),
                        "select 'dispute_won', " + dims.formatted("closed_day") + ", amount_minor" + from
                                + "status = 'WON' and " + where(mode, family, "closed_day")),
                        // no histogram in this family: an empty source keeps the statement shape
                        "select 'none' metric, " + dims.formatted("opened_day") + ", 0 v" + from + "false and "
                                + where(mode, family, "opened_day")};
            }
        };
    }

    private static String where(Mode mode, Family family, String dayColumn) {
        return mode == Mode.IDS ? idColumn(family) + " = any(cast(? as uuid[])) and " + dayColumn + " is not null"
                : dayColumn + " is not null";
    }

    static String idColumn(Family family) {
        return switch (family) {
            case CASE -> "case_id";
            case PAYMENT -> "transaction_id";
            case DISPUTE -> "dispute_id";
            case SUPPLIER -> throw new IllegalStateException("supplier KPIs are rolled up by SupplierRollup");
        };
    }
}
