package dev.paydesk.quality.calibration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.paydesk.quality.Answer;
import dev.paydesk.quality.Criterion;
import dev.paydesk.quality.Scale;
import dev.paydesk.quality.Scorecard;
import dev.paydesk.quality.alpha.AlphaException;
import dev.paydesk.quality.alpha.AlphaResult;
import dev.paydesk.quality.alpha.KrippendorffAlpha;
import dev.paydesk.quality.alpha.Level;

/**
 * Analyses a calibration session: per criterion the reliability data is reviewers × cases, "na" or no answer
 * is a missing rating; yes/no criteria are nominal, 1–5 criteria ordinal.
 */
public final class CalibrationAnalysis {

    private CalibrationAnalysis() {
    }

    public static CalibrationResult analyse(Scorecard card, List<String> caseKeys, List<CalibrationRating> ratings,
                                            @Nullable String reference) {
        Set<String> reviewers = new TreeSet<>();
        // criterion → case → reviewer → answer
        Map<String, Map<String, Map<String, String>>> byCriterion = new LinkedHashMap<>();
        for (CalibrationRating r : ratings) {
            reviewers.add(r.reviewer());
            for (Answer a : r.answers()) {
                String value = a.value().strip().toLowerCase(Locale.ROOT);
                if (!value.equals("na")) {
                    byCriterion.computeIfAbsent(a.criterion(), k -> new TreeMap<>())
                            .computeIfAbsent(r.caseKey(), k -> new TreeMap<>()).put(r.reviewer(), value);
                }
            }
        }
        List<CalibrationResult.Agreement> agreements = new ArrayList<>();
        List<CalibrationResult.Disagreement> disagreements = new ArrayList<>();
        for (Criterion c : card.criteria()) {
            Map<String, Map<String, String>> cases = byCriterion.getOrDefault(c.code(), Map.of());
            agreements.add(agreement(c, caseKeys, List.copyOf(reviewers), cases));
            for (String key : caseKeys) {
                Map<String, String> answers = cases.getOrDefault(key, Map.of());
                if (answers.size() > 1 && Set.copyOf(answers.values()).size() > 1) {
                    disagreements.add(new CalibrationResult.Disagreement(key, c.code(), answers));
                }
            }
        }
        return new CalibrationResult(agreements, disagreements, deviations(byCriterion, reviewers, reference));
    }

    private static CalibrationResult.Agreement agreement(Criterion c, List<String> caseKeys, List<String> reviewers,
                                                         Map<String, Map<String, String>> cases) {
        Level level = c.scale() == Scale.YES_NO ? Level.NOMINAL : Level.ORDINAL;
        List<List<@Nullable String>> rows = new ArrayList<>();
        for (String reviewer : reviewers) {
            List<@Nullable String> row = new ArrayList<>();
            for (String key : caseKeys) {
                row.add(cases.getOrDefault(key, Map.of()).get(reviewer));
            }
            rows.add(row);
        }
        int compared = 0;
        int agreed = 0;
        for (String key : caseKeys) {
            Map<String, String> answers = cases.getOrDefault(key, Map.of());
            if (answers.size() > 1) {
                compared++;
                agreed += Set.copyOf(answers.values()).size() == 1 ? 1 : 0;
            }
        }
        Double alpha = null;
        String why = null;
        try {
            AlphaResult result = KrippendorffAlpha.compute(rows, level);
            alpha = result.alpha();
        } catch (AlphaException e) {
            why = e.getMessage();
        }
        return new CalibrationResult.Agreement(c.code(), c.label(), alpha, level.name().toLowerCase(Locale.ROOT), agreed,
                compared, why);
    }

    private static List<CalibrationResult.Deviation> deviations(Map<String, Map<String, Map<String, String>>> byCriterion,
                                                                Set<String> reviewers, @Nullable String reference) {
        if (reference == null || !reviewers.contains(reference)) {
            return List.of();
        }
        List<CalibrationResult.Deviation> out = new ArrayList<>();
        for (String reviewer : reviewers) {
            if (reviewer.equals(reference)) {
                continue;
            }
            int compared = 0;
            int differing = 0;
            for (Map<String, Map<String, String>> cases : byCriterion.values()) {
                for (Map<String, String> answers : cases.values()) {
                    String mine = answers.get(reviewer);
                    String theirs = answers.get(reference);
                    if (mine != null && theirs != null) {
                        compared++;
                        differing += mine.equals(theirs) ? 0 : 1;
                    }
                }
            }
            out.add(new CalibrationResult.Deviation(reviewer, compared, differing));
        }
        return out;
    }
}
