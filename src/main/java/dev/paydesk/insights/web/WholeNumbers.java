package dev.paydesk.insights.web;

import java.util.Map;
import java.util.OptionalInt;

import dev.paydesk.shared.InvalidInputException;

/** Whole numbers from request parameters, read one way by every insights page and endpoint; bad input is a 400. */
final class WholeNumbers {

    private WholeNumbers() {
    }

    /** The named parameter's first value, or {@code fallback} when it is missing or blank. */
    static int param(Map<String, String[]> params, String name, int fallback) {
        String[] v = params.get(name);
        if (v == null || v.length == 0 || v[0].isBlank()) {
            return fallback;
        }
        String text = v[0];
        return parse(text).orElseThrow(() -> new InvalidInputException(name, name + " '" + text + "' is not a whole number"));
    }

    /** {@code text} as a whole number from {@code min} to {@code max}. */
    static int within(String field, String text, int min, int max) {
        OptionalInt n = parse(text);
        if (n.isPresent() && n.getAsInt() >= min && n.getAsInt() <= max) {
            return n.getAsInt();
        }
        throw new InvalidInputException(field, field + " must be a whole number from " + min + " to " + max);
    }

    private static OptionalInt parse(String text) {
        try {
            return OptionalInt.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
