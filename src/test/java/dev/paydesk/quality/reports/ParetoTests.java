package dev.paydesk.quality.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The Pareto of failed criteria: most frequent first, cumulative shares, the vital few up to the 80 % line. */
class ParetoTests {

    @Test
    void sortsByFailuresAndMarksTheCriteriaUpToEightyPercent() {
        // 50 + 30 + 12 + 8 = 100 failures: cumulative 50 %, 80 %, 92 %, 100 %
        List<Pareto.Line> lines = Pareto.of(Map.of("tone", 12L, "verification", 50L, "greeting", 30L, "closing", 8L,
                "never", 0L), 0.8);
        assertThat(lines).extracting(Pareto.Line::criterion).containsExactly("verification", "greeting", "tone", "closing");
        assertThat(lines).extracting(Pareto.Line::vital).containsExactly(true, true, false, false);
        assertThat(lines.get(1).cumulative()).isCloseTo(0.80, within(1e-9));
        assertThat(lines.get(2).share()).isCloseTo(0.12, within(1e-9));
    }

    @Test
    void tiesAreOrderedByNameAndNothingFailedIsEmpty() {
        assertThat(Pareto.of(Map.of("b", 1L, "a", 1L), 0.8)).extracting(Pareto.Line::criterion).containsExactly("a", "b");
        assertThat(Pareto.of(Map.of(), 0.8)).isEmpty();
    }
}
