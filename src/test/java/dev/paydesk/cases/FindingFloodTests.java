package dev.paydesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.reconciliation.FindingOpened;
import dev.paydesk.reconciliation.FindingType;
import dev.paydesk.shared.Money;

/**
 * Issue 21, #15: findings opened 175 cases a second. Here at most 3 cases per 3 seconds: the fourth
 * finding trips the breaker, findings wait, process managers are told, and an admin resumes.
 */
@SpringBootTest(properties = {"paydesk.cases.findings.max-new-cases=3", "paydesk.cases.findings.window=PT3S"})
class FindingFloodTests extends PlatformTestSupport {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FindingCaseIntake intake;

    private long findingCasesInLast(String interval) {
        return jdbc.sql("select count(*) from cases_case where source = 'FINDING' and created_at >= now() - cast(? as interval)")
                .param(interval).query(Long.class).single();
    }

    @Test
    void pastTheLimitFindingsWaitAPersonIsToldAndAnAdminResumes() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        var manager = newUser(Role.PROCESS_MANAGER, List.of("DE"));
        await().atMost(Duration.ofSeconds(10)).until(() -> findingCasesInLast("4 seconds") == 0);
        try {
            for (int i = 0; i < 5; i++) {
                UUID id = UUID.randomUUID();
                tx.executeWithoutResult(s -> events.publishEvent(new FindingOpened(id, FindingType.FAILED_REFUND, "DE",
                        "ADYEN", "ORD-FL-" + id, null, null, Money.of(5_00, "EUR"), "Refund failed")));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> intake.state().waiting() == 2);
            assertThat(findingCasesInLast("1 minute")).isGreaterThanOrEqualTo(3);
            FindingCaseIntake.State paused = intake.state();
            assertThat(paused.paused()).isTrue();
            assertThat(paused.reason()).contains("limit 3");
            assertThat(jdbc.sql("select count(*) from cases_notification where username = ? and kind = 'INTAKE_PAUSED'")
                    .param(manager.username()).query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'finding-intake.paused'")
                    .query(Long.class).single()).isGreaterThanOrEqualTo(1);

            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> findingCasesInLast("3 seconds") == 0);
            FindingCaseIntake.State[] resumed = new FindingCaseIntake.State[1];
            asSystem(() -> resumed[0] = intake.resume());
            assertThat(resumed[0].paused()).isFalse();
            assertThat(resumed[0].waiting()).isZero();
        } finally {
            asSystem(() -> intake.resume());
        }
    }
}
