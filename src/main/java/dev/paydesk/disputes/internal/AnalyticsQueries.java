package dev.paydesk.disputes.internal;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.paydesk.disputes.DisputeAnalytics;
import dev.paydesk.shared.Money;

/** Outcome analytics in one grouped SQL query. */
@Service
class AnalyticsQueries implements DisputeAnalytics {

    private final JdbcClient jdbc;

    AnalyticsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Row> outcomes(Dimension dimension, @Nullable List<String> markets, java.time.@Nullable Instant from,
                              java.time.@Nullable Instant to) {
        String key = switch (dimension) {
            case REASON -> "reason_category";
            case PROVIDER -> "provider";
            case NETWORK -> "network";
            case MARKET -> "coalesce(market, '-')";
        };
        List<Object> params = new ArrayList<>();
        String where = " where true";
        if (markets != null) {
            where += " and market = any(?)";
            params.add(markets.toArray(String[]::new));
        }
        if (from != null) {
            where += " and opened_at >= ?";
            params.add(java.sql.Timestamp.from(from));
        }
        if (to != null) {
            where += " and opened_at < ?";
            params.add(java.sql.Timestamp.from(to));
        }
        return jdbc.sql("""
                        select %s as k, currency, count(*) as total,
                            count(*) filter (where closed_at is null) as open,
                            count(*) filter (where status = 'WON') as won,
                            count(*) filter (where status = 'LOST') as lost,
                            count(*) filter (where status = 'ACCEPTED') as accepted,
                            count(*) filter (where status = 'EXPIRED') as expired,
                            coalesce(sum(amount_minor) filter (where status = 'WON'), 0) as recovered,
                            coalesce(sum(amount_minor) filter (where status in ('LOST', 'ACCEPTED', 'EXPIRED')), 0) as lost_minor
                        from disputes_dispute%s group by 1, 2 order by 3 desc, 1""".formatted(key, where))
                .params(params)
                .query((rs, n) -> {
                    long won = rs.getLong("won");
                    long decided = won + rs.getLong("lost") + rs.getLong("expired");
                    Currency c = Currency.getInstance(rs.getString("currency"));
                    return new Row(rs.getString("k"), c.getCurrencyCode(), rs.getLong("total"), rs.getLong("open"), won,
                            rs.getLong("lost"), rs.getLong("accepted"), rs.getLong("expired"),
                            decided == 0 ? 0 : won / (double) decided, new Money(rs.getLong("recovered"), c),
                            new Money(rs.getLong("lost_minor"), c));
                })
                .list();
    }
}
