package dev.paydesk.quality.calibration;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** What a revealed calibration session shows. */
public record CalibrationResult(List<Agreement> criteria, List<Disagreement> disagreements, List<Deviation> deviations) {

    /**
     * Agreement on one criterion over the session's cases.
     *
     * @param alpha     Krippendorff's alpha (null: not computable, e.g. no case rated twice or no variation)
     * @param level     nominal for yes/no, ordinal for 1–5
     * @param agreed    cases rated by two or more on which everyone gave the same answer
     * @param compared  cases rated by two or more
     * @param why       why alpha is missing, if it is
     */
    public record Agreement(String criterion, String label, @Nullable Double alpha, String level, int agreed,
                            int compared, @Nullable String why) {
    }

    /** A case and criterion on which reviewers answered differently: reviewer → answer. */
    public record Disagreement(String caseKey, String criterion, Map<String, String> answers) {
    }

    /** How often a reviewer answered differently from the reference reviewer, over the answers both gave. */
    public record Deviation(String reviewer, int compared, int differing) {
        public double share() {
            return compared == 0 ? 0 : (double) differing / compared;
        }
    }
}
