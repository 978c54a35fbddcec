package dev.paydesk.payments.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.payments.DisputeNotified;
import dev.paydesk.payments.PaymentRecorded;
import dev.paydesk.payments.PaymentsRecorded;
import dev.paydesk.payments.Provider;
import dev.paydesk.platform.PanRedactor;

/**
 * Stores authenticated provider events and their movements exactly once: a redelivered event
 * changes nothing; an event about an order not seen yet creates a placeholder order that the
 * merchant feed fills in later. Many events are stored in one transaction with a few set-based
 * statements (the webhook writer batches concurrent deliveries); one {@link PaymentsRecorded} is
 * published per call.
 */
@Service
class PaymentIngest {

    /** What happened to an inbound event. */
    enum Outcome { APPLIED, DUPLICATE, IGNORED }

    /** One authenticated, parsed event with its payload already masked. */
    record Delivery(Provider provider, String account, @Nullable String market, ProviderEvent event,
                    String maskedPayload) {
    }

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

    /** Stores the deliveries in order; returns each one's outcome (a key seen before, or earlier in the list, is a duplicate). */
    @Transactional
    List<Outcome> ingestAll(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        List<PaymentsStore.Inbound> inbound = new ArrayList<>(deliveries.size());
        for (Delivery d : deliveries) {
            inbound.add(new PaymentsStore.Inbound(d.provider(), d.account(), d.event().eventKey(),
                    d.event().eventType(), d.event().isEmpty(), d.maskedPayload()));
        }
        BitSet fresh = store.recordInbound(inbound, clock.instant());
        List<PaymentsStore.Movement> movements = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        List<@Nullable String> markets = new ArrayList<>();
        List<@Nullable String> customers = new ArrayList<>();
        for (int i = fresh.nextSetBit(0); i >= 0; i = fresh.nextSetBit(i + 1)) {
            Delivery d = deliveries.get(i);
            for (NormalizedTransaction tx : d.event().transactions()) {
                movements.add(new PaymentsStore.Movement(d.provider(), d.account(), tx));
                if (tx.merchantReference() != null) {
                    orders.add(tx.merchantReference());
                    markets.add(d.market());
                    customers.add(tx.customerReference());
                }
            }
        }
        List<PaymentRecorded> recorded = new ArrayList<>();
        if (!movements.isEmpty()) {
            List<PaymentsStore.Upserted> upserted = store.upsertAll(movements);
            store.ensureOrders(orders, markets, customers);
            for (int m = 0; m < movements.size(); m++) {
                PaymentsStore.Upserted u = upserted.get(m);
                if (u.inserted()) {
                    PaymentsStore.Movement mv = movements.get(m);
                    NormalizedTransaction tx = mv.tx();
                    recorded.add(new PaymentRecorded(u.id(), mv.provider(), mv.account(), tx.kind(),
                            tx.providerReference(), tx.originalReference(), u.merchantReference(), tx.amount(),
                            tx.status(), tx.occurredAt()));
                }
            }
        }
        if (!recorded.isEmpty()) {
            events.publishEvent(new PaymentsRecorded(recorded));
        }
        List<Outcome> outcomes = new ArrayList<>(deliveries.size());
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery d = deliveries.get(i);
            if (!fresh.get(i)) {
                outcomes.add(Outcome.DUPLICATE);
                continue;
            }
            for (DisputeNotified notice : d.event().disputes()) {
                events.publishEvent(new DisputeNotified(notice.provider(), notice.merchantAccount(), notice.eventKey(),
                        notice.providerDisputeId(), notice.paymentReference(), notice.merchantReference(),
                        notice.eventCode(), notice.status(), notice.reasonCode(), notice.amount(), notice.dueAt(),
                        notice.occurredAt(), PanRedactor.redact(notice.payload())));
            }
            for (NormalizedBinding binding : d.event().bindings()) {
                bindings.record(d.provider(), d.account(), d.market(), d.event().eventKey(), binding);
            }
            outcomes.add(d.event().isEmpty() ? Outcome.IGNORED : Outcome.APPLIED);
        }
        return outcomes;
    }

    @Transactional
    void quarantine(String source, Provider provider, String account, String reason, String rawPayload) {
        store.quarantine(source, provider, account, null, reason, PanRedactor.redact(rawPayload), clock.instant());
    }
}
