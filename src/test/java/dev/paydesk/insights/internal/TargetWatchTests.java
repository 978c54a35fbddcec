package dev.paydesk.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.NewCase;
import dev.paydesk.insights.Insights;
import dev.paydesk.insights.Kpi;
import dev.paydesk.platform.PlatformTestSupport;

/** A KPI crossing its target raises one in-app alert; the next check without a change raises none. */
@SpringBootTest
class TargetWatchTests extends PlatformTestSupport {

    @Autowired
    TargetWatch watch;
    @Autowired
    Targets targets;
    @Autowired
    Insights insights;
    @Autowired
    CaseDesk desk;
    @Autowired
    JdbcClient jdbc;

    @Test
    void crossingATargetRaisesOneAlert() {
        ensureMarket("LV", "EUR", "Europe/Riga", "lv");
        asSystem(() -> desk.open(NewCase.builder("Charged twice", "LV", CaseSource.API).description("two captures").language("en")
                .customer("c-" + UUID.randomUUID(), null).provider("KLARNA").build()));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from insights_case_fact where market = 'LV'")
                .query(Long.class).single() > 0);
        asSystem(() -> targets.set(Kpi.CASES_OPENED, "LV", 1_000_000, 10));
        assertThat(watch.check()).isGreaterThanOrEqualTo(1);
        assertThat(watch.check()).isZero();
        List<Insights.TargetAlert> alerts = insights.alerts(500).stream()
                .filter(a -> a.market().equals("LV") && a.kpi().equals("cases_opened")).toList();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.getFirst().status()).isEqualTo("off_target");
        assertThat(alerts.getFirst().previous()).isNull();
    }
}
