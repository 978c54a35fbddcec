package dev.paydesk.shared;

/** The request clashes with the current state (duplicate, stale version); mapped to 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
