package dev.paydesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Proves the pom's wiring of {@code @Tag("slow")}: the default test execution leaves this class out,
 * the "slow-tests" execution (profile slow, on in {@code ./mvnw verify}) runs it. Its report lands in
 * {@code target/surefire-reports/TEST-dev.paydesk.SlowTagWiringTests-slow.xml}.
 */
@Tag("slow")
class SlowTagWiringTests {

    @Test
    void runsInTheSlowExecution() {
        assertThat(System.getProperty("spring.profiles.active")).isEqualTo("test");
    }
}
