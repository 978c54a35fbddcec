package dev.paydesk.shared;

/** A requested resource does not exist (or is outside the caller's scope); mapped to 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
