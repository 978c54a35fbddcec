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
import dev.paydesk.platform.UserAffiliations;
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
    private final UserAffiliations affiliations;

    QualityReportService(JdbcClient jdbc, UserAffiliations affiliations) {
        this.jdbc = jdbc;
        this.affiliations = affiliations;
    }

    @Override
    public List<IqsPoint> iqs(Dimension by, LocalDate from, LocalDate to) {
        if (by == Dimension.SUPPLIER || by == Dimension.TEAM) {
            return byAffiliation(by, from, to);
        }
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

    /** One agent's reviews in one week: what IQS per supplier or team is summed from. */
    record AgentWeek(String agent, LocalDate week, long reviews, double scoreSum, long critical) {
    }

    /**
     * IQS per supplier or team: the agents' weekly sums regrouped by the agents' affiliation (a mean of all the
     * group's reviews, not a mean of agent means).
     */
    private List<IqsPoint> byAffiliation(Dimension by, LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>();
        String where = where(from, to, params);
        List<AgentWeek> rows = jdbc.sql("select coalesce(r.agent, '') as agent,"
                        + " cast(date_trunc('week', r.submitted_at at time zone 'UTC') as date) as week, count(*) as reviews,"
                        + " sum(r.score_percent) as total, count(*) filter (where r.critical_failed) as critical"
                        + " from quality_review r where " + where + " group by 1, 2")
                .params(params)
                .query((rs, n) -> new AgentWeek(rs.getString("agent"), rs.getDate("week").toLocalDate(),
                        rs.getLong("reviews"), rs.getDouble("total"), rs.getLong("critical")))
                .list();
        Map<String, UserAffiliations.Affiliation> all = affiliations.all();
        return regroup(rows, agent -> {
            if (agent.isEmpty()) {
                return List.of("—");
            }
            UserAffiliations.Affiliation a = all.getOrDefault(agent.toLowerCase(java.util.Locale.ROOT),
                    UserAffiliations.Affiliation.IN_HOUSE);
            if (by == Dimension.SUPPLIER) {
                return List.of(a.supplier().orElse(IN_HOUSE));
            }
            return a.teams().isEmpty() ? List.of("—") : a.teams();
        });
    }

    /** Sums agent weeks into the groups each agent belongs to; ordered by group and week. */
    static List<IqsPoint> regroup(List<AgentWeek> rows, java.util.function.Function<String, List<String>> groupsOf) {
        Map<Map.Entry<String, LocalDate>, long[]> counts = new java.util.TreeMap<>(
                Map.Entry.<String, LocalDate>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        Map<Map.Entry<String, LocalDate>, Double> sums = new java.util.HashMap<>();
        for (AgentWeek row : rows) {
            for (String group : groupsOf.apply(row.agent())) {
                Map.Entry<String, LocalDate> key = Map.entry(group, row.week());
                long[] c = counts.computeIfAbsent(key, k -> new long[2]);
                c[0] += row.reviews();
                c[1] += row.critical();
                sums.merge(key, row.scoreSum(), Double::sum);
            }
        }
        List<IqsPoint> points = new ArrayList<>();
        counts.forEach((key, c) -> points.add(new IqsPoint(key.getKey(), key.getValue(), c[0],
                Math.round(sums.get(key) / c[0] * 100) / 100.0, c[1])));
        return points;
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
