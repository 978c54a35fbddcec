package dev.paydesk.payments.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.listener.BatchMessageListener;

import dev.paydesk.payments.Provider;

/**
 * Stores the PSP events of the Kafka topic (when Kafka is on), a poll's batch at a time, through the
 * same {@link WebhookWriter} and idempotent {@link PaymentIngest} as the direct path: an event
 * delivered twice (the PSP resent it, or Kafka redelivered after a consumer died before committing)
 * is a duplicate and changes nothing. Records of one partition are handed over in log order, so one
 * order's events are stored in the order they were appended. The offsets are committed only after
 * the batch is stored; when storing fails the container's error handler retries the batch. A record
 * without Paydesk's headers (another producer's) is logged and skipped.
 */
final class PspEventConsumer implements BatchMessageListener<String, byte[]> {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PspEventConsumer.class);

    private final WebhookReceiver receiver;
    private final WebhookWriter writer;

    PspEventConsumer(WebhookReceiver receiver, WebhookWriter writer) {
        this.receiver = receiver;
        this.writer = writer;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        store(records);
    }

    /** Stores the records' events in order; returns once they are committed to the database. */
    List<PaymentIngest.Outcome> store(List<ConsumerRecord<String, byte[]>> records) {
        List<PaymentIngest.Delivery> deliveries = new ArrayList<>(records.size());
        WebhookReceiver.Parsed last = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            Provider provider;
            String account;
            int item;
            try {
                provider = Provider.valueOf(text(record, PspEventLog.PROVIDER));
                account = text(record, PspEventLog.ACCOUNT);
                item = Integer.parseInt(text(record, PspEventLog.ITEM));
            } catch (RuntimeException e) { // not written by Paydesk: nothing of ours to store, and it must not block the partition
                log.error("record {}-{}@{} is not a Paydesk PSP event ({}); skipped", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
                continue;
            }
            String body = new String(record.value(), StandardCharsets.UTF_8);
            if (last == null || !last.matches(provider, account, body)) { // an Adyen batch: one record per item, parsed once
                last = receiver.parseLogged(provider, account, body);
            }
            Optional<PaymentIngest.Delivery> delivery = last.delivery(textOrNull(record, PspEventLog.MARKET), item);
            if (delivery.isEmpty()) {
                // the body no longer parses into the event the endpoint appended (another version of the parser)
                log.error("record {}-{}@{}: item {} of the {} {} event body cannot be read again; not stored",
                        record.topic(), record.partition(), record.offset(), item, provider, account);
            }
            delivery.ifPresent(deliveries::add);
        }
        return writer.write(deliveries);
    }

    private static String text(ConsumerRecord<String, byte[]> record, String header) {
        String value = textOrNull(record, header);
        if (value == null) {
            throw new IllegalArgumentException("no header " + header);
        }
        return value;
    }

    private static @Nullable String textOrNull(ConsumerRecord<String, byte[]> record, String header) {
        Header h = record.headers().lastHeader(header);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
