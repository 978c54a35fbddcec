package dev.paydesk.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.NewCase;
import dev.paydesk.cases.Priority;
import dev.paydesk.platform.PlatformTestSupport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Issue 18: one case whose clocks cannot be computed (here a timeline entry with an unknown status)
 * must not stop the minute sweep or the recompute after a policy change for every case after it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ClockSweepTests extends PlatformTestSupport {

    @Autowired
    ClockSweep sweep;

    @Autowired
    CaseDesk desk;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Clock clock;

    private UUID broken;
    private UUID overdue;

    @BeforeEach
    void twoCases() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        broken = open("Broken history");
        overdue = open("Overdue first response");
        jdbc.sql("insert into cases_entry (case_id, kind, at, author, data) values (?, 'STATUS', ?, 'test', '{\"status\": \"BOGUS\"}')")
                .params(broken, Timestamp.from(clock.instant())).update();
        // a first response opened three weeks ago is breached whatever the calendar; the broken case sorts first
        jdbc.sql("update cases_entry set at = ? where case_id = ?")
                .params(Timestamp.from(clock.instant().minus(Duration.ofDays(21))), overdue).update();
        dueLongAgo();
    }

    @AfterEach
    void repair() {
        jdbc.sql("delete from cases_entry where case_id = ? and data->>'status' = 'BOGUS'").param(broken).update();
    }

    @Test
    void theMinuteSweepLogsAndCountsABrokenCaseAndGoesOnWithTheOthers() {
        double failuresBefore = failures("sweep");
        sweep.sweepDue();
        assertThat(failures("sweep")).isGreaterThanOrEqualTo(failuresBefore + 1);
        assertThat(breached(overdue)).isTrue();
        assertThat(jdbc.sql("""
                select count(*) from cases_entry
                where case_id = ? and kind = 'CLOCK_BREACHED' and data->>'clock' = 'FIRST_RESPONSE'""")
                .param(overdue).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theRecomputeAfterAPolicyChangeGoesOnPastABrokenCase() {
        double failuresBefore = failures("recompute");
        sweep.recomputeAllOpen();
        assertThat(failures("recompute")).isGreaterThanOrEqualTo(failuresBefore + 1);
        assertThat(breached(overdue)).isTrue();
    }

    private UUID open(String subject) {
        UUID[] id = new UUID[1];
        asSystem(() -> id[0] = desk.open(NewCase.builder(subject, "DE", CaseSource.API).language("de")
                .priority(Priority.NORMAL).queue("payments").build()).summary().id());
        return id[0];
    }

    private void dueLongAgo() {
        jdbc.sql("update cases_case set next_due_at = ?, breached = false where id = ?")
                .params(Timestamp.valueOf("2000-01-01 00:00:00"), broken).update();
        jdbc.sql("update cases_case set next_due_at = ?, breached = false where id = ?")
                .params(Timestamp.valueOf("2000-01-01 00:01:00"), overdue).update();
    }

    private boolean breached(UUID id) {
        return jdbc.sql("select breached from cases_case where id = ?").param(id).query(Boolean.class).single();
    }

    private double failures(String run) {
        Counter counter = meters.find(ClockSweep.FAILURES).tag("run", run).counter();
        return counter == null ? 0 : counter.count();
    }
}
