package dev.paydesk.payments.internal;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional Kafka log for PSP events ({@code paydesk.kafka.*}, docs/kafka.md). Bound only when
 * {@code bootstrap-servers} is set; without it there is no Kafka bean at all.
 *
 * @param bootstrapServers the brokers ({@code PAYDESK_KAFKA_BOOTSTRAP_SERVERS}); blank = Kafka off
 * @param topic            the topic of verified PSP events, one record per event keyed by order or payment reference
 * @param partitions       partitions when Paydesk creates the topic (more = more consumers can share the load)
 * @param replicas         replication factor when Paydesk creates the topic (-1 = the broker's default)
 * @param group            the consumer group every node joins
 * @param consumers        consumer threads per node
 * @param maxPollRecords   the largest batch a consumer stores in one go
 * @param sendTimeout      how long a webhook waits for the broker's acknowledgement before it answers 503
 * @param retryAfter       the {@code Retry-After} of that 503 (whole seconds)
 * @param client           connection-security settings for the producer, the consumers and the topic admin alike
 *                         ({@code paydesk.kafka.client.security.protocol=SASL_SSL}, {@code sasl.mechanism},
 *                         {@code sasl.jaas.config}, {@code ssl.truststore.location}, ...): only {@code security.*},
 *                         {@code sasl.*} and {@code ssl.*}
 */
@ConfigurationProperties("paydesk.kafka")
record KafkaSettings(String bootstrapServers,
                     @DefaultValue("paydesk.psp-events") String topic,
                     @DefaultValue("12") int partitions,
                     @DefaultValue("-1") int replicas,
                     @DefaultValue("paydesk-psp-events") String group,
                     @DefaultValue("2") int consumers,
                     @DefaultValue("500") int maxPollRecords,
                     @DefaultValue("5s") Duration sendTimeout,
                     @DefaultValue("5s") Duration retryAfter,
                     @Nullable Map<String, String> client) {

    KafkaSettings {
        client = client == null ? Map.of() : Map.copyOf(client);
        for (String key : client.keySet()) {
            // connection security only: a partitioner, a transactional id, retries or serializers would break the
            // ordering per order or the acknowledgement the webhooks rely on
            if (!key.startsWith("security.") && !key.startsWith("sasl.") && !key.startsWith("ssl.")) {
                throw new IllegalArgumentException("paydesk.kafka.client." + key + " is not allowed: only security.*, "
                        + "sasl.* and ssl.* settings can be given");
            }
        }
        if (sendTimeout.toMillis() < 100) {
            throw new IllegalArgumentException("paydesk.kafka.send-timeout must be at least 100 ms");
        }
    }

    /** The client settings with Paydesk's own on top. */
    Map<String, Object> clientConfig(Map<String, Object> own) {
        Map<String, Object> config = new java.util.HashMap<>(client);
        config.putAll(own);
        return config;
    }
}
