package dev.paydesk.outbound.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.paydesk.cases.CaseCreated;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.disputes.DisputeOpened;
import dev.paydesk.disputes.DisputeStage;
import dev.paydesk.disputes.DisputeStatus;
import dev.paydesk.disputes.ReasonCategory;
import dev.paydesk.payments.Provider;
import dev.paydesk.reconciliation.FindingOpened;
import dev.paydesk.reconciliation.FindingType;
import dev.paydesk.shared.Money;

/** The outbound messages (docs/kafka.md): ids and states in, personal values and free text out. No Spring, no broker. */
class OutboundEventsTests {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
    private static final String PERSONAL = "Jane Doe jane@example.com cust-4711 4111111111111111";

    @Test
    void aCreatedCaseCarriesItsIdsAndCodesButNotItsSubjectTextOrCustomer() {
        UUID id = UUID.randomUUID();
        Map<String, Object> m = OutboundEvents.caseCreated(new CaseCreated(id, "PD-100001", "DE", "de", "Refund for " + PERSONAL,
                "Please help, " + PERSONAL, "refund", "cust-4711", "ch_1", "STRIPE", CaseSource.EMAIL, AT));
        assertThat(m).containsEntry("event", "case.created").containsEntry("case_id", id.toString())
                .containsEntry("case_key", "PD-100001").containsEntry("market", "DE").containsEntry("category", "refund")
                .containsEntry("source", "EMAIL").containsEntry("payment_ref", "ch_1").containsEntry("at", AT.toString());
        assertNoPersonalValue(m);
    }

    @Test
    void aDisputeCarriesAmountAndStatesButNotTheCustomer() {
        UUID id = UUID.randomUUID();
        Map<String, Object> m = OutboundEvents.disputeOpened(new DisputeOpened(id, Provider.ADYEN, "NL", "psp_1", "ORD-1",
                "cust-4711", Money.of(2599, "EUR"), ReasonCategory.values()[0], DisputeStage.values()[0],
                DisputeStatus.values()[0], AT, null));
        assertThat(m).containsEntry("dispute_id", id.toString()).containsEntry("provider", "ADYEN")
                .containsEntry("amount_minor", 2599L).containsEntry("currency", "EUR")
                .containsEntry("stage", DisputeStage.values()[0].name()).containsEntry("due_at", null);
        assertNoPersonalValue(m);
    }

    @Test
    void aFindingCarriesItsTypeAndAmountButNotItsSummaryOrCustomer() {
        UUID id = UUID.randomUUID();
        Map<String, Object> m = OutboundEvents.findingOpened(new FindingOpened(id, FindingType.DUPLICATE_CAPTURE, "DE",
                "STRIPE", "ORD-2", "ch_2", "cust-4711", Money.of(1000, "EUR"), "Charged twice: " + PERSONAL));
        assertThat(m).containsEntry("finding_id", id.toString()).containsEntry("type", "DUPLICATE_CAPTURE")
                .containsEntry("amount_at_risk_minor", 1000L).containsEntry("order_ref", "ORD-2");
        assertNoPersonalValue(m);
    }

    @Test
    void onlyTheCaseDisputeAndFindingEventsAreSelected() {
        assertThat(OutboundEvents.published(new Object())).isFalse();
        assertThat(OutboundEvents.published(new FindingOpened(UUID.randomUUID(), FindingType.DUPLICATE_CAPTURE, null, null,
                null, null, null, Money.of(1, "EUR"), "x"))).isTrue();
    }

    private static void assertNoPersonalValue(Map<String, Object> message) {
        assertThat(message.toString()).doesNotContain("Jane").doesNotContain("example.com").doesNotContain("4711")
                .doesNotContain("4111").doesNotContain("help").doesNotContain("twice");
    }
}
