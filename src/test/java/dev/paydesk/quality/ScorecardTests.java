package dev.paydesk.quality;

import static dev.paydesk.quality.ScorecardFixtures.ACCURACY;
import static dev.paydesk.quality.ScorecardFixtures.GREETING;
import static dev.paydesk.quality.ScorecardFixtures.answers;
import static dev.paydesk.quality.ScorecardFixtures.card;
import static dev.paydesk.quality.ScorecardFixtures.refunds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.paydesk.shared.InvalidInputException;

class ScorecardTests {

    @Test
    void scoreIsTheWeightedShareOfAvailablePoints() {
        // greeting yes 1x1 + accuracy 4 of 5 x3 + verification yes 1x2 = 15 of 1 + 15 + 2 = 18 points
        Score score = refunds().score(answers("yes", "4", "yes"));
        assertThat(score.earned()).isEqualTo(15);
        assertThat(score.available()).isEqualTo(18);
        assertThat(score.percent()).isEqualTo(83.33);
        assertThat(score.criticalFailed()).isFalse();
    }

    @Test
    void notApplicableLeavesTheCriterionOutOfEarnedAndAvailable() {
        // 0 + 12 + 2 = 14 of 0 + 15 + 2 = 17
        Score score = refunds().score(answers("na", "4", "yes"));
        assertThat(score.available()).isEqualTo(17);
        assertThat(score.percent()).isEqualTo(82.35);
    }

    @Test
    void aMissedCriticalCriterionFailsTheWholeReview() {
        Score score = refunds().score(answers("yes", "5", "no"));
        assertThat(score.criticalFailed()).isTrue();
        assertThat(score.percent()).isZero();
        assertThat(score.earned()).isEqualTo(16);
    }

    @Test
    void everythingNotApplicableScoresFull() {
        assertThat(refunds().score(answers("na", "na", "na")).percent()).isEqualTo(100.0);
    }

    @Test
    void answersOutsideTheScaleAreRejected() {
        assertThatThrownBy(() -> refunds().score(answers("yes", "6", "yes")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'accuracy' is answered '6'");
        assertThatThrownBy(() -> refunds().score(answers("maybe", "3", "yes")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("outside its scale");
    }

    @Test
    void everyCriterionMustBeAnsweredExactlyOnce() {
        assertThatThrownBy(() -> refunds().score(List.of(new Answer("greeting", "yes", null))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not answered");
        assertThatThrownBy(() -> refunds().score(List.of(new Answer("tone", "yes", null))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown criterion 'tone'");
    }

    @Test
    void weightsMustBePositive() {
        assertThatThrownBy(() -> new Criterion("x", "X", "S", 0, Scale.YES_NO, false, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("weights must be positive");
        assertThatThrownBy(() -> new Criterion("x", "X", "S", -2, Scale.ONE_TO_FIVE, false, null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void criticalCriteriaAreYesNo() {
        assertThatThrownBy(() -> new Criterion("x", "X", "S", 1, Scale.ONE_TO_FIVE, true, null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aDraftRejectsDuplicateCodesAndEmptyCards() {
        assertThatThrownBy(() -> new ScorecardDraft("Refunds", null, null, List.of(GREETING, GREETING)))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> new ScorecardDraft("Refunds", null, null, List.of()))
                .hasMessageContaining("at least one criterion");
    }

    @Test
    void coverageFallsBackFromGroupAndMarketToAny() {
        Scorecard exact = card("refund", "DE", List.of(ACCURACY));
        Scorecard group = card("refund", null, List.of(ACCURACY));
        Scorecard fallback = card(null, null, List.of(ACCURACY));
        assertThat(exact.covers("refund.not_arrived", "DE")).isTrue();
        assertThat(exact.covers("refund.not_arrived", "FR")).isFalse();
        assertThat(exact.covers("refundable", "DE")).isFalse();
        assertThat(group.covers("refund", "FR")).isTrue();
        assertThat(fallback.covers(null, "FR")).isTrue();
        assertThat(exact.specificity()).isGreaterThan(group.specificity());
        assertThat(group.specificity()).isGreaterThan(fallback.specificity());
    }
}
