package dev.paydesk.disputes.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.paydesk.platform.NavItem;
import dev.paydesk.platform.Role;

/** Dispute desk entries in the navigation. */
@Configuration(proxyBeanMethods = false)
class DisputeNavigation {

    private static final Set<Role> READERS = Set.of(Role.DISPUTE_SPECIALIST, Role.PROCESS_MANAGER, Role.ADMIN, Role.AUDITOR);

    @Bean
    NavItem disputeDeskNav() {
        return new NavItem("Work", "Dispute desk", "/disputes", "shield", READERS, 30);
    }

    @Bean
    NavItem disputeAnalyticsNav() {
        return new NavItem("Insight", "Dispute outcomes", "/disputes/analytics", "bar-chart", READERS, 30);
    }

    @Bean
    NavItem disputeReasonCodesNav() {
        return new NavItem("Settings", "Dispute reason codes", "/disputes/reason-codes", "list", READERS, 60);
    }
}
