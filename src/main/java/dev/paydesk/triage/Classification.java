package dev.paydesk.triage;

import java.util.List;

/**
 * The classifier's answer for one text.
 *
 * @param category the most probable category code
 * @param confidence its calibrated probability (0..1)
 * @param suggestions the three most probable categories, best first
 * @param modelId the model version that answered
 */
public record Classification(String category, double confidence, List<Suggestion> suggestions, long modelId) {

    public Classification {
        suggestions = List.copyOf(suggestions);
    }
}
