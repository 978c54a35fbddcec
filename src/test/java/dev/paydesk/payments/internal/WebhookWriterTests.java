package dev.paydesk.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.paydesk.payments.Provider;
import dev.paydesk.payments.TransactionKind;
import dev.paydesk.shared.Money;

/** The webhook writer's group commit: exactly-once under concurrency, and one bad delivery never fails its batch-mates. */
@SpringBootTest
class WebhookWriterTests {

    @Autowired
    WebhookWriter writer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrentDeliveriesWithRedeliveriesAreStoredExactlyOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int distinct = 300;
        List<Integer> sends = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            sends.add(i);
            if (i % 3 == 0) {
                sends.add(i);
                sends.add(i);
            }
        }
        java.util.Collections.shuffle(sends, new java.util.Random(11));
        List<Future<List<PaymentIngest.Outcome>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(24)) {
            for (int i : sends) {
                results.add(pool.submit(() -> writer.write(List.of(delivery(run, i, "411111")))));
            }
        }
        long applied = 0;
        long duplicates = 0;
        for (Future<List<PaymentIngest.Outcome>> result : results) {
            PaymentIngest.Outcome outcome = result.get().getFirst();
            applied += outcome == PaymentIngest.Outcome.APPLIED ? 1 : 0;
            duplicates += outcome == PaymentIngest.Outcome.DUPLICATE ? 1 : 0;
        }
        assertThat(applied).isEqualTo(distinct);
        assertThat(duplicates).isEqualTo(sends.size() - distinct);
        assertThat(count("select count(*) from payments_inbound_event where event_key like :p", "evt_w_" + run + "_%"))
                .isEqualTo(distinct);
        assertThat(count("select count(*) from payments_transaction where provider_reference like :p", "ch_w_" + run + "_%"))
                .isEqualTo(distinct);
        assertThat(count("select count(*) from payments_order where merchant_reference like :p", "ORD-W-" + run + "-%"))
                .isEqualTo(distinct);
    }

    @Test
    void aBadDeliveryFailsAloneAndItsBatchMatesAreStored() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // A BIN longer than the column allows makes the database refuse the movement.
        List<WebhookWriter.Pending> batch = List.of(pending(delivery(run, 1, "411111")),
                pending(delivery(run, 2, "4111111111")), pending(delivery(run, 3, "411111")));
        writer.store(batch);
        assertThat(batch.get(0).done().join()).containsExactly(PaymentIngest.Outcome.APPLIED);
        assertThat(batch.get(2).done().join()).containsExactly(PaymentIngest.Outcome.APPLIED);
        assertThatThrownBy(() -> batch.get(1).done().get()).isInstanceOf(ExecutionException.class);
        assertThat(count("select count(*) from payments_inbound_event where event_key like :p", "evt_w_" + run + "_%"))
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from payments_inbound_event where event_key = :k")
                .param("k", "evt_w_" + run + "_2").query(Integer.class).single()).isZero();
    }

    private static WebhookWriter.Pending pending(PaymentIngest.Delivery delivery) {
        return new WebhookWriter.Pending(List.of(delivery), new CompletableFuture<>());
    }

    private int count(String sql, String pattern) {
        return jdbc.sql(sql).param("p", pattern).query(Integer.class).single();
    }

    private static PaymentIngest.Delivery delivery(String run, int i, String bin) {
        NormalizedTransaction capture = new NormalizedTransaction(TransactionKind.CAPTURE, "ch_w_" + run + "_" + i, null,
                "ORD-W-" + run + "-" + i, "cus-" + i, "succeeded", Money.of(1000 + i, "EUR"), "card", "visa", bin, "1111",
                Instant.parse("2026-11-20T10:00:00Z").plusSeconds(i));
        ProviderEvent event = new ProviderEvent("evt_w_" + run + "_" + i, "charge.succeeded", List.of(capture), List.of());
        return new PaymentIngest.Delivery(Provider.STRIPE, "stripe-eu", "DE", event, "{}");
    }
}
