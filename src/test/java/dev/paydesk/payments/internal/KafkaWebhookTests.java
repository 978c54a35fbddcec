package dev.paydesk.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * PSP webhooks through Kafka against a real in-process KRaft broker (spring-kafka-test): stored
 * exactly once and in order per order, whatever is delivered twice (the PSP resends, Kafka
 * redelivers, a consumer dies after storing part of a batch before committing), and a 503 with
 * Retry-After once the broker is gone; and a case event externalised to its topic with ids and
 * states only. The last test stops the broker, so the order is fixed.
 */
@Tag("slow")
@SpringBootTest(properties = {
        "paydesk.kafka.topic=" + KafkaWebhooks.TOPIC,
        "paydesk.kafka.partitions=3",
        "paydesk.kafka.send-timeout=2s",
        "paydesk.kafka.retry-after=7s"})
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaWebhookTests extends dev.paydesk.platform.PlatformTestSupport {

    private static EmbeddedKafkaKraftBroker broker;
    private static AdminClient admin;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        broker = new EmbeddedKafkaKraftBroker(1, 3, KafkaWebhooks.TOPIC);
        broker.afterPropertiesSet();
        admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
        registry.add("paydesk.kafka.bootstrap-servers", broker::getBrokersAsString);
    }

    @AfterAll
    static void stopBroker() {
        admin.close(Duration.ofSeconds(1));
        broker.destroy();
    }

    @TestConfiguration
    static class Listening {

        @Bean
        KafkaWebhooks.Recorded recordedInOrder() {
            return new KafkaWebhooks.Recorded();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaWebhooks.Recorded recorded;

    @Autowired
    ConcurrentMessageListenerContainer<String, byte[]> consumers;

    @Autowired
    WebhookReceiver receiver;

    @Autowired
    WebhookWriter writer;

    @Autowired
    dev.paydesk.cases.CaseDesk desk;

    @Test
    @Order(1)
    void eachWebhookIsStoredOnceThroughTheTopicInTheOrderItArrivedPerOrder() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> orders = new ArrayList<>();
        for (int o = 0; o < 8; o++) {
            orders.add("KO-" + run + "-" + o);
        }
        for (int step = 0; step < 5; step++) { // the orders' events interleaved, as a burst would bring them
            for (String order : orders) {
                KafkaWebhooks.deliver(mvc, "evt_" + order + "_" + step, "ch_" + order + "_" + step, order)
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.queued").value(1))
                        .andExpect(jsonPath("$.applied").value(0));
            }
        }
        KafkaWebhooks.awaitCaughtUp(admin);
        assertEachStoredOnceInOrder(orders, 5);
    }

    @Test
    @Order(2)
    void anEventResentByThePspOrRedeliveredByKafkaIsStoredOnce() throws Exception {
        String order = "KR-" + UUID.randomUUID();
        String body = dev.paydesk.shared.BenchNodes.stripeCharge("evt_" + order, "ch_" + order, order);
        KafkaWebhooks.deliver(mvc, body).andExpect(status().isOk());
        KafkaWebhooks.deliver(mvc, body).andExpect(status().isOk()).andExpect(jsonPath("$.queued").value(1));
        KafkaWebhooks.awaitCaughtUp(admin);
        assertThat(KafkaWebhooks.stored(jdbc, "evt_" + order)).isEqualTo(1);
        assertThat(recorded.of(order)).containsExactly("ch_" + order);

        // a foreign record ahead of the order's next event in its partition neither blocks nor stores anything
        try (var foreign = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(Map.of(
                "bootstrap.servers", broker.getBrokersAsString()), new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            foreign.send(new org.apache.kafka.clients.producer.ProducerRecord<>(KafkaWebhooks.TOPIC, order,
                    "not a webhook".getBytes(java.nio.charset.StandardCharsets.UTF_8))).get();
        }
        KafkaWebhooks.deliver(mvc, "evt_" + order + "_2", "ch_" + order + "_2", order).andExpect(status().isOk());
        KafkaWebhooks.awaitCaughtUp(admin);
        assertThat(recorded.of(order)).containsExactly("ch_" + order, "ch_" + order + "_2");

        int movementsBefore = recorded.count();
        consumers.stop();
        Map<TopicPartition, OffsetAndMetadata> fromTheStart = new java.util.HashMap<>();
        for (int p = 0; p < 3; p++) {
            fromTheStart.put(new TopicPartition(KafkaWebhooks.TOPIC, p), new OffsetAndMetadata(0));
        }
        admin.alterConsumerGroupOffsets(KafkaWebhooks.GROUP, fromTheStart).all().get();
        assertThat(KafkaWebhooks.lag(admin)).isPositive(); // the whole topic is delivered again
        consumers.start();
        KafkaWebhooks.awaitCaughtUp(admin);
        assertThat(KafkaWebhooks.stored(jdbc, "evt_" + order)).isEqualTo(1);
        assertThat(KafkaWebhooks.movements(jdbc, "ch_" + order)).isEqualTo(1);
        assertThat(recorded.count()).isEqualTo(movementsBefore);
    }

    @Test
    @Order(3)
    void aConsumerKilledAfterStoringPartOfABatchLosesAndDoublesNothing() throws Exception {
        consumers.stop();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> orders = List.of("KK-" + run + "-a", "KK-" + run + "-b", "KK-" + run + "-c", "KK-" + run + "-d");
        for (int step = 0; step < 6; step++) {
            for (String order : orders) {
                KafkaWebhooks.deliver(mvc, "evt_" + order + "_" + step, "ch_" + order + "_" + step, order)
                        .andExpect(status().isOk());
            }
        }
        int total = orders.size() * 6;
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> killed = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, KafkaWebhooks.GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            killed.subscribe(List.of(KafkaWebhooks.TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (batch.size() < total && System.nanoTime() < deadline) {
                killed.poll(Duration.ofMillis(200)).forEach(batch::add);
            }
            assertThat(batch).hasSize(total); // exactly the records appended since the group's last commit
            new PspEventConsumer(receiver, writer).store(batch.subList(0, total / 2));
        } // closed without committing: the consumer "died" half-way through its batch
        long storedBeforeRestart = batch.stream().filter(r -> storedOnce(r)).count();
        assertThat(storedBeforeRestart).isEqualTo(total / 2);

        consumers.start();
        KafkaWebhooks.awaitCaughtUp(admin);
        assertEachStoredOnceInOrder(orders, 6);
    }

    @Test
    @Order(4)
    void aCaseEventArrivesOnItsTopicWithIdsAndStatesButNoPersonalValues() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        String secret = UUID.randomUUID().toString().substring(0, 8);
        String email = "jane.doe." + secret + "@example.com";
        String customer = "cust-jane-" + secret;
        dev.paydesk.cases.CaseSummary opened = systemOpens(dev.paydesk.cases.NewCase
                .builder("Refund for Jane Doe " + secret, "DE", dev.paydesk.cases.CaseSource.API)
                .description("Jane Doe (" + email + ") paid with 4111 1111 1111 1111 and wants her money " + secret)
                .customer(customer, email).language("en").build());
        asSystem(() -> desk.changeStatus(opened.id(), dev.paydesk.cases.CaseStatus.OPEN, null));

        List<Map<String, Object>> messages = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + secret,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            reader.subscribe(List.of("paydesk.cases"));
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (System.nanoTime() < deadline && messages.stream().noneMatch(m -> "case.changed".equals(m.get("event"))
                    && "OPEN".equals(m.get("status")))) {
                for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(300))) {
                    if (opened.id().toString().equals(r.key())) {
                        String json = new String(r.value(), java.nio.charset.StandardCharsets.UTF_8);
                        raw.add(json);
                        messages.add(tools.jackson.databind.json.JsonMapper.builder().build().readValue(json,
                                new tools.jackson.core.type.TypeReference<Map<String, Object>>() { }));
                    }
                }
            }
        }
        assertThat(messages).anySatisfy(m -> assertThat(m)
                .containsEntry("schema", 1).containsEntry("event", "case.created")
                .containsEntry("case_id", opened.id().toString()).containsEntry("case_key", opened.key())
                .containsEntry("market", "DE").containsEntry("language", "en").containsEntry("source", "API")
                .containsKey("at"));
        assertThat(messages).anySatisfy(m -> assertThat(m)
                .containsEntry("event", "case.changed").containsEntry("change", "STATUS")
                .containsEntry("status", "OPEN").containsEntry("previous_status", "NEW"));
        assertThat(raw).isNotEmpty().allSatisfy(json -> assertThat(json)
                .doesNotContain(secret).doesNotContain("Jane").doesNotContain("example.com")
                .doesNotContain("4111").doesNotContain("1111"));
    }

    private dev.paydesk.cases.CaseSummary systemOpens(dev.paydesk.cases.NewCase newCase) {
        dev.paydesk.cases.CaseSummary[] opened = new dev.paydesk.cases.CaseSummary[1];
        asSystem(() -> opened[0] = desk.open(newCase).summary());
        return opened[0];
    }

    @Test
    @Order(5)
    void withTheBrokerGoneTheEndpointAnswers503WithRetryAfterAndStoresNothing() throws Exception {
        consumers.stop();
        broker.destroy();
        String order = "KD-" + UUID.randomUUID();
        long start = System.nanoTime();
        KafkaWebhooks.deliver(mvc, "evt_" + order, "ch_" + order, order)
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "7"))
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.type").value("https://paydesk.dev/problems/busy"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10)); // bounded by the send timeout
        assertThat(KafkaWebhooks.stored(jdbc, "evt_" + order)).isZero();
    }

    private boolean storedOnce(ConsumerRecord<String, byte[]> record) {
        String body = new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
        String eventId = body.substring(body.indexOf("\"id\":\"") + 6, body.indexOf('"', body.indexOf("\"id\":\"") + 6));
        return KafkaWebhooks.stored(jdbc, eventId) == 1;
    }

    /** Every order's events stored once, one movement each, committed in the order they were sent. */
    private void assertEachStoredOnceInOrder(List<String> orders, int steps) {
        for (String order : orders) {
            for (int step = 0; step < steps; step++) {
                assertThat(KafkaWebhooks.stored(jdbc, "evt_" + order + "_" + step)).isEqualTo(1);
                assertThat(KafkaWebhooks.movements(jdbc, "ch_" + order + "_" + step)).isEqualTo(1);
            }
            assertThat(recorded.of(order)).containsExactly(steps(order, steps));
        }
    }

    private static String[] steps(String order, int n) {
        String[] charges = new String[n];
        for (int i = 0; i < n; i++) {
            charges[i] = "ch_" + order + "_" + i;
        }
        return charges;
    }
}
