package dev.paydesk.quality.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.paydesk.quality.Answer;
import dev.paydesk.quality.Criterion;
import dev.paydesk.quality.Scale;
import dev.paydesk.quality.Scorecard;
import dev.paydesk.quality.ScorecardStatus;

/**
 * A calibration session over Krippendorff's worked example (K. Krippendorff, "Computing Krippendorff's
 * Alpha-Reliability", 2011, repository.upenn.edu/asc_papers/43: 4 observers A–D × 12 units, values 1–5,
 * ordinal alpha .815) entered as four reviewers rating a 1–5 criterion on twelve cases.
 */
class CalibrationAnalysisTests {

    static final String[] PAPER = {
            "1,2,3,3,2,1,4,1,2,,,",
            "1,2,3,3,2,2,4,1,2,5,,3",
            ",3,3,3,2,3,4,2,2,5,1,",
            "1,2,3,3,2,4,4,1,2,5,1,"};
    static final String[] REVIEWERS = {"a", "b", "c", "d"};

    static final Scorecard CARD = new Scorecard(UUID.randomUUID(), "Calibration", 1, null, null, ScorecardStatus.ACTIVE,
            List.of(new Criterion("accuracy", "Explains correctly", "Content", 1, Scale.ONE_TO_FIVE, false, null),
                    new Criterion("greeting", "Greets", "Tone", 1, Scale.YES_NO, false, null)),
            Instant.EPOCH, "lead");

    static List<String> cases() {
        List<String> keys = new ArrayList<>();
        for (int u = 1; u <= 12; u++) {
            keys.add("PD-" + (100 + u));
        }
        return keys;
    }

    static List<CalibrationRating> ratings() {
        List<CalibrationRating> out = new ArrayList<>();
        for (int r = 0; r < PAPER.length; r++) {
            String[] cells = PAPER[r].split(",", -1);
            for (int u = 0; u < cells.length; u++) {
                // an empty cell: the reviewer rated the case but found accuracy not applicable
                String value = cells[u].isEmpty() ? "na" : cells[u];
                out.add(new CalibrationRating(REVIEWERS[r], cases().get(u),
                        List.of(new Answer("accuracy", value, null), new Answer("greeting", "yes", null))));
            }
        }
        return out;
    }

    @Test
    void alphaPerCriterionIsKrippendorffsPublishedOrdinalValue() {
        CalibrationResult result = CalibrationAnalysis.analyse(CARD, cases(), ratings(), "a");
        CalibrationResult.Agreement accuracy = result.criteria().get(0);
        assertThat(accuracy.level()).isEqualTo("ordinal");
        assertThat(accuracy.alpha()).isNotNull();
        assertThat(accuracy.alpha()).isCloseTo(0.815, within(0.0005));
        // units rated by two or more: 1–11 (unit 12 is rated once); all agree except units 2, 6 and 8
        assertThat(accuracy.compared()).isEqualTo(11);
        assertThat(accuracy.agreed()).isEqualTo(8);
    }

    @Test
    void agreementWithoutVariationHasNoAlphaButSaysWhy() {
        CalibrationResult.Agreement greeting = CalibrationAnalysis.analyse(CARD, cases(), ratings(), "a").criteria().get(1);
        assertThat(greeting.alpha()).isNull();
        assertThat(greeting.why()).isNotBlank();
        assertThat(greeting.agreed()).isEqualTo(12);
    }

    @Test
    void disagreementsListEveryReviewersAnswer() {
        CalibrationResult result = CalibrationAnalysis.analyse(CARD, cases(), ratings(), "a");
        assertThat(result.disagreements()).extracting(CalibrationResult.Disagreement::caseKey)
                .containsExactly("PD-102", "PD-106", "PD-108");
        assertThat(result.disagreements().get(1).answers())
                .containsEntry("a", "1").containsEntry("b", "2").containsEntry("c", "3").containsEntry("d", "4");
    }

    @Test
    void deviationFromTheReferenceCountsTheAnswersBothGave() {
        CalibrationResult result = CalibrationAnalysis.analyse(CARD, cases(), ratings(), "a");
        // b against a: accuracy on units 1–9 (differs on 6) plus greeting on all 12 (never differs)
        CalibrationResult.Deviation b = result.deviations().get(0);
        assertThat(b.reviewer()).isEqualTo("b");
        assertThat(b.compared()).isEqualTo(9 + 12);
        assertThat(b.differing()).isEqualTo(1);
        assertThat(CalibrationAnalysis.analyse(CARD, cases(), ratings(), "nobody").deviations()).isEmpty();
    }
}
