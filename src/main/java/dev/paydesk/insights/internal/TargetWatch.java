package dev.paydesk.insights.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.paydesk.insights.Insights;
import dev.paydesk.insights.Kpi;
import dev.paydesk.insights.KpiRequest;
import dev.paydesk.insights.KpiValue;
import dev.paydesk.platform.JobCoordinator;
import dev.paydesk.platform.MarketCatalog;

/**
 * Raises an in-app alert when a KPI crosses its target: every few minutes each target's KPI over the
 * market's last 7 local days (today included) is compared with the status last seen; a change is
 * recorded once (on one node, through the job lease) and shown on the dashboards.
 */
@Component
class TargetWatch {

    private final JdbcClient jdbc;
    private final Targets targets;
    private final Insights insights;
    private final MarketCatalog markets;
    private final JobCoordinator jobs;
    private final Clock clock;

    TargetWatch(JdbcClient jdbc, Targets targets, Insights insights, MarketCatalog markets, JobCoordinator jobs, Clock clock) {
        this.jdbc = jdbc;
        this.targets = targets;
        this.insights = insights;
        this.markets = markets;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${paydesk.insights.target-check:PT5M}", initialDelayString = "PT2M")
    void scheduled() {
        jobs.runExclusively("insights.target-watch", Duration.ofMinutes(10), this::check);
    }

    /** Compares every target's current status with the last one seen; returns how many crossed. */
    synchronized int check() {
        int crossed = 0;
        for (Targets.Target t : targets.list(null)) {
            Kpi kpi = Kpi.byKey(t.kpi()).orElse(null);
            if (kpi == null || markets.market(t.market()).isEmpty()) {
                continue;
            }
            LocalDate today = LocalDate.now(clock.withZone(markets.market(t.market()).orElseThrow().zone()));
            KpiRequest request = KpiRequest.period(today.minusDays(6), today.plusDays(1)).withMarket(t.market());
            KpiValue v = insights.kpis(request).stream().filter(k -> k.key().equals(kpi.key())).findFirst().orElse(null);
            String status = v == null ? null : Targets.status(kpi, t, v.value());
            if (status == null || v.value() == null) {
                continue;
            }
            String last = jdbc.sql("select last_status from insights_target where kpi = ? and market = ?")
                    .params(t.kpi(), t.market()).query(String.class).optional().orElse(null);
            if (!status.equals(last)) {
                jdbc.sql("update insights_target set last_status = ? where kpi = ? and market = ?")
                        .params(status, t.kpi(), t.market()).update();
                if (last != null || !status.equals("on_target")) {
                    jdbc.sql("insert into insights_alert (kpi, market, status, previous, value, target, created_at)"
                                    + " values (?, ?, ?, ?, ?, ?, ?)")
                            .params(t.kpi(), t.market(), status, last, v.value(), t.target(), Timestamp.from(clock.instant()))
                            .update();
                    crossed++;
                }
            }
        }
        return crossed;
    }
}
