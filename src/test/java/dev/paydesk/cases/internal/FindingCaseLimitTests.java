package dev.paydesk.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The rate limit and breaker on cases from findings (issue 21, #15), without Spring. */
class FindingCaseLimitTests {

    private final FindingCaseLimit limit = new FindingCaseLimit(200, Duration.ofMinutes(10));

    @Test
    void belowTheLimitACaseOpens() {
        assertThat(limit.decide(false, 199)).isInstanceOf(FindingCaseLimit.Decision.Open.class);
    }

    @Test
    void atTheLimitTheBreakerTripsAndStaysOpenUntilResumed() {
        assertThat(limit.decide(false, 200)).isEqualTo(new FindingCaseLimit.Decision.Wait(true,
                "200 cases were opened from findings in the last 10 minutes (limit 200)"));
        assertThat(limit.decide(true, 0)).isInstanceOf(FindingCaseLimit.Decision.Wait.class)
                .extracting(d -> ((FindingCaseLimit.Decision.Wait) d).trip()).isEqualTo(false);
    }
}
