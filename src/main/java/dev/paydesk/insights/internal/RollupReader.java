package dev.paydesk.insights.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.paydesk.insights.KpiRequest;

/**
 * Sums the rollups of a period and of the period before it in one statement (one round trip). Requests without a
 * dimension filter (and not grouped by one) read the narrow {@code insights_market_day}, one row per
 * metric, market and day with its histogram as arrays, or, for users of every market asking for every
 * market, {@code insights_all_day}, one row per metric and day; the others read the dimensioned tables.
 * The backlog at the end of each period is the net opened - resolved before the earlier period's start
 * plus both periods' own net, so history is read once.
 */
final class RollupReader {

    private static final Set<String> ROLLUP_COLUMNS = Set.of("provider", "method", "queue", "category", "priority");

    /** Per group (the {@code by} value, '' when ungrouped): the measures of the period and of the one before. */
    record Periods(Map<String, Measures> now, Map<String, Measures> before) {
    }

    private final JdbcClient jdbc;

    RollupReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param before the previous period, ending where {@code now} starts, or null for none
     * @param g the group expression: {@code ''}, a column name, or {@code day::text} (no backlog then)
     */
    Periods read(KpiRequest now, @Nullable KpiRequest before, Scope scope, String g) {
        LocalDate start = before == null ? now.from() : before.from();
        Map<String, Measures> cur = new TreeMap<>();
        Map<String, Measures> prev = new TreeMap<>();
        Scope.Sql where = scope.where(now, ROLLUP_COLUMNS);
        boolean narrow = narrow(now, scope, g);
        String table = !narrow ? "insights_daily" : allMarkets(now, scope, g) ? "insights_all_day" : "insights_market_day";
        // one statement, one round trip: both periods' sums (kind 0) and histograms (kind 1), and the backlog
        // history before the earlier period (kind 2)
        String range = " where day >= ? and day < ?" + where.text();
        StringBuilder sql = new StringBuilder("select 0, metric, (" + g + ")::text, day >= ?, sum(n), sum(total),"
                + " null::int[], null::bigint[] from " + table + range + (narrow ? " and vals is null" : "")
                + " group by 2, 3, 4 union all ");
        List<Object> params = new ArrayList<>(params(now.from(), start, now.to(), where.params()));
        if (narrow) {
            sql.append("select 1, metric, (" + g + ")::text, day >= ?, 0, 0, vals, cnts from " + table + range
                    + " and vals is not null");
        } else {
            sql.append("select 1, metric, (" + g + ")::text, day >= ?, value, sum(n), null, null from insights_daily_value"
                    + range + " group by 2, 3, 4, 5");
        }
        params.addAll(params(now.from(), start, now.to(), where.params()));
        boolean backlog = !g.startsWith("day");
        if (backlog) {
            sql.append(" union all select 2, '', (" + g + ")::text, false, coalesce(sum(case metric when 'opened' then n"
                    + " else -n end), 0), 0, null, null from " + table + " where metric in ('opened', 'resolved') and day < ?"
                    + where.text() + " group by 3");
            params.add(start);
            params.addAll(where.params());
        }
        Map<String, Long> history = new TreeMap<>();
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            switch (rs.getInt(1)) {
                case 0 -> measures(rs, cur, prev).add(rs.getString(2), rs.getLong(5), rs.getLong(6));
                case 1 -> {
                    if (narrow) {
                        addHistogram(measures(rs, cur, prev), rs.getString(2), rs.getArray(7), rs.getArray(8));
                    } else {
                        measures(rs, cur, prev).addValue(rs.getString(2), rs.getInt(5), rs.getLong(6));
                    }
                }
                default -> history.put(rs.getString(3), rs.getLong(5));
            }
        });
        if (backlog) {
            backlog(history, cur, before == null ? null : prev);
        }
        return new Periods(cur, prev);
    }

    private static boolean narrow(KpiRequest request, Scope scope, String g) {
        return request.dimensionFilters().isEmpty() && scope.queues() == null
                && (g.equals("''") || g.equals("market") || g.startsWith("day"));
    }

    /** Every market, none chosen, not grouped by market: the all-markets rollup has the same sums. */
    private static boolean allMarkets(KpiRequest request, Scope scope, String g) {
        return scope.markets() == null && request.market() == null && !g.equals("market");
    }

    private static void backlog(Map<String, Long> history, Map<String, Measures> cur,
                                @Nullable Map<String, Measures> prev) {
        Set<String> groups = new TreeSet<>(history.keySet());
        groups.addAll(cur.keySet());
        if (prev != null) {
            groups.addAll(prev.keySet());
        }
        for (String group : groups) {
            long open = history.getOrDefault(group, 0L);
            if (prev != null) {
                open += net(prev.get(group));
                addBacklog(prev, group, open);
            }
            addBacklog(cur, group, open + net(cur.get(group)));
        }
    }

    private static long net(@Nullable Measures m) {
        return m == null ? 0 : m.n("opened") - m.n("resolved");
    }

    private static void addBacklog(Map<String, Measures> groups, String group, long n) {
        if (n != 0 || groups.containsKey(group)) {
            groups.computeIfAbsent(group, k -> new Measures()).addBacklog(n);
        }
    }

    private static Measures measures(ResultSet rs, Map<String, Measures> cur, Map<String, Measures> prev)
            throws SQLException {
        Map<String, Measures> target = rs.getBoolean(4) ? cur : prev;
        return target.computeIfAbsent(rs.getString(3), k -> new Measures());
    }

    private static void addHistogram(Measures m, String metric, Array vals, Array cnts) throws SQLException {
        Object[] v = (Object[]) vals.getArray();
        Object[] c = (Object[]) cnts.getArray();
        for (int i = 0; i < v.length; i++) {
            m.addValue(metric, ((Number) v[i]).intValue(), ((Number) c[i]).longValue());
        }
    }

    private static List<Object> params(LocalDate split, LocalDate start, LocalDate end, List<Object> where) {
        List<Object> params = new ArrayList<>();
        params.add(split);
        params.add(start);
        params.add(end);
        params.addAll(where);
        return params;
    }
}
