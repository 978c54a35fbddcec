package dev.paydesk.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.paydesk.payments.PaymentRecords.TransactionRecord;
import dev.paydesk.payments.Provider;
import dev.paydesk.payments.TransactionKind;

/** How one order's movements become facts: the order counts once, on its first successful capture. */
class PaymentFactTests {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void anOrderCountsOnceOnItsFirstSuccessfulCapture() {
        // a refused capture at 10:00, a successful partial capture at 11:00 and the rest at 12:00
        List<TransactionRecord> movements = List.of(
                capture("c3", "settled", T.plusSeconds(7200)),
                capture("c1", "refused", T),
                capture("c2", "captured", T.plusSeconds(3600)));
        List<PaymentFact> facts = PaymentFact.ofOrder("DE", movements, List.of());
        assertThat(facts).extracting(PaymentFact::providerReference).containsExactly("c2", "c3");
        assertThat(facts).extracting(PaymentFact::firstCapture).containsExactly(true, false);
    }

    @Test
    void anOrderWithoutASuccessfulCaptureIsNoOrder() {
        List<PaymentFact> facts = PaymentFact.ofOrder("DE", List.of(capture("c1", "failed", T)), List.of());
        assertThat(facts).isEmpty();
    }

    private static TransactionRecord capture(String ref, String status, Instant at) {
        return new TransactionRecord(UUID.randomUUID(), Provider.ADYEN, "acc", TransactionKind.CAPTURE, ref, null, "ord-1",
                null, status, 1000, "EUR", "card", at);
    }
}
