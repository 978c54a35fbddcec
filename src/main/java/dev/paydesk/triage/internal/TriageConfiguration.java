package dev.paydesk.triage.internal;

import java.util.Set;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.paydesk.platform.NavItem;
import dev.paydesk.platform.Role;
import dev.paydesk.triage.classifier.BgeSmallEmbedder;
import dev.paydesk.triage.classifier.SentenceEmbedder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TriageProperties.class)
class TriageConfiguration {

    /** Loaded lazily on first use (about a second; the ONNX model is inside the artifact). */
    @Bean
    SentenceEmbedder sentenceEmbedder() {
        return new BgeSmallEmbedder();
    }

    @Bean
    NavItem triageTaxonomyNav() {
        return new NavItem("Settings", "Taxonomy", "/triage/taxonomy", "tag", Set.of(Role.PROCESS_MANAGER, Role.ADMIN), 40);
    }

    @Bean
    NavItem triageIncidentsNav() {
        return new NavItem("Insight", "Incidents", "/triage/incidents", "alert",
                Set.of(Role.REALTIME_MANAGER, Role.PROCESS_MANAGER, Role.ADMIN), 30);
    }

    @Bean
    NavItem triageRootCauseNav() {
        return new NavItem("Insight", "Root causes", "/triage/root-cause", "chart",
                Set.of(Role.REALTIME_MANAGER, Role.PROCESS_MANAGER, Role.ADMIN, Role.AUDITOR), 35);
    }

    @Bean
    NavItem triageModelsNav() {
        return new NavItem("Insight", "Classifier versions", "/triage/models", "chart",
                Set.of(Role.PROCESS_MANAGER, Role.ADMIN), 40);
    }
}
