package dev.paydesk.quality.alpha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Expected values are published with the method: K. Krippendorff, "Computing Krippendorff's
 * Alpha-Reliability", Annenberg School for Communication, 2011 (repository.upenn.edu/asc_papers/43),
 * section "C. Nominal data, any number of observers, missing data" and following: 4 observers x 12
 * units, unit 12 rated once; n.. = 40; alpha nominal .743, ordinal .815, interval .849, ratio .797.
 * The same matrix is R DescTools' KrippAlpha example ("the C data from Krippendorff"); the nominal
 * 3-coder example with alpha .691 is Wikipedia's "A computational example" (Krippendorff's alpha).
 */
class KrippendorffAlphaTests {

    static final String[] KRIPPENDORFF_2011 = {
            "1,2,3,3,2,1,4,1,2,,,",
            "1,2,3,3,2,2,4,1,2,5,,3",
            ",3,3,3,2,3,4,2,2,5,1,",
            "1,2,3,3,2,4,4,1,2,5,1,"};

    static List<List<@Nullable String>> rows(String... lines) {
        List<List<@Nullable String>> rows = new ArrayList<>();
        for (String line : lines) {
            rows.add(Arrays.stream(line.split(",", -1)).map(c -> c.isEmpty() ? null : c).toList());
        }
        return rows;
    }

    @Test
    void reproducesKrippendorffsWorkedExampleAtEveryLevel() {
        var data = rows(KRIPPENDORFF_2011);
        assertThat(KrippendorffAlpha.compute(data, Level.NOMINAL).alpha()).isCloseTo(0.743, within(0.0005));
        assertThat(KrippendorffAlpha.compute(data, Level.ORDINAL).alpha()).isCloseTo(0.815, within(0.0005));
        assertThat(KrippendorffAlpha.compute(data, Level.INTERVAL).alpha()).isCloseTo(0.849, within(0.0005));
        assertThat(KrippendorffAlpha.compute(data, Level.RATIO).alpha()).isCloseTo(0.797, within(0.0005));
    }

    @Test
    void leavesOutUnitsRatedOnce() {
        AlphaResult result = KrippendorffAlpha.compute(rows(KRIPPENDORFF_2011), Level.NOMINAL);
        assertThat(result.units()).isEqualTo(11);
        assertThat(result.pairableValues()).isEqualTo(40);
    }

    @Test
    void reproducesTheWikipediaNominalExampleWithTextLabels() {
        var data = rows(
                ",,,,,c,d,a,b,a,a,c,c,,c",
                "a,,b,a,c,c,d,c,,,,,,,",
                ",,b,a,c,d,d,,b,a,a,c,c,,d");
        assertThat(KrippendorffAlpha.compute(data, Level.NOMINAL).alpha()).isCloseTo(0.691, within(0.0005));
    }

    @Test
    void perfectAgreementIsOne() {
        assertThat(KrippendorffAlpha.compute(rows("1,2,3", "1,2,3"), Level.INTERVAL).alpha()).isEqualTo(1.0);
    }

    @Test
    void rejectsDataWithoutPairableValues() {
        assertThatThrownBy(() -> KrippendorffAlpha.compute(rows("1,", ",2"), Level.NOMINAL))
                .isInstanceOf(AlphaException.class).hasMessageContaining("no pairable values");
    }

    @Test
    void rejectsRaggedRows() {
        assertThatThrownBy(() -> KrippendorffAlpha.compute(rows("1,2,3", "1,2"), Level.NOMINAL))
                .isInstanceOf(AlphaException.class).hasMessageContaining("row 2");
    }

    @Test
    void rejectsTextAtNumericLevels() {
        assertThatThrownBy(() -> KrippendorffAlpha.compute(rows("1,2,x", "1,2,3"), Level.INTERVAL))
                .isInstanceOf(AlphaException.class).hasMessageContaining("non-numeric rating 'x'");
        assertThatThrownBy(() -> KrippendorffAlpha.compute(rows("1,2,x", "1,2,3"), Level.RATIO))
                .isInstanceOf(AlphaException.class).hasMessageContaining("row 1, column 3");
    }
}
