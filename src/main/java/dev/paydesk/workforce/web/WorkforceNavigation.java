package dev.paydesk.workforce.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.paydesk.platform.NavItem;
import dev.paydesk.platform.Role;

/** Workforce entries in the navigation. */
@Configuration(proxyBeanMethods = false)
class WorkforceNavigation {

    private static final Set<Role> ROLES = Set.of(Role.REALTIME_MANAGER, Role.ADMIN, Role.PROCESS_MANAGER);

    @Bean
    NavItem workforceRealtimeNav() {
        return new NavItem("Work", "Realtime board", "/workforce/realtime", "activity", ROLES, 40);
    }

    @Bean
    NavItem workforcePlanningNav() {
        return new NavItem("Insight", "Forecast & staffing", "/workforce", "bar-chart", ROLES, 40);
    }
}
