package dev.paydesk.quality.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.paydesk.platform.NavItem;
import dev.paydesk.platform.Role;

/** Quality entries in the navigation: reviews for everyone who reads them, scorecards for leads and reviewers. */
@Configuration(proxyBeanMethods = false)
class QualityNavigation {

    @Bean
    NavItem qualityReviewsNav() {
        return new NavItem("Work", "Quality reviews", "/quality", "check", Set.of(Role.AGENT, Role.SPECIALIST,
                Role.DISPUTE_SPECIALIST, Role.PROCESS_MANAGER, Role.AUDITOR, Role.ADMIN, Role.QUALITY_REVIEWER), 50);
    }

    @Bean
    NavItem qualityScorecardsNav() {
        return new NavItem("Settings", "Scorecards", "/quality/scorecards", "list",
                Set.of(Role.PROCESS_MANAGER, Role.AUDITOR, Role.ADMIN, Role.QUALITY_REVIEWER), 50);
    }

    @Bean
    NavItem qualityCalibrationNav() {
        return new NavItem("Insight", "Calibration", "/quality/calibrations", "check",
                Set.of(Role.PROCESS_MANAGER, Role.ADMIN, Role.QUALITY_REVIEWER), 50);
    }

    @Bean
    NavItem qualityReportsNav() {
        return new NavItem("Insight", "Quality reports", "/quality/reports", "bar-chart", Set.of(Role.AGENT, Role.SPECIALIST,
                Role.DISPUTE_SPECIALIST, Role.PROCESS_MANAGER, Role.AUDITOR, Role.ADMIN, Role.QUALITY_REVIEWER), 55);
    }
}
