package dev.paydesk.shared;

/** Input that fails a business validation; mapped to 400 with the offending field named. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
