package dev.paydesk.payments;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test helper in every test context: collects the {@link PaymentsRecorded} batches and dispute notices. Spring's
 * {@code ApplicationEvents} only sees events of the test's own thread, and webhooks are stored by
 * the webhook writer's thread.
 */
@Component
public class RecordedPayments {

    private final ConcurrentLinkedQueue<PaymentRecorded> seen = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<DisputeNotified> disputes = new ConcurrentLinkedQueue<>();

    @EventListener
    void on(PaymentsRecorded batch) {
        seen.addAll(batch.payments());
    }

    @EventListener
    void on(DisputeNotified notice) {
        disputes.add(notice);
    }

    public java.util.stream.Stream<DisputeNotified> disputes() {
        return disputes.stream();
    }

    public List<PaymentRecorded> ofOrder(String merchantReference) {
        return seen.stream().filter(p -> merchantReference.equals(p.merchantReference())).toList();
    }
}
