package dev.paydesk.cases.internal;

import java.time.Instant;

import org.springframework.stereotype.Component;

/** Sends due webhook deliveries on demand as of a given instant (tests). */
@Component
public class WebhookDeliveryProbe {

    private final WebhookDispatcher dispatcher;

    WebhookDeliveryProbe(WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public int dispatchDue(Instant now) {
        return dispatcher.dispatchDue(now);
    }
}
