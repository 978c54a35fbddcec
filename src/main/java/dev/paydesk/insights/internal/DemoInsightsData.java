package dev.paydesk.insights.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.paydesk.insights.Insights;
import dev.paydesk.insights.Kpi;
import dev.paydesk.platform.Market;
import dev.paydesk.platform.MarketCatalog;

/**
 * Demo: after every other module has seeded (and backdated) its data, rebuild the facts and rollups from
 * their APIs so the dashboards show the seeded weeks, and set a few targets so statuses show.
 */
@Component
@Order(90)
@ConditionalOnProperty(name = "paydesk.demo.enabled", havingValue = "true")
class DemoInsightsData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoInsightsData.class);

    private final Insights insights;
    private final Targets targets;
    private final MarketCatalog markets;

    DemoInsightsData(Insights insights, Targets targets, MarketCatalog markets) {
        this.insights = insights;
        this.targets = targets;
        this.markets = markets;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Market m : markets.markets()) {
            if (targets.find(Kpi.FIRST_RESPONSE_ATTAINMENT, m.code()).isEmpty()) {
                targets.set(Kpi.FIRST_RESPONSE_ATTAINMENT, m.code(), 0.9, 0.05);
                targets.set(Kpi.FAILED_REFUND_RATE, m.code(), 0.02, 0.01);
                targets.set(Kpi.CSAT_MEAN, m.code(), 4.2, 0.3);
            }
        }
        Insights.RebuildSummary s = insights.rebuild();
        log.info("Demo insights: rollups rebuilt from {} cases, {} captures and refunds, {} disputes in {} s",
                s.cases(), s.payments(), s.disputes(), String.format(java.util.Locale.ROOT, "%.1f", s.seconds()));
    }
}
