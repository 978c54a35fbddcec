package dev.paydesk.payments.internal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.paydesk.payments.PaymentRecorded;
import dev.paydesk.payments.PaymentsRecorded;
import dev.paydesk.payments.WebhookSigning;
import dev.paydesk.shared.BenchNodes;

/** What the Kafka webhook tests share: signed Stripe webhooks, what is stored, and the consumer group's lag. */
final class KafkaWebhooks {

    static final String TOPIC = "paydesk.psp-events.test";
    static final String GROUP = "paydesk-psp-events";

    private KafkaWebhooks() {
    }

    /** A signed {@code charge.succeeded} for the order, posted to the test Stripe account. */
    static ResultActions deliver(MockMvc mvc, String eventId, String charge, String order) throws Exception {
        return deliver(mvc, BenchNodes.stripeCharge(eventId, charge, order));
    }

    static ResultActions deliver(MockMvc mvc, String body) throws Exception {
        return mvc.perform(post("/webhooks/stripe/stripe-eu").contentType(MediaType.APPLICATION_JSON)
                .header("Stripe-Signature", WebhookSigning.stripeHeader(body, Instant.now().getEpochSecond()))
                .content(body));
    }

    /** How many times the event is stored (0 or 1: it is the idempotency key). */
    static int stored(JdbcClient jdbc, String eventId) {
        return jdbc.sql("select count(*) from payments_inbound_event where event_key = :k").param("k", eventId)
                .query(Integer.class).single();
    }

    /** How many movements the charge made. */
    static int movements(JdbcClient jdbc, String charge) {
        return jdbc.sql("select count(*) from payments_transaction where provider_reference = :r").param("r", charge)
                .query(Integer.class).single();
    }

    /** Waits until the group has committed every record of the topic (it stored all it was given). */
    static void awaitCaughtUp(AdminClient admin) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> lag(admin) == 0);
    }

    static long lag(AdminClient admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get();
        var partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        partitions.forEach(p -> latest.put(new TopicPartition(TOPIC, p.partition()), OffsetSpec.latest()));
        long lag = 0;
        for (var end : admin.listOffsets(latest).all().get().entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    /** Every movement committed, in commit order (the order a reference's events were stored in). */
    static class Recorded {

        private final Queue<PaymentRecorded> inOrder = new ConcurrentLinkedQueue<>();

        @TransactionalEventListener
        void on(PaymentsRecorded batch) {
            inOrder.addAll(batch.payments());
        }

        int count() {
            return inOrder.size();
        }

        /** The provider references of the order's movements, in the order they were committed. */
        List<String> of(String order) {
            return inOrder.stream().filter(p -> order.equals(p.merchantReference())).map(PaymentRecorded::providerReference)
                    .toList();
        }
    }
}
