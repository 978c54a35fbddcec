package dev.paydesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.reconciliation.FindingOpened;
import dev.paydesk.reconciliation.FindingResolved;
import dev.paydesk.reconciliation.FindingType;
import dev.paydesk.shared.Money;

/**
 * Reconciliation findings as the case desk receives them (published after commit, as the
 * reconciliation module does): one case per finding however often it is delivered, priority by the
 * money at risk, joining the customer's open case about the same order, resolving with the finding.
 * A module test: the case desk with the modules it depends on, no triage (which would categorise and
 * move the cases) and no reconciliation run; each scenario publishes the event and waits for the
 * case desk's answer.
 */
@CaseDeskModuleTest
class FindingCaseTests extends PlatformTestSupport {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    CaseDesk desk;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void market() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
    }

    private void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    private List<CaseSummary> linked(LinkKind kind, String ref) {
        List<CaseSummary> out = new ArrayList<>();
        asSystem(() -> out.addAll(desk.linkedTo(kind, ref)));
        return out;
    }

    @Test
    void aFindingOpensOneCaseAndItsResolutionResolvesIt(Scenario scenario) {
        UUID finding = UUID.randomUUID();
        String order = "ORD-F" + finding.toString().substring(0, 6);
        FindingOpened opened = new FindingOpened(finding, FindingType.FAILED_REFUND, "DE", "ADYEN", order, "psp-" + finding,
                "cust-1", Money.of(1_250_00, "EUR"), "Refund of 1,250.00 EUR failed at the bank");
        scenario.publish(opened).andWaitForEventOfType(CaseCreated.class)
                .matching(e -> order.equals(e.paymentRef()))
                .toArriveAndVerify(created -> {
                    assertThat(created.source()).isEqualTo(CaseSource.FINDING);
                    assertThat(created.category()).isEqualTo("reconciliation.failed-refund");
                    assertThat(created.customerRef()).isEqualTo("cust-1");
                });
        // the same finding delivered again (at-least-once) opens no second case
        publish(opened);
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> linked(LinkKind.FINDING, finding.toString()).size() == 1);
        CaseSummary c = linked(LinkKind.FINDING, finding.toString()).getFirst();
        assertThat(c.priority()).isEqualTo(Priority.HIGH);
        assertThat(linked(LinkKind.ORDER, order)).extracting(CaseSummary::id).containsExactly(c.id());

        scenario.publish(new FindingResolved(finding, FindingType.FAILED_REFUND, "DE", order, "the refund settled"))
                .andWaitForStateChange(() -> linked(LinkKind.FINDING, finding.toString()).getFirst().status(),
                        status -> status == CaseStatus.RESOLVED)
                .andVerify(status -> assertThat(status).isEqualTo(CaseStatus.RESOLVED));
    }

    @Test
    void aFindingJoinsTheCustomersOpenCaseAboutTheSameOrder(Scenario scenario) {
        UUID finding = UUID.randomUUID();
        String order = "ORD-J" + finding.toString().substring(0, 6);
        CaseSummary[] complaint = new CaseSummary[1];
        asSystem(() -> complaint[0] = desk.open(NewCase.builder("Charged twice", "DE", CaseSource.API).language("de")
                .links(List.of(new CaseLink(LinkKind.ORDER, order))).queue("payments").build()).summary());
        scenario.publish(new FindingOpened(finding, FindingType.DUPLICATE_CAPTURE, "DE", "STRIPE", order, null, null,
                        Money.of(49_90, "EUR"), "Two captures of 49.90 EUR within 2 minutes"))
                .andWaitForStateChange(() -> linked(LinkKind.FINDING, finding.toString()), cases -> !cases.isEmpty())
                .andVerify(cases -> assertThat(cases).extracting(CaseSummary::id).containsExactly(complaint[0].id()));
    }

    @Test
    void aFindingWithReferencesTooLongForACaseStillOpensOne(Scenario scenario) {
        UUID finding = UUID.randomUUID();
        scenario.publish(new FindingOpened(finding, FindingType.FAILED_REFUND, "DE", "ADYEN", "O".repeat(300), "P".repeat(250),
                        "C".repeat(250), Money.of(5_00, "EUR"), "Refund failed"))
                .andWaitForEventOfType(CaseCreated.class)
                .matching(e -> e.source() == CaseSource.FINDING && e.subject().endsWith("O…"))
                .toArriveAndVerify(created -> {
                    assertThat(created.customerRef()).isNull();
                    assertThat(created.paymentRef()).isNull();
                    assertThat(created.subject()).hasSizeLessThanOrEqualTo(NewCase.MAX_SUBJECT);
                });
    }

    @Autowired
    FindingCaseIntake intake;

    @Test
    void unmatchedSettlementLinesOfOneRunShareOneCaseThatListsThem() {
        String group = FindingOpened.groupOf(FindingType.UNMATCHED_SETTLEMENT, "ADYEN", null, UUID.randomUUID().toString());
        List<UUID> findings = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID id = UUID.randomUUID();
            findings.add(id);
            publish(new FindingOpened(id, FindingType.UNMATCHED_SETTLEMENT, "DE", "ADYEN", null, "psp-" + id, null,
                    Money.of(10_00 + i, "EUR"), "Settlement line " + i + " matches no payment", group));
        }
        String groupKey = "group:" + group;
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from cases_grouped_finding g join cases_intake_key k on k.case_id = g.case_id where k.key = ?")
                .param(groupKey).query(Long.class).single() == 40);
        List<UUID> cases = jdbc.sql("select case_id from cases_intake_key where source = 'FINDING' and key = ?")
                .param(groupKey).query(UUID.class).list();
        assertThat(cases).hasSize(1);
        List<FindingCaseIntake.GroupedFinding> listed = new ArrayList<>();
        asSystem(() -> listed.addAll(intake.grouped(cases.getFirst(), 100, 0)));
        assertThat(listed).extracting(FindingCaseIntake.GroupedFinding::findingId).containsExactlyInAnyOrderElementsOf(findings);

        for (UUID id : findings) {
            publish(new FindingResolved(id, FindingType.UNMATCHED_SETTLEMENT, "DE", null, "matched later"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            CaseStatus[] status = new CaseStatus[1];
            asSystem(() -> status[0] = desk.get(cases.getFirst()).summary().status());
            return status[0] == CaseStatus.RESOLVED;
        });
    }

    @Autowired
    CaseNotifications notifications;

    @Test
    void aClockAlertNotifiesTheAssigneeOnce(Scenario scenario) {
        CaseSummary[] c = new CaseSummary[1];
        asSystem(() -> c[0] = desk.open(NewCase.of("Alert me", "", "DE", CaseSource.API)).summary());
        String agent = unique("agent");
        CaseClockAlert alert = new CaseClockAlert(c[0].id(), c[0].key(), "DE", ClockKind.RESOLUTION, true,
                java.time.Instant.now(), agent, java.time.Instant.now());
        scenario.publish(alert).andWaitForStateChange(() -> notifications.unread(agent), unread -> !unread.isEmpty())
                .andVerify(unread -> assertThat(unread).hasSize(1));
        publish(alert);
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> notifications.unread(agent).size() == 1);
        assertThat(notifications.unread(agent).getFirst().text()).contains(c[0].key()).contains("breached");
        notifications.markRead(agent);
        assertThat(notifications.unread(agent)).isEmpty();
    }
}
