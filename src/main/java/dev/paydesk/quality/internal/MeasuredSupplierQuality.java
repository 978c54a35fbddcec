package dev.paydesk.quality.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.platform.UserAffiliations;
import dev.paydesk.quality.reports.IqsPoint;
import dev.paydesk.workforce.MeasuredQuality;

/**
 * Tells workforce each supplier's IQS over the last {@value #DAYS} days (all markets, counting reviews of the
 * supplier's agents); in-house agents and agents without a supplier do not count.
 */
@Component
class MeasuredSupplierQuality implements MeasuredQuality {

    static final int DAYS = 84;

    private final JdbcClient jdbc;
    private final UserAffiliations affiliations;
    private final Clock clock;

    MeasuredSupplierQuality(JdbcClient jdbc, UserAffiliations affiliations, Clock clock) {
        this.jdbc = jdbc;
        this.affiliations = affiliations;
        this.clock = clock;
    }

    @Override
    public Map<String, Measured> iqsBySupplier() {
        LocalDate to = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate from = to.minusDays(DAYS - 1);
        List<QualityReportService.AgentWeek> rows = jdbc.sql("""
                        select r.agent, count(*) as reviews, sum(r.score_percent) as total,
                            count(*) filter (where r.critical_failed) as critical
                        from quality_review r where r.status <> 'OVERTURNED' and r.agent is not null
                            and r.submitted_at >= ? and r.submitted_at < ? group by 1""")
                .params(Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()),
                        Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .query((rs, n) -> new QualityReportService.AgentWeek(rs.getString("agent"), from, rs.getLong("reviews"),
                        rs.getDouble("total"), rs.getLong("critical")))
                .list();
        Map<String, UserAffiliations.Affiliation> all = affiliations.all();
        Map<String, Measured> measured = new HashMap<>();
        for (IqsPoint p : QualityReportService.regroup(rows, agent -> all.getOrDefault(agent.toLowerCase(Locale.ROOT),
                UserAffiliations.Affiliation.IN_HOUSE).supplier().map(List::of).orElse(List.of()))) {
            measured.put(p.group(), new Measured(p.iqs(), p.reviews(), from, to));
        }
        return measured;
    }
}
