package dev.paydesk.quality;

import java.util.Locale;

import dev.paydesk.shared.InvalidInputException;

/**
 * How a criterion is answered. Points: yes = 1 of 1, no = 0 of 1; a rating r of 1..5 earns r of 5.
 * "na" (not applicable) takes the criterion out of both the earned and the available points.
 */
public enum Scale {
    YES_NO(1), ONE_TO_FIVE(5);

    private final int max;

    Scale(int max) {
        this.max = max;
    }

    /** The points of one answer, or -1 for not applicable; anything outside the scale is invalid input. */
    public int points(String criterion, String answer) {
        String value = answer.trim().toLowerCase(Locale.ROOT);
        if (value.equals("na")) {
            return -1;
        }
        if (this == YES_NO) {
            return switch (value) {
                case "yes" -> 1;
                case "no" -> 0;
                default -> throw outside(criterion, answer);
            };
        }
        try {
            int rating = Integer.parseInt(value);
            if (rating < 1 || rating > 5) {
                throw outside(criterion, answer);
            }
            return rating;
        } catch (NumberFormatException e) {
            throw outside(criterion, answer);
        }
    }

    public int max() {
        return max;
    }

    private InvalidInputException outside(String criterion, String answer) {
        return new InvalidInputException("answers", "criterion '" + criterion + "' is answered '" + answer
                + "', outside its scale (" + (this == YES_NO ? "yes, no or na" : "1 to 5 or na") + ")");
    }
}
