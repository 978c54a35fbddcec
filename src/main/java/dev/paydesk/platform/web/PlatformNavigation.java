package dev.paydesk.platform.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.paydesk.platform.NavItem;
import dev.paydesk.platform.Role;

/** The platform's own navigation entries. */
@Configuration(proxyBeanMethods = false)
class PlatformNavigation {

    @Bean
    NavItem overviewNav() {
        return new NavItem("Work", "Overview", "/", "home", Set.of(), 0);
    }

    @Bean
    NavItem marketsNav() {
        return new NavItem("Settings", "Markets & calendars", "/markets", "globe", Set.of(), 10);
    }

    @Bean
    NavItem usersNav() {
        return new NavItem("Admin", "Users", "/admin/users", "users", Set.of(Role.ADMIN), 10);
    }

    @Bean
    NavItem ssoRulesNav() {
        return new NavItem("Admin", "Sign-on rules", "/admin/sso-rules", "users", Set.of(Role.ADMIN), 15);
    }

    @Bean
    NavItem auditNav() {
        return new NavItem("Admin", "Audit log", "/audit", "shield", Set.of(Role.ADMIN, Role.AUDITOR), 20);
    }

    @Bean
    NavItem apiDocsNav() {
        return new NavItem("Settings", "API docs", "/swagger-ui/index.html", "code", Set.of(), 90);
    }
}
