package dev.paydesk.insights.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.insights.Kpi;
import dev.paydesk.insights.KpiRequest;
import dev.paydesk.shared.Money;
import dev.paydesk.workforce.ContactData;
import dev.paydesk.workforce.Supplier;

/**
 * Reads the supplier KPIs: sums {@code insights_supplier_day} and {@code insights_queue_accuracy} of a period
 * and the one before into the same per-group {@link Measures} the other families use, and lists the interval
 * rows (or queue-days) behind each value with the same filters, so a list's length equals the KPI's sample.
 */
@Component
class SupplierReader {

    private static final Set<String> COLUMNS = Set.of("queue", "supplier");
    private static final Set<String> GROUPS = Set.of("''", "market", "queue", "supplier", "day::text");

    private static final String INTERVALS = "select to_char(interval_start at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI\"Z\"')"
            + " || ' ' || queue || ' ' || supplier as id, interval_start, queue, supplier, market, day, interval_minutes,"
            + " offered, answered, abandoned, within_target, handle_s, wait_s, agents_staffed"
            + " from insights_interval_fact where day >= ? and day < ?";
    private static final String ACCURACY = "select queue || ' ' || day as id, queue, market, day, actual, forecast,"
            + " abs_error, case when actual > 0 then abs_error / actual end as wape"
            + " from insights_queue_accuracy where day >= ? and day < ?";

    private final JdbcClient jdbc;
    private final ContactData workforce;

    SupplierReader(JdbcClient jdbc, ContactData workforce) {
        this.jdbc = jdbc;
        this.workforce = workforce;
    }

    /**
     * Adds the supplier figures of {@code now} (and of {@code before}, the period just before it, when not null)
     * per group into {@code cur} and {@code prev}. Agents (queue-scoped) and groupings these rows lack add nothing.
     *
     * @param g the group expression: {@code ''}, {@code market}, {@code queue}, {@code supplier} or {@code day::text}
     */
    void read(KpiRequest now, @Nullable KpiRequest before, Scope scope, String g, Map<String, Measures> cur,
              Map<String, Measures> prev) {
        if (scope.queues() != null || !GROUPS.contains(g)) {
            return;
        }
        LocalDate start = before == null ? now.from() : before.from();
        Map<String, Money> rates = new TreeMap<>();
        for (Supplier s : workforce.suppliers()) {
            rates.put(s.code(), s.costPerHour());
        }
        Scope.Sql where = scope.where(now, COLUMNS);
        jdbc.sql("select " + g + ", day >= ?, supplier, sum(offered_intervals), sum(answered_intervals),"
                        + " sum(staffed_intervals), sum(offered), sum(answered), sum(abandoned), sum(within_target),"
                        + " sum(handle_s), sum(wait_s), sum(staffed_agent_s), sum(staffed_handle_s), sum(staffed_answered)"
                        + " from insights_supplier_day where day >= ? and day < ?" + where.text() + " group by 1, 2, 3")
                .params(params(now.from(), start, now.to(), where.params()))
                .query(rs -> {
                    measures(rs, cur, prev).supplier().add(day(rs), rates.get(rs.getString(3)));
                });
        if (now.supplier() != null || g.equals("supplier")) {
            return;
        }
        Scope.Sql queues = scope.where(now, Set.of("queue"));
        jdbc.sql("select " + g + ", day >= ?, actual, abs_error from insights_queue_accuracy where day >= ? and day < ?"
                        + queues.text())
                .params(params(now.from(), start, now.to(), queues.params()))
                .query(rs -> {
                    measures(rs, cur, prev).supplier().addAccuracy(rs.getDouble(3), rs.getDouble(4));
                });
    }

    /** The records behind a supplier KPI (interval rows, or queue-days for the forecast accuracy). */
    static Drilldowns.Query drilldown(Kpi kpi, KpiRequest r, Scope scope) {
        List<Object> params = new ArrayList<>(List.of(r.from(), r.to()));
        String sql = switch (kpi) {
            case SUPPLIER_SERVICE_LEVEL, SUPPLIER_ABANDON_RATE -> INTERVALS + " and offered > 0";
            case SUPPLIER_ASA_SECONDS, SUPPLIER_AHT_SECONDS -> INTERVALS + " and answered > 0";
            case SUPPLIER_OCCUPANCY, SUPPLIER_COST_PER_CONTACT -> INTERVALS + " and agents_staffed > 0";
            case FORECAST_WAPE -> ACCURACY;
            default -> throw new IllegalStateException(kpi + " is not a supplier KPI");
        };
        Scope.Sql where = scope.where(r, kpi == Kpi.FORECAST_WAPE ? Set.of("queue") : COLUMNS);
        params.addAll(where.params());
        return new Drilldowns.Query(sql + where.text(), params);
    }

    private static SupplierMeasures.Day day(ResultSet rs) throws SQLException {
        BigDecimal agentSeconds = rs.getBigDecimal(13);
        return new SupplierMeasures.Day(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12),
                agentSeconds == null ? BigDecimal.ZERO : agentSeconds, rs.getLong(14), rs.getLong(15));
    }

    private static Measures measures(ResultSet rs, Map<String, Measures> cur, Map<String, Measures> prev)
            throws SQLException {
        Map<String, Measures> target = rs.getBoolean(2) ? cur : prev;
        return target.computeIfAbsent(rs.getString(1), k -> new Measures());
    }

    private static List<Object> params(LocalDate split, LocalDate start, LocalDate end, List<Object> where) {
        List<Object> params = new ArrayList<>(List.of(split, start, end));
        params.addAll(where);
        return params;
    }
}
