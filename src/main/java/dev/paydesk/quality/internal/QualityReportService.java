package dev.paydesk.quality.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.paydesk.platform.CurrentUser;
import dev.paydesk.quality.QualityReports;
import dev.paydesk.quality.reports.IqsPoint;
import dev.paydesk.quality.reports.Pareto;
import dev.paydesk.shared.InvalidInputException;

/** IQS and Pareto reports in plain SQL over the stored reviews. */
@Service
class QualityReportService implements QualityReports {

    private static final Map<Dimension, String> COLUMNS = Map.of(Dimension.AGENT, "coalesce(r.agent, '—')",
            Dimension.MARKET, "r.market", Dimension.CATEGORY, "coalesce(r.category, '—')", Dimension.REVIEWER, "r.reviewer");

    private final JdbcClient jdbc;

    QualityReportService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<IqsPoint> iqs(Dimension by, LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>();
        String where = where(from, to, params);
        String group = COLUMNS.get(by);
        return jdbc.sql("select " + group + " as grp, cast(date_trunc('week', r.submitted_at at time zone 'UTC') as date) as week,"
                        + " count(*) as reviews, avg(r.score_percent) as iqs, count(*) filter (where r.critical_failed) as critical"
                        + " from quality_review r where " + where + " group by 1, 2 order by 1, 2")
                .params(params)
                .query((rs, n) -> new IqsPoint(rs.getString("grp"), rs.getDate("week").toLocalDate(), rs.getLong("reviews"),
                        Math.round(rs.getDouble("iqs") * 100) / 100.0, rs.getLong("critical")))
                .list();
    }

    @Override
    public List<Pareto.Line> pareto(LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>();
        String where = where(from, to, params);
        Map<String, Long> failures = new LinkedHashMap<>();
        jdbc.sql("select a->>'criterion' as criterion, count(*) as failures from quality_review r,"
                        + " jsonb_array_elements(r.answers) a where " + where
                        + " and lower(a->>'value') in ('no', '1', '2') group by 1")
                .params(params)
                .query((rs, n) -> Map.entry(rs.getString("criterion"), rs.getLong("failures"))).list()
                .forEach(e -> failures.put(e.getKey(), e.getValue()));
        return Pareto.of(failures, 0.8);
    }

    private static String where(LocalDate from, LocalDate to, List<Object> params) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "the period ends before it starts");
        }
        StringBuilder sql = new StringBuilder("r.status <> 'OVERTURNED' and r.submitted_at >= ? and r.submitted_at < ?");
        params.add(Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()));
        params.add(Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        List<String> markets = CurrentUser.marketScope();
        if (markets != null) {
            sql.append(" and r.market = any(?)");
            params.add(markets.toArray(String[]::new));
        }
        if (!QualityService.seesAllReviews()) {
            sql.append(" and r.agent = ?");
            params.add(CurrentUser.actorName());
        }
        return sql.toString();
    }
}
