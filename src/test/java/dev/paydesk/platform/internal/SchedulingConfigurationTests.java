package dev.paydesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;

/** Scheduled jobs run in servers; a CLI command never runs them. */
class SchedulingConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(SchedulingConfiguration.class);

    @Test
    void aServerSchedules() {
        context.run(c -> assertThat(c).hasSingleBean(ScheduledAnnotationBeanPostProcessor.class));
    }

    @Test
    void aCliCommandDoesNot() {
        context.withPropertyValues("paydesk.cli=true")
                .run(c -> assertThat(c).doesNotHaveBean(ScheduledAnnotationBeanPostProcessor.class));
    }
}
