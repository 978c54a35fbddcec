package dev.paydesk.payments.internal;

/** A webhook whose signature does not verify; answered with 401 and nothing is stored. */
public class InvalidSignatureException extends RuntimeException {

    public InvalidSignatureException(String message) {
        super(message);
    }
}
