package dev.paydesk.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.UserAccount;
import dev.paydesk.quality.Calibrations;
import dev.paydesk.quality.Reviews;
import dev.paydesk.quality.Scorecards;

/** The demo seeding (normally only with paydesk.demo.enabled) runs against real resolved cases without failing. */
@SpringBootTest
@AutoConfigureMockMvc
class DemoQualityDataTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;
    @Autowired
    Scorecards scorecards;
    @Autowired
    Reviews reviews;
    @Autowired
    Calibrations calibrations;
    @Autowired
    SamplingService sampling;
    @Autowired
    CaseDesk cases;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void seedsAScorecardReviewsAndARevealedCalibrationSession() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        for (int i = 0; i < 3; i++) {
            dev.paydesk.quality.QualityFixtures.resolvedCase(mvc, tokenFor(agent), agent.username());
        }
        int reviewed = new DemoQualityData(scorecards, reviews, calibrations, sampling, cases, jdbc, clock).seed();
        assertThat(reviewed).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("select count(*) from quality_review where reviewer = 'demo.quality'").query(Long.class).single())
                .isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("select status from quality_calibration where name = 'Demo calibration'").query(String.class).list())
                .contains("REVEALED");
    }
}
