package dev.paydesk.payments.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaOperations;

import dev.paydesk.payments.DisputeNotified;
import dev.paydesk.payments.Provider;

/**
 * Appends verified PSP events to the Kafka topic (when Kafka is on): one record per event, keyed by
 * its order reference, else its payment reference, so one order's events stay in one partition and
 * in order. Returns only after the broker has acknowledged every record ({@code acks=all},
 * idempotent producer); otherwise throws {@link WebhookBusyException} (503 + Retry-After) within the
 * send timeout, so a webhook is never acknowledged before its events are durable.
 *
 * <p>Record value: the verified body as Paydesk stores it (card numbers already masked); headers
 * name provider, merchant account, market and the event's position in the body, which the consumer
 * ({@link PspEventConsumer}) parses again into the same delivery the direct path builds.
 */
final class PspEventLog {

    static final String PROVIDER = "paydesk-provider";
    static final String ACCOUNT = "paydesk-account";
    static final String MARKET = "paydesk-market";
    static final String ITEM = "paydesk-item";

    private final KafkaOperations<String, byte[]> kafka;
    private final String topic;
    private final long timeoutMillis;
    private final long retryAfterSeconds;

    PspEventLog(KafkaOperations<String, byte[]> kafka, String topic, java.time.Duration sendTimeout,
                java.time.Duration retryAfter) {
        this.kafka = kafka;
        this.topic = topic;
        this.timeoutMillis = sendTimeout.toMillis();
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    /** Appends the body's events; returns once all are acknowledged by the broker. */
    void append(Provider provider, String account, @Nullable String market, String body, List<ProviderEvent> events) {
        byte[] value = body.getBytes(StandardCharsets.UTF_8);
        List<CompletableFuture<?>> sent = new ArrayList<>(events.size());
        try {
            for (int i = 0; i < events.size(); i++) {
                List<Header> headers = new ArrayList<>(4);
                headers.add(header(PROVIDER, provider.name()));
                headers.add(header(ACCOUNT, account));
                if (market != null) {
                    headers.add(header(MARKET, market));
                }
                headers.add(header(ITEM, Integer.toString(i)));
                sent.add(kafka.send(new ProducerRecord<>(topic, null, key(events.get(i)), value, headers)));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(timeoutMillis + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw unavailable(e.getCause());
        } catch (TimeoutException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (RuntimeException e) { // the producer refused before sending (no metadata within max.block.ms)
            throw unavailable(e);
        }
    }

    private WebhookBusyException unavailable(@Nullable Throwable cause) {
        String why = cause == null ? "no answer" : cause.getClass().getSimpleName();
        return new WebhookBusyException("the event log (Kafka) did not acknowledge the event (" + why
                + "); nothing was accepted, redeliver later", retryAfterSeconds);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The record key: the order (merchant) reference of the event's first movement or dispute, else
     * its payment reference (a refund's original payment, else the movement's own), else the stored
     * method's customer, else the event's own key. Events naming the same order thus share a partition.
     */
    static String key(ProviderEvent event) {
        for (NormalizedTransaction tx : event.transactions()) {
            if (tx.merchantReference() != null) {
                return tx.merchantReference();
            }
        }
        for (DisputeNotified d : event.disputes()) {
            if (d.merchantReference() != null) {
                return d.merchantReference();
            }
        }
        for (NormalizedTransaction tx : event.transactions()) {
            return tx.originalReference() != null ? tx.originalReference() : tx.providerReference();
        }
        for (DisputeNotified d : event.disputes()) {
            if (d.paymentReference() != null) {
                return d.paymentReference();
            }
        }
        for (NormalizedBinding b : event.bindings()) {
            return b.customerReference() != null ? b.customerReference() : b.token();
        }
        return event.eventKey();
    }
}
