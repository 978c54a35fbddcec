package dev.paydesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

import dev.paydesk.disputes.DisputeOpened;
import dev.paydesk.disputes.DisputeStage;
import dev.paydesk.disputes.DisputeStatus;
import dev.paydesk.disputes.ReasonCategory;
import dev.paydesk.payments.Provider;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.shared.Money;

/**
 * A dispute as the case desk receives it (the disputes module's event): it opens a case in the
 * dispute queue with the respond-by date as its external deadline, or joins the open case about the
 * same payment. A module test (the webhook-to-case flow is {@link DisputeCaseTests}).
 */
@CaseDeskModuleTest
class DisputeIntakeTests extends PlatformTestSupport {

    @Autowired
    CaseDesk desk;

    @BeforeEach
    void market() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
    }

    private static DisputeOpened dispute(String id, Instant respondBy) {
        return new DisputeOpened(UUID.randomUUID(), Provider.STRIPE, "DE", "ch_" + id, "ORD-" + id, null, Money.of(49_99, "EUR"),
                ReasonCategory.FRAUD, DisputeStage.CHARGEBACK, DisputeStatus.NEEDS_RESPONSE, respondBy, respondBy);
    }

    private CaseDetail detail(UUID id) {
        return asSystemGet(() -> desk.get(id));
    }

    private static <T> T asSystemGet(Supplier<T> action) {
        List<T> out = new ArrayList<>();
        asSystem(() -> out.add(action.get()));
        return out.getFirst();
    }

    @Test
    void aDisputeOpensACaseInTheDisputeQueueWithItsRespondByDeadline(Scenario scenario) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Instant respondBy = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        DisputeOpened d = dispute(id, respondBy);
        scenario.publish(d).andWaitForEventOfType(CaseCreated.class)
                .matching(e -> e.source() == CaseSource.DISPUTE && ("ch_" + id).equals(e.paymentRef()))
                .toArriveAndVerify(created -> {
                    assertThat(created.category()).isEqualTo("dispute");
                    assertThat(created.provider()).isEqualTo("STRIPE");
                });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<CaseSummary> cases = asSystemGet(() -> desk.linkedTo(LinkKind.DISPUTE, d.disputeId().toString()));
            assertThat(cases).hasSize(1);
            CaseDetail c = detail(cases.getFirst().id());
            assertThat(c.summary().queue()).isEqualTo("disputes");
            assertThat(c.links()).extracting(CaseLink::kind).containsExactlyInAnyOrder(LinkKind.DISPUTE, LinkKind.PAYMENT,
                    LinkKind.ORDER);
            CaseClock external = c.clocks().stream().filter(k -> k.kind() == ClockKind.EXTERNAL).findFirst().orElseThrow();
            assertThat(external.label()).isEqualTo("Respond to dispute (chargeback)");
            assertThat(external.dueAt()).isEqualTo(respondBy);
        });
    }

    @Test
    void aDisputeJoinsTheOpenCaseAboutTheSamePayment(Scenario scenario) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        CaseSummary complaint = asSystemGet(() -> desk.open(NewCase.builder("Where is my money", "DE", CaseSource.API)
                .language("de").links(List.of(new CaseLink(LinkKind.PAYMENT, "ch_" + id))).queue("payments").build())
                .summary());
        DisputeOpened d = dispute(id, Instant.now().plus(Duration.ofDays(10)));
        scenario.publish(d).andWaitForEventOfType(CaseChanged.class)
                .matching(e -> e.caseId().equals(complaint.id()) && e.change() == EntryKind.DEADLINE)
                .toArrive();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            CaseDetail c = detail(complaint.id());
            assertThat(c.clocks()).anyMatch(k -> k.kind() == ClockKind.EXTERNAL);
            assertThat(c.links()).contains(new CaseLink(LinkKind.DISPUTE, d.disputeId().toString()));
            assertThat(c.summary().queue()).isEqualTo("payments");
            assertThat(c.timeline()).anySatisfy(e -> assertThat(e.body()).contains("STRIPE dispute (fraud"));
        });
        assertThat(asSystemGet(() -> desk.linkedTo(LinkKind.DISPUTE, d.disputeId().toString())))
                .extracting(CaseSummary::id).containsExactly(complaint.id());
    }
}
