package dev.paydesk.payments.internal;

/** Webhooks are arriving faster than they can be stored: answer 503 so the provider redelivers later. */
public class WebhookBusyException extends RuntimeException {

    WebhookBusyException(String message) {
        super(message);
    }
}
