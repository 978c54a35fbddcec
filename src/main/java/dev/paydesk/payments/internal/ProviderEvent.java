package dev.paydesk.payments.internal;

import java.util.List;

import dev.paydesk.payments.DisputeNotified;

/**
 * One inbound provider event after authentication and parsing: its idempotency key, its type as the
 * provider names it, the movements it describes (none for informational or unknown types) and any
 * dispute notice it carries.
 */
record ProviderEvent(String eventKey, String eventType, List<NormalizedTransaction> transactions,
                     List<DisputeNotified> disputes) {

    static ProviderEvent ignored(String eventKey, String eventType) {
        return new ProviderEvent(eventKey, eventType, List.of(), List.of());
    }
}
