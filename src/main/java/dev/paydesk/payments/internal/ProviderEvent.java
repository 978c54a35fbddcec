package dev.paydesk.payments.internal;

import java.util.List;

import dev.paydesk.payments.DisputeNotified;

/**
 * One inbound provider event after authentication and parsing: its idempotency key, its type as the
 * provider names it, the movements it describes (none for informational or unknown types) and any
 * dispute notice it carries, and
 * any change of a stored payment method.
 */
record ProviderEvent(String eventKey, String eventType, List<NormalizedTransaction> transactions,
                     List<DisputeNotified> disputes, List<NormalizedBinding> bindings) {

    /** The event's key and type, and the texts of the disputes it notifies, pass {@link Intake}'s checks. */
    ProviderEvent {
        Intake.reference("event id", eventKey);
        Intake.text("event type", eventType);
        for (DisputeNotified d : disputes) {
            Intake.reference("dispute id", d.providerDisputeId());
            Intake.reference("disputed payment", d.paymentReference());
            Intake.reference("merchant reference", d.merchantReference());
            Intake.text("dispute event", d.eventCode());
            Intake.text("dispute status", d.status());
            Intake.text("dispute reason", d.reasonCode());
        }
    }

    ProviderEvent(String eventKey, String eventType, List<NormalizedTransaction> transactions,
                  List<DisputeNotified> disputes) {
        this(eventKey, eventType, transactions, disputes, List.of());
    }

    static ProviderEvent bindings(String eventKey, String eventType, List<NormalizedBinding> bindings) {
        return new ProviderEvent(eventKey, eventType, List.of(), List.of(), bindings);
    }

    boolean isEmpty() {
        return transactions.isEmpty() && disputes.isEmpty() && bindings.isEmpty();
    }

    static ProviderEvent ignored(String eventKey, String eventType) {
        return new ProviderEvent(eventKey, eventType, List.of(), List.of());
    }
}
