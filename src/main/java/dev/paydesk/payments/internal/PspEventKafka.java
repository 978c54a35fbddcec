package dev.paydesk.payments.internal;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import org.springframework.util.StringUtils;
import org.springframework.util.backoff.FixedBackOff;

import tools.jackson.databind.json.JsonMapper;

/**
 * The optional Kafka path of PSP webhooks (docs/kafka.md), wired only when
 * {@code paydesk.kafka.bootstrap-servers} is set: the producer the webhook endpoint appends
 * through, the consumers that store the topic, the topic itself, and the externalizer of the outbound
 * module's case, dispute and finding messages. Paydesk uses the plain Spring for
 * Apache Kafka library, not Boot's Kafka auto-configuration, so with the property blank there is no
 * Kafka bean and no connection attempt at all.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(PspEventKafka.On.class)
@EnableConfigurationProperties(KafkaSettings.class)
class PspEventKafka {

    static final String BOOTSTRAP = "paydesk.kafka.bootstrap-servers";

    /** Kafka is on when the bootstrap servers are set (not blank). */
    static final class On implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(BOOTSTRAP));
        }
    }

    /** The producer: idempotent, {@code acks=all}, every wait bounded by the send timeout. */
    @Bean
    KafkaTemplate<String, byte[]> pspEventTemplate(KafkaSettings settings) {
        int timeout = (int) settings.sendTimeout().toMillis();
        int linger = 1;
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "paydesk-psp-events");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, linger);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout); // waiting for metadata: the broker is unreachable
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout - linger);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout); // send + retries until acknowledged
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(settings.clientConfig(config), new StringSerializer(),
                new ByteArraySerializer()));
    }

    @Bean
    PspEventLog pspEventLog(KafkaTemplate<String, byte[]> pspEventTemplate, KafkaSettings settings) {
        return new PspEventLog(pspEventTemplate, settings.topic(), settings.sendTimeout(), settings.retryAfter());
    }

    /**
     * The consumers: one group over all nodes, offsets committed after each stored batch, a failed
     * batch retried every two seconds until it is stored (nothing is skipped).
     */
    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> pspEventConsumers(KafkaSettings settings,
                                                                        WebhookReceiver receiver, WebhookWriter writer) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // a new group reads what was appended before it
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        config.put(CommonClientConfigs.METADATA_MAX_AGE_CONFIG, 10_000); // find the topic soon when it is created late
        ContainerProperties properties = new ContainerProperties(settings.topic());
        properties.setAckMode(ContainerProperties.AckMode.BATCH);
        properties.setMessageListener(new PspEventConsumer(receiver, writer));
        ConcurrentMessageListenerContainer<String, byte[]> container = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(settings.clientConfig(config), new StringDeserializer(),
                        new ByteArrayDeserializer()),
                properties);
        container.setConcurrency(Math.max(1, settings.consumers()));
        container.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(2_000, FixedBackOff.UNLIMITED_ATTEMPTS)));
        container.setBeanName("paydesk-psp-events");
        return container;
    }

    /**
     * Spring Modulith's event externalisation to Kafka: the events the outbound module selects, as the
     * JSON messages it maps them to, on its topics and keys. Sent after the publishing transaction
     * commits; the JDBC event publication registry keeps a publication until the broker acknowledged
     * it, and outstanding ones are sent again on restart.
     */
    @Bean
    DelegatingEventExternalizer paydeskEventExternalizer(EventExternalizationConfiguration configuration,
                                                         KafkaTemplate<String, byte[]> pspEventTemplate,
                                                         JsonMapper json) {
        return new DelegatingEventExternalizer(configuration, (target, payload) ->
                pspEventTemplate.send(target.getTarget(), target.getKey(), json.writeValueAsBytes(payload)));
    }

    /** Creates the topic at start when it is missing; a broker down at start is logged, not fatal. */
    @Bean
    KafkaAdmin pspEventAdmin(KafkaSettings settings) {
        KafkaAdmin admin = new KafkaAdmin(settings.clientConfig(
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers())));
        admin.setFatalIfBrokerNotAvailable(false);
        int seconds = (int) Math.max(1, settings.sendTimeout().toSeconds());
        admin.setOperationTimeout(seconds);
        admin.setCloseTimeout(seconds);
        return admin;
    }

    @Bean
    NewTopic pspEventTopic(KafkaSettings settings) {
        TopicBuilder topic = TopicBuilder.name(settings.topic()).partitions(settings.partitions());
        if (settings.replicas() > 0) {
            topic.replicas(settings.replicas());
        }
        if (settings.replicas() > 1) {
            // acks=all then means two brokers have the event before the webhook is answered, not the leader alone
            topic.config("min.insync.replicas", "2");
        }
        return topic.build();
    }
}
