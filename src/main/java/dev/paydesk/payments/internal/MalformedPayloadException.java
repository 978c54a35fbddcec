package dev.paydesk.payments.internal;

/** An authentic provider message that cannot be understood; it goes to the quarantine. */
class MalformedPayloadException extends RuntimeException {

    MalformedPayloadException(String message) {
        super(message);
    }
}
