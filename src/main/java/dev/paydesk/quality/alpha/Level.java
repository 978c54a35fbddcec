package dev.paydesk.quality.alpha;

import java.util.Locale;

/** The level of measurement, which decides the difference function delta² between two values. */
public enum Level {
    NOMINAL, ORDINAL, INTERVAL, RATIO;

    /** Whether the values must be numbers (nominal labels may be any text). */
    public boolean numeric() {
        return this != NOMINAL;
    }

    public static Level parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AlphaException("unknown level '" + text + "' (nominal, ordinal, interval or ratio)");
        }
    }
}
