package dev.paydesk.cases;

import dev.paydesk.shared.ConflictException;

/**
 * A write expected a version of the case that is no longer current: someone else changed it first.
 * A 409 on the API (412 when the expectation came as {@code If-Match}); the UI shows what changed.
 */
public class StaleCaseException extends ConflictException {

    private final String key;
    private final int expected;
    private final int current;

    public StaleCaseException(String key, int expected, int current) {
        super(key + " changed since version " + expected + " (now version " + current + "); reload it and try again");
        this.key = key;
        this.expected = expected;
        this.current = current;
    }

    public String key() {
        return key;
    }

    /** The version the write expected (the one it saw or loaded). */
    public int expected() {
        return expected;
    }

    /** The case's version now. */
    public int current() {
        return current;
    }
}
