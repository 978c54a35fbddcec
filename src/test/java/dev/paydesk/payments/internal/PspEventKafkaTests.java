package dev.paydesk.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import dev.paydesk.payments.DisputeNotified;
import dev.paydesk.payments.PaymentQueries.BindingAction;
import dev.paydesk.payments.Provider;
import dev.paydesk.payments.TransactionKind;
import dev.paydesk.shared.Money;

/** The Kafka pieces that need no broker: which key an event gets, and that Kafka stays off unless configured. */
class PspEventKafkaTests {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void anEventIsKeyedByItsOrderSoOneOrdersEventsShareAPartition() {
        assertThat(PspEventLog.key(event(tx("ch_1", null, "ORD-1")))).isEqualTo("ORD-1");
        assertThat(PspEventLog.key(event(tx("re_1", "ch_1", "ORD-1")))).isEqualTo("ORD-1");
    }

    @Test
    void withoutAnOrderItIsKeyedByThePaymentARefundByItsOriginalPayment() {
        assertThat(PspEventLog.key(event(tx("ch_2", null, null)))).isEqualTo("ch_2");
        assertThat(PspEventLog.key(event(tx("re_2", "ch_2", null)))).isEqualTo("ch_2");
    }

    @Test
    void aDisputeIsKeyedByItsOrderElseItsPayment() {
        assertThat(PspEventLog.key(dispute("ch_3", "ORD-3"))).isEqualTo("ORD-3");
        assertThat(PspEventLog.key(dispute("ch_3", null))).isEqualTo("ch_3");
    }

    @Test
    void aStoredMethodIsKeyedByItsCustomerAndAnEventWithoutReferencesByItsOwnKey() {
        NormalizedBinding binding = new NormalizedBinding("tok_1", "cus_1", BindingAction.ADDED, "card", "visa",
                null, "4242", 8, 2030, null, AT);
        assertThat(PspEventLog.key(ProviderEvent.bindings("evt_b", "token.created", List.of(binding)))).isEqualTo("cus_1");
        assertThat(PspEventLog.key(ProviderEvent.ignored("evt_i", "balance.available"))).isEqualTo("evt_i");
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(PspEventKafka.class);

    @Test
    void kafkaIsOffByDefaultAndWithBlankServers() {
        runner.run(context -> assertOff(context));
        runner.withPropertyValues("paydesk.kafka.bootstrap-servers=${PAYDESK_KAFKA_BOOTSTRAP_SERVERS_UNSET_IN_TESTS:}")
                .run(context -> assertOff(context));
        runner.withPropertyValues("paydesk.kafka.bootstrap-servers=  ").run(context -> assertOff(context));
    }

    @Test
    void theDefaultApplicationPropertiesLeaveKafkaOff() throws Exception {
        java.util.Properties defaults = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/application.properties")) {
            defaults.load(in);
        }
        assertThat(defaults.getProperty("paydesk.kafka.bootstrap-servers")).isEqualTo("${PAYDESK_KAFKA_BOOTSTRAP_SERVERS:}");
    }

    private static void assertOff(org.springframework.context.ApplicationContext context) {
        assertThat(context.getBeansOfType(PspEventKafka.class)).isEmpty();
        assertThat(context.getBeansOfType(KafkaTemplate.class)).isEmpty();
        assertThat(context.getBeansOfType(ConcurrentMessageListenerContainer.class)).isEmpty();
        assertThat(context.getBeansOfType(PspEventLog.class)).isEmpty();
    }

    private static NormalizedTransaction tx(String reference, String original, String order) {
        return new NormalizedTransaction(original == null ? TransactionKind.CAPTURE : TransactionKind.REFUND, reference,
                original, order, null, "succeeded", Money.of(1000, "EUR"), "card", null, null, null, AT);
    }

    private static ProviderEvent event(NormalizedTransaction tx) {
        return new ProviderEvent("evt_" + tx.providerReference(), "charge.succeeded", List.of(tx), List.of());
    }

    private static ProviderEvent dispute(String payment, String order) {
        DisputeNotified notice = new DisputeNotified(Provider.STRIPE, "stripe-eu", "evt_d", "dp_1", payment, order,
                "charge.dispute.created", "needs_response", "fraudulent", Money.of(1000, "EUR"), null, AT, "{}");
        return new ProviderEvent("evt_d", "charge.dispute.created", List.of(), List.of(notice));
    }

    private static KafkaSettings withClient(java.util.Map<String, String> client) {
        return new KafkaSettings("broker:9093", "paydesk.psp-events", 12, -1, "paydesk-psp-events", 2, 500,
                java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(5), client);
    }

    /** A broker that asks for TLS and SASL: the client settings reach the producer, with Paydesk's own unchanged. */
    @Test
    void connectionSecuritySettingsReachTheProducer() {
        java.util.Map<String, Object> producer = new PspEventKafka().pspEventTemplate(withClient(java.util.Map.of(
                "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512"))).getProducerFactory()
                .getConfigurationProperties();
        assertThat(producer).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("acks", "all").containsEntry("enable.idempotence", true);
    }

    /** Anything else could break the order per order or the acknowledgement: refused when the settings are read. */
    @Test
    void otherClientSettingsAreRefused() {
        for (String key : List.of("acks", "partitioner.class", "transactional.id", "retries")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> withClient(java.util.Map.of(key, "x")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(key);
        }
    }
}
