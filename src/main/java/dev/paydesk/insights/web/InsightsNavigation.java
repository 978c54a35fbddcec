package dev.paydesk.insights.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.paydesk.platform.NavItem;

/** The dashboards' navigation entry (every role; figures are scoped per user). */
@Configuration(proxyBeanMethods = false)
class InsightsNavigation {

    @Bean
    NavItem insightsNav() {
        return new NavItem("Insight", "KPIs & dashboards", "/insights", "bar-chart", Set.of(), 10);
    }
}
