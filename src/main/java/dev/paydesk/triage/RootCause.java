package dev.paydesk.triage;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Root-cause Pareto over the hourly contact counts: contacts per category in a period, optionally
 * narrowed to a provider, market or payment method, largest first, with each category's share of
 * the volume (the share that fixing it would remove) and the cumulative share; and daily trends.
 */
@Service
public class RootCause {

    private final JdbcClient jdbc;

    RootCause(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Filter for a Pareto; null fields mean all. {@code markets} limits to the caller's market scope. */
    public record Filter(Instant from, Instant to, @Nullable String provider, @Nullable String market,
                         @Nullable String method, @Nullable List<String> markets) {
    }

    /** One bar of the Pareto. */
    public record ParetoRow(String category, long contacts, double share, double cumulativeShare) {
    }

    public List<ParetoRow> pareto(Filter f) {
        StringBuilder sql = new StringBuilder("select category, sum(contacts) as n from triage_hourly_counts"
                + " where hour >= :from and hour < :to");
        List<Object[]> params = conditions(f, sql);
        if (params == null) {
            return List.of();
        }
        sql.append(" group by category order by n desc, category");
        List<Object[]> counts = bind(sql, params).query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)}).list();
        long total = counts.stream().mapToLong(c -> (Long) c[1]).sum();
        List<ParetoRow> rows = new ArrayList<>();
        long cumulative = 0;
        for (Object[] c : counts) {
            long n = (Long) c[1];
            cumulative += n;
            rows.add(new ParetoRow((String) c[0], n, (double) n / total, (double) cumulative / total));
        }
        return rows;
    }

    /** Contacts of one category on one UTC day. */
    public record DailyCount(LocalDate day, String category, long contacts) {
    }

    /** Daily contacts per category (UTC days) in the filter's period, oldest first; for trend charts. */
    public List<DailyCount> trend(Filter f) {
        StringBuilder sql = new StringBuilder("select (hour at time zone 'UTC')::date as day, category, sum(contacts)"
                + " from triage_hourly_counts where hour >= :from and hour < :to");
        List<Object[]> params = conditions(f, sql);
        if (params == null) {
            return List.of();
        }
        sql.append(" group by day, category order by day, category");
        return bind(sql, params).query((rs, n) -> new DailyCount(rs.getObject(1, LocalDate.class), rs.getString(2),
                rs.getLong(3))).list();
    }

    /** Distinct values of a dimension ({@code provider}, {@code market} or {@code method}) in the filter's period and scope. */
    public List<String> values(String dimension, Filter f) {
        if (!List.of("provider", "market", "method").contains(dimension)) {
            throw new IllegalArgumentException("not a dimension: " + dimension);
        }
        StringBuilder sql = new StringBuilder("select distinct " + dimension + " from triage_hourly_counts"
                + " where hour >= :from and hour < :to and " + dimension + " is not null");
        List<Object[]> params = conditions(new Filter(f.from(), f.to(), null, null, null, f.markets()), sql);
        if (params == null) {
            return List.of();
        }
        sql.append(" order by 1");
        return bind(sql, params).query(String.class).list();
    }

    private JdbcClient.StatementSpec bind(StringBuilder sql, List<Object[]> params) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString());
        for (Object[] p : params) {
            spec = spec.param((String) p[0], p[1]);
        }
        return spec;
    }

    /** Appends the filter's conditions; null when the market scope is empty (nothing visible). */
    private static @Nullable List<Object[]> conditions(Filter f, StringBuilder sql) {
        List<Object[]> params = new ArrayList<>();
        params.add(new Object[] {"from", Timestamp.from(f.from())});
        params.add(new Object[] {"to", Timestamp.from(f.to())});
        if (f.provider() != null) {
            sql.append(" and provider = :provider");
            params.add(new Object[] {"provider", f.provider()});
        }
        if (f.market() != null) {
            sql.append(" and market = :market");
            params.add(new Object[] {"market", f.market()});
        }
        if (f.method() != null) {
            sql.append(" and method = :method");
            params.add(new Object[] {"method", f.method()});
        }
        if (f.markets() != null) {
            if (f.markets().isEmpty()) {
                return null;
            }
            sql.append(" and market in (:markets)");
            params.add(new Object[] {"markets", f.markets()});
        }
        return params;
    }

    /** The Pareto as RFC 4180 CSV with a header row. */
    public static String toCsv(List<ParetoRow> rows) {
        StringBuilder csv = new StringBuilder("category,contacts,share,cumulative_share\r\n");
        for (ParetoRow r : rows) {
            csv.append(quote(r.category())).append(',').append(r.contacts()).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.4f,%.4f", r.share(), r.cumulativeShare())).append("\r\n");
        }
        return csv.toString();
    }

    private static String quote(String value) {
        boolean needs = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return needs ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
