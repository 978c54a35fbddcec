package dev.paydesk.payments.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.payments.DisputeNotified;
import dev.paydesk.payments.PaymentRecorded;
import dev.paydesk.payments.Provider;
import dev.paydesk.platform.PanRedactor;

/**
 * Stores one authenticated provider event and its movements in one transaction, exactly once:
 * a redelivered event changes nothing; an event about an order not seen yet creates a placeholder
 * order that the merchant feed fills in later.
 */
@Service
class PaymentIngest {

    /** What happened to an inbound event. */
    enum Outcome { APPLIED, DUPLICATE, IGNORED }

    private final PaymentsStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MethodBindings bindings;

    PaymentIngest(PaymentsStore store, ApplicationEventPublisher events, Clock clock, MethodBindings bindings) {
        this.store = store;
        this.bindings = bindings;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Outcome ingest(Provider provider, String account, String market, ProviderEvent event, String rawPayload) {
        String masked = PanRedactor.redact(rawPayload);
        if (!store.recordInbound(provider, account, event, masked, clock.instant())) {
            return Outcome.DUPLICATE;
        }
        for (NormalizedTransaction tx : event.transactions()) {
            Optional<UUID> id = store.upsert(provider, account, tx);
            if (tx.merchantReference() != null) {
                store.ensureOrder(tx.merchantReference(), market, tx.customerReference());
            }
            id.ifPresent(uuid -> events.publishEvent(new PaymentRecorded(uuid, provider, account, tx.kind(),
                    tx.providerReference(), tx.originalReference(), tx.merchantReference(), tx.amount(), tx.status(),
                    tx.occurredAt())));
        }
        for (DisputeNotified notice : event.disputes()) {
            events.publishEvent(new DisputeNotified(notice.provider(), notice.merchantAccount(), notice.eventKey(),
                    notice.providerDisputeId(), notice.paymentReference(), notice.merchantReference(),
                    notice.eventCode(), notice.status(), notice.reasonCode(), notice.amount(), notice.dueAt(),
                    notice.occurredAt(), PanRedactor.redact(notice.payload())));
        }
        for (NormalizedBinding binding : event.bindings()) {
            bindings.record(provider, account, market, event.eventKey(), binding);
        }
        return event.isEmpty() ? Outcome.IGNORED : Outcome.APPLIED;
    }

    @Transactional
    void quarantine(String source, Provider provider, String account, String reason, String rawPayload) {
        store.quarantine(source, provider, account, null, reason, PanRedactor.redact(rawPayload), clock.instant());
    }
}
