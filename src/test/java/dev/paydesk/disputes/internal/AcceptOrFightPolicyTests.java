package dev.paydesk.disputes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import dev.paydesk.disputes.Recommendation;
import dev.paydesk.disputes.ReasonCategory;
import dev.paydesk.shared.Money;

/** The recommendation's arithmetic, with every expected number worked out by hand in the comments. */
class AcceptOrFightPolicyTests {

    private static Recommendation decide(double alpha, double beta, long wins, long losses, double completeness,
                                         long amount, long fees, long handling) {
        return AcceptOrFightPolicy.decide(new AcceptOrFightPolicy.Inputs(ReasonCategory.FRAUD, alpha, beta, wins, losses,
                completeness, 0.4, Money.of(amount, "EUR"), Money.of(fees, "EUR"), Money.of(handling, "EUR")));
    }

    @Test
    void withTheBarePriorAWeakCaseIsAccepted() {
        // mean = 3 / (3 + 7) = 0.3; complete evidence keeps it; EV = 0.3 × 100.00 − 15.00 − 25.00 = −10.00
        Recommendation r = decide(3, 7, 0, 0, 1.0, 10_000, 1_500, 2_500);
        assertThat(r.posteriorMean()).isCloseTo(0.3, within(1e-12));
        assertThat(r.pWin()).isCloseTo(0.3, within(1e-12));
        assertThat(r.expectedValue()).isEqualTo(Money.of(-1_000, "EUR"));
        assertThat(r.decision()).isEqualTo(Recommendation.Decision.ACCEPT);
    }

    @Test
    void theMerchantsOwnWinsLearnTheProbabilityUp() {
        // Beta(3 + 6, 7 + 2): mean = 9 / 18 = 0.5; EV = 0.5 × 100.00 − 15.00 − 25.00 = +10.00
        Recommendation r = decide(3, 7, 6, 2, 1.0, 10_000, 1_500, 2_500);
        assertThat(r.posteriorMean()).isCloseTo(0.5, within(1e-12));
        assertThat(r.expectedValue()).isEqualTo(Money.of(1_000, "EUR"));
        assertThat(r.decision()).isEqualTo(Recommendation.Decision.FIGHT);
        assertThat(r.reasoning()).anyMatch(s -> s.contains("6 won / 2 lost"));
    }

    @Test
    void missingEvidenceLowersTheChance() {
        // mean 0.5; half the checklist: factor 0.4 + 0.6 × 0.5 = 0.7 → P = 0.35; EV = 35.00 − 40.00 = −5.00
        Recommendation r = decide(3, 7, 6, 2, 0.5, 10_000, 1_500, 2_500);
        assertThat(r.pWin()).isCloseTo(0.35, within(1e-12));
        assertThat(r.expectedValue()).isEqualTo(Money.of(-500, "EUR"));
        assertThat(r.decision()).isEqualTo(Recommendation.Decision.ACCEPT);
    }

    @Test
    void lossesLearnItDownAndBigAmountsStillPay() {
        // Beta(5, 5) with 1 won, 9 lost: mean = 6 / 20 = 0.3; EV = 0.3 × 1,000.00 − 15.00 − 25.00 = 260.00
        Recommendation r = decide(5, 5, 1, 9, 1.0, 100_000, 1_500, 2_500);
        assertThat(r.posteriorMean()).isCloseTo(0.3, within(1e-12));
        assertThat(r.expectedValue()).isEqualTo(Money.of(26_000, "EUR"));
        assertThat(r.decision()).isEqualTo(Recommendation.Decision.FIGHT);
    }

    @Test
    void anExactlyBreakEvenCaseIsAccepted() {
        // mean 0.4 × 100.00 = 40.00 − 15.00 − 25.00 = 0 → not worth the work
        Recommendation r = decide(4, 6, 0, 0, 1.0, 10_000, 1_500, 2_500);
        assertThat(r.expectedValue()).isEqualTo(Money.of(0, "EUR"));
        assertThat(r.decision()).isEqualTo(Recommendation.Decision.ACCEPT);
    }
}
