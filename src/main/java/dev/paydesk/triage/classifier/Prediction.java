package dev.paydesk.triage.classifier;

import java.util.List;

/**
 * The classifier's answer for one text.
 *
 * @param category the most probable category
 * @param confidence its calibrated probability (0..1)
 * @param top the most probable categories, best first (at most three)
 */
public record Prediction(String category, double confidence, List<Scored> top) {

    public Prediction {
        top = List.copyOf(top);
    }

    /** A category with its calibrated probability. */
    public record Scored(String category, double probability) {
    }
}
