package dev.paydesk.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.paydesk.cases.MoneyActionType;
import dev.paydesk.platform.Role;
import dev.paydesk.shared.Money;

/** Four-eyes decisions without Spring: limits apply to sums, never only to the single request (issue 21, #11 and #20). */
class ApprovalPolicyTests {

    private static final Currency EUR = Currency.getInstance("EUR");

    // the default limits of CasesProperties: refunds from 500.00 EUR, goodwill from 50.00 EUR
    private final ApprovalPolicy policy = new ApprovalPolicy(Map.of(MoneyActionType.REFUND, Map.of("EUR", 500_00L),
            MoneyActionType.GOODWILL, Map.of("EUR", 50_00L)), Set.of(Role.PROCESS_MANAGER));

    private ApprovalPolicy.Decision decide(MoneyActionType type, long minor, String currency, ApprovalPolicy.Exposure e) {
        return policy.decide(new ApprovalPolicy.Request(type, Money.of(minor, currency), EUR, null, null, e));
    }

    @Test
    void aSingleSmallRequestIsApprovedAtOnce() {
        assertThat(decide(MoneyActionType.GOODWILL, 49_00, "EUR", ApprovalPolicy.Exposure.NONE))
                .isInstanceOf(ApprovalPolicy.Decision.AutoApproved.class);
    }

    @Test
    void theSecondOfTwoGoodwillCreditsOnOneCaseThatTogetherReachTheLimitNeedsApproval() {
        assertThat(decide(MoneyActionType.GOODWILL, 49_00, "EUR", new ApprovalPolicy.Exposure(49_00, 0, 0)))
                .isInstanceOf(ApprovalPolicy.Decision.NeedsApproval.class)
                .extracting(ApprovalPolicy.Decision::why).asString().contains("on this case").contains("98.00 EUR");
    }

    @Test
    void twoRefundsOf400ForOneCustomerOrByOneRequesterInADayNeedApproval() {
        assertThat(decide(MoneyActionType.REFUND, 400_00, "EUR", new ApprovalPolicy.Exposure(0, 400_00, 0)))
                .isInstanceOf(ApprovalPolicy.Decision.NeedsApproval.class)
                .extracting(ApprovalPolicy.Decision::why).asString().contains("customer");
        assertThat(decide(MoneyActionType.REFUND, 400_00, "EUR", new ApprovalPolicy.Exposure(0, 0, 400_00)))
                .isInstanceOf(ApprovalPolicy.Decision.NeedsApproval.class)
                .extracting(ApprovalPolicy.Decision::why).asString().contains("by you");
        assertThat(decide(MoneyActionType.REFUND, 99_99, "EUR", new ApprovalPolicy.Exposure(400_00, 400_00, 400_00)))
                .isInstanceOf(ApprovalPolicy.Decision.AutoApproved.class);
    }

    @Test
    void anActionInAnotherCurrencyThanTheCaseOrNotPositiveIsRefused() {
        assertThat(decide(MoneyActionType.GOODWILL, 1_000, "JPY", ApprovalPolicy.Exposure.NONE))
                .isEqualTo(new ApprovalPolicy.Decision.Refused("currency",
                        "the case is in EUR; a money action on it must be too, not JPY"));
        assertThat(decide(MoneyActionType.REFUND, -5_00, "EUR", ApprovalPolicy.Exposure.NONE))
                .isInstanceOf(ApprovalPolicy.Decision.Refused.class)
                .extracting(d -> ((ApprovalPolicy.Decision.Refused) d).field()).isEqualTo("amount");
    }

    @Test
    void anActionOnAPaymentInAnotherCurrencyIsRefused() {
        assertThat(policy.decide(new ApprovalPolicy.Request(MoneyActionType.REFUND, Money.of(1_00, "EUR"), EUR,
                Currency.getInstance("SEK"), null, ApprovalPolicy.Exposure.NONE)))
                .isEqualTo(new ApprovalPolicy.Decision.Refused("currency",
                        "the payment is in SEK; a money action on it must be too, not EUR"));
    }

    @Test
    void anOpenDisputeOrAMissingLimitAlwaysNeedsApproval() {
        assertThat(policy.decide(new ApprovalPolicy.Request(MoneyActionType.REFUND, Money.of(1, "EUR"), EUR, null, "dp_1",
                ApprovalPolicy.Exposure.NONE))).isInstanceOf(ApprovalPolicy.Decision.NeedsApproval.class);
        assertThat(decide(MoneyActionType.WRITE_OFF, 1, "EUR", ApprovalPolicy.Exposure.NONE))
                .isInstanceOf(ApprovalPolicy.Decision.NeedsApproval.class);
    }

    private ApprovalPolicy.Decision byAgent(MoneyActionType type, long minor) {
        return policy.decide(new ApprovalPolicy.Request(type, Money.of(minor, "EUR"), EUR, null, null,
                ApprovalPolicy.Exposure.NONE, true));
    }

    @Test
    void anAgentsRefundOrGoodwillAlwaysWaitsForASecondPersonEvenFarBelowTheLimit() {
        assertThat(byAgent(MoneyActionType.REFUND, 12_50)).isInstanceOf(ApprovalPolicy.Decision.NeedsApproval.class)
                .extracting(ApprovalPolicy.Decision::why).asString().contains("agent");
        assertThat(byAgent(MoneyActionType.GOODWILL, 1)).isInstanceOf(ApprovalPolicy.Decision.NeedsApproval.class);
    }

    @Test
    void anAgentCannotRequestAReRefundOrAWriteOffButStillGetsTheAmountChecksFirst() {
        assertThat(byAgent(MoneyActionType.WRITE_OFF, 10_00)).isInstanceOf(ApprovalPolicy.Decision.Refused.class)
                .extracting(d -> ((ApprovalPolicy.Decision.Refused) d).field()).isEqualTo("type");
        assertThat(byAgent(MoneyActionType.RE_REFUND, 10_00)).isInstanceOf(ApprovalPolicy.Decision.Refused.class);
        assertThat(byAgent(MoneyActionType.REFUND, 0)).isInstanceOf(ApprovalPolicy.Decision.Refused.class)
                .extracting(d -> ((ApprovalPolicy.Decision.Refused) d).field()).isEqualTo("amount");
    }

    @Test
    void onlyAnAgentWithoutASpecialistOrApproverRoleAsksAsAnAgent() {
        assertThat(ApprovalPolicy.asAgent(Set.of(Role.AGENT))).isTrue();
        assertThat(ApprovalPolicy.asAgent(Set.of(Role.AGENT, Role.SPECIALIST))).isFalse();
        assertThat(ApprovalPolicy.asAgent(Set.of(Role.PROCESS_MANAGER))).isFalse();
        assertThat(ApprovalPolicy.asAgent(Set.of())).isFalse();
    }
}
