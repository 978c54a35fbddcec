package dev.paydesk.insights.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.paydesk.shared.InvalidInputException;

/** The one reading of whole-number parameters that paging, limits and the knowledge-gaps filters share. */
class WholeNumbersTests {

    @Test
    void aMissingOrBlankParameterTakesTheFallbackAndAValueIsReadStripped() {
        assertThat(WholeNumbers.param(Map.of(), "limit", 50)).isEqualTo(50);
        assertThat(WholeNumbers.param(Map.of("limit", new String[0]), "limit", 50)).isEqualTo(50);
        assertThat(WholeNumbers.param(Map.of("limit", new String[]{" "}), "limit", 50)).isEqualTo(50);
        assertThat(WholeNumbers.param(Map.of("limit", new String[]{" 7 ", "9"}), "limit", 50)).isEqualTo(7);
    }

    @Test
    void aParameterThatIsNoWholeNumberIsBadInputNamingIt() {
        assertThatThrownBy(() -> WholeNumbers.param(Map.of("offset", new String[]{"1.5"}), "offset", 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("offset '1.5' is not a whole number");
        assertThatThrownBy(() -> WholeNumbers.param(Map.of("offset", new String[]{"99999999999"}), "offset", 0))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aRangedNumberAcceptsItsBoundsAndRejectsAnythingElse() {
        assertThat(WholeNumbers.within("days", "1", 1, 366)).isEqualTo(1);
        assertThat(WholeNumbers.within("days", " 366 ", 1, 366)).isEqualTo(366);
        for (String bad : new String[]{"0", "367", "x", "", "-1"}) {
            assertThatThrownBy(() -> WholeNumbers.within("days", bad, 1, 366)).as(bad)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("days must be a whole number from 1 to 366");
        }
    }
}
