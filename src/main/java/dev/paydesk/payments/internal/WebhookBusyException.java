package dev.paydesk.payments.internal;

/** Webhooks are arriving faster than they can be stored: answer 503 so the provider redelivers later. */
public class WebhookBusyException extends RuntimeException {

    private final long retryAfterSeconds;

    WebhookBusyException(String message) {
        this(message, 5);
    }

    WebhookBusyException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The {@code Retry-After} to answer with, in whole seconds. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
