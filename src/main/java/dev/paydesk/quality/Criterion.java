package dev.paydesk.quality;

import dev.paydesk.shared.InvalidInputException;

/**
 * One line of a scorecard.
 *
 * @param code     stable key within the scorecard, e.g. {@code verification}
 * @param section  the heading it is grouped under
 * @param weight   its share of the points, a positive whole number
 * @param critical a "no" fails the whole review (critical criteria are yes/no)
 * @param check    the automatic check that prefills it, if any (e.g. {@code clock_met})
 */
public record Criterion(String code, String label, String section, int weight, Scale scale, boolean critical,
                        @org.jspecify.annotations.Nullable String check) {

    public Criterion {
        if (code == null || code.isBlank() || !code.matches("[a-z0-9_.-]{1,60}")) {
            throw new InvalidInputException("criteria", "a criterion needs a code of 1-60 lower-case letters, digits, _ . or -");
        }
        if (label == null || label.isBlank()) {
            throw new InvalidInputException("criteria", "criterion '" + code + "' needs a label");
        }
        section = section == null || section.isBlank() ? "General" : section.strip();
        if (weight <= 0) {
            throw new InvalidInputException("criteria", "criterion '" + code + "' has weight " + weight
                    + ": weights must be positive");
        }
        if (scale == null) {
            throw new InvalidInputException("criteria", "criterion '" + code + "' needs a scale (YES_NO or ONE_TO_FIVE)");
        }
        if (critical && scale != Scale.YES_NO) {
            throw new InvalidInputException("criteria", "critical criterion '" + code + "' must use the YES_NO scale");
        }
    }
}
