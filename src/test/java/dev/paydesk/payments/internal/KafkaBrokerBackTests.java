package dev.paydesk.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.shared.BenchNodes;

/**
 * Kafka configured but the broker not there (yet): webhooks are answered 503 with Retry-After and
 * nothing is stored; once a real KRaft broker listens on the configured address, the PSP's retry is
 * accepted and the event stored exactly once.
 */
@Tag("slow")
@SpringBootTest(properties = {
        "paydesk.kafka.topic=" + KafkaWebhooks.TOPIC,
        "paydesk.kafka.send-timeout=2s"})
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class KafkaBrokerBackTests {

    private static int port;
    private static EmbeddedKafkaKraftBroker broker;
    private static Forwarder bootstrap;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws Exception {
        port = BenchNodes.freePort();
        registry.add("paydesk.kafka.bootstrap-servers", () -> "127.0.0.1:" + port);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (bootstrap != null) {
            bootstrap.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aWebhookRefusedWhileTheBrokerIsDownIsAcceptedAndStoredOnceWhenItIsBack() throws Exception {
        String order = "KB-" + UUID.randomUUID();
        String body = BenchNodes.stripeCharge("evt_" + order, "ch_" + order, order);
        KafkaWebhooks.deliver(mvc, body)
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentType("application/problem+json"));
        assertThat(KafkaWebhooks.stored(jdbc, "evt_" + order)).isZero();

        broker = new EmbeddedKafkaKraftBroker(1, 3, KafkaWebhooks.TOPIC);
        broker.afterPropertiesSet();
        // The KRaft test kit binds random ports only (it ignores kafkaPorts()), so the configured
        // bootstrap address starts forwarding to it; clients then talk to the broker it advertises.
        String target = broker.getBrokersAsString().split(",")[0];
        bootstrap = new Forwarder(port, target.substring(0, target.lastIndexOf(':')),
                Integer.parseInt(target.substring(target.lastIndexOf(':') + 1)));
        // the PSP retries until it is accepted
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> KafkaWebhooks.deliver(mvc, body).andReturn().getResponse().getStatus() == 200);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> KafkaWebhooks.stored(jdbc, "evt_" + order) == 1);
        assertThat(KafkaWebhooks.movements(jdbc, "ch_" + order)).isEqualTo(1);
    }

    /** Accepts connections on a local port and pipes each to the target, both ways. */
    static final class Forwarder implements AutoCloseable {

        private final java.net.ServerSocket server;

        Forwarder(int port, String host, int targetPort) throws java.io.IOException {
            server = new java.net.ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress());
            Thread.ofPlatform().daemon().start(() -> {
                while (!server.isClosed()) {
                    try {
                        java.net.Socket in = server.accept();
                        java.net.Socket out = new java.net.Socket(host, targetPort);
                        pipe(in, out);
                        pipe(out, in);
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
        }

        private static void pipe(java.net.Socket from, java.net.Socket to) {
            Thread.ofPlatform().daemon().start(() -> {
                try (from; to) {
                    from.getInputStream().transferTo(to.getOutputStream());
                } catch (java.io.IOException e) {
                    // one side closed: close both
                }
            });
        }

        @Override
        public void close() throws java.io.IOException {
            server.close();
        }
    }
}
