package dev.paydesk.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.paydesk.payments.PaymentQueries.BindingAction;
import dev.paydesk.payments.PaymentQueries.BindingChange;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;

/**
 * Klarna customer tokens. Klarna has no webhook event for a token's life cycle (the Notifications
 * API's event types are payment.request.state-change.* and partner.account.* only:
 * https://docs.klarna.com/api/kn/klarna-notifications-api/klarna-notifications_release/4). A token
 * is delivered by the webhook of the payment request that issued it
 * (https://docs.klarna.com/klarna-network-distribution/payment-tokenization/overview/: "Token
 * delivery – Klarna sends a webhook with the customer_token"), and cancelled only by the merchant
 * (PATCH /customer-token/v1/tokens/{token}/status, body {"status": "CANCELLED"}:
 * https://docs.klarna.com/klarna-payments/other-actions/cancel-a-customer-token/).
 *
 * <p>The webhook envelope follows the sample request on
 * https://docs.klarna.com/klarna-network-distribution/manage-partners/integration-setup-and-notifications/webhooks
 * (metadata.event_type, event_id, event_version, occurred_at, subject_account_id,
 * recipient_account_id, product_instance_id, webhook_id, live). Klarna's pages seen do not print a
 * full completed-tokenization payload, so its fields are Klarna's documented names: the payment
 * request's payment_request_id, payment_request_reference, state, previous_state and state_context
 * (https://docs.klarna.com/websdk/v2/interfaces/payment.PaymentRequest.html), its
 * klarna_customer.customer_token and customer_token_reference
 * (https://docs.klarna.com/websdk/v2/interfaces/common.KlarnaCustomer.html), with the token value
 * shaped like the example "krn:customer-token:eu1:..." on
 * https://docs.klarna.com/klarna-network-distribution/payment-tokenization/payment-tokenization-resources/customer-token/.
 * Signed with the account's signing key as the other Klarna webhook tests sign.
 */
@SpringBootTest
@AutoConfigureMockMvc
class KlarnaCustomerTokenTests extends PlatformTestSupport {

    private static final String WEBHOOK = "/webhooks/klarna/klarna-eu";

    @Autowired
    MockMvc mvc;

    @Autowired
    PaymentQueries payments;

    @Autowired
    JdbcClient jdbc;

    private String customer;
    private String token;

    @BeforeEach
    void setUp() {
        ensureMarket("SE", "SEK", "Europe/Stockholm", "sv");
        customer = "subscription-user-" + UUID.randomUUID().toString().substring(0, 8);
        token = "krn:customer-token:eu1:" + UUID.randomUUID();
    }

    @Test
    void aCompletedTokenizationStoresTheTokenOnceEvenWhenRedelivered() throws Exception {
        String body = completed(UUID.randomUUID().toString(), "2026-11-20T12:00:00Z");
        klarna(body, WebhookSigning.klarnaHexSignature(body)).andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(1));

        assertThat(payments.paymentMethods(customer).current()).singleElement().satisfies(c -> {
            assertThat(c.provider()).isEqualTo(Provider.KLARNA);
            assertThat(c.token()).isEqualTo(token);
            assertThat(c.action()).isEqualTo(BindingAction.ADDED);
            assertThat(c.method()).isEqualTo("klarna");
            assertThat(c.market()).isEqualTo("SE");
            assertThat(c.cardBrand()).isNull();
            assertThat(c.cardLast4()).isNull();
            assertThat(c.occurredAt()).isEqualTo(java.time.Instant.parse("2026-11-20T12:00:00Z"));
            assertThat(c.active()).isTrue();
        });

        klarna(body, WebhookSigning.klarnaBase64Signature(body)).andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(0)).andExpect(jsonPath("$.duplicates").value(1));
        assertThat(rowsOfToken()).isEqualTo(1);
    }

    @Test
    void aTamperedSignatureIsA401AndStoresNothing() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String signed = completed(eventId, "2026-11-20T12:00:00Z");
        String tampered = signed.replace(customer, "someone-else");
        klarna(tampered, WebhookSigning.klarnaHexSignature(signed)).andExpect(status().isUnauthorized());
        klarna(signed, "sha256=" + "0".repeat(64)).andExpect(status().isUnauthorized());

        assertThat(rowsOfToken()).isZero();
        assertThat(jdbc.sql("select count(*) from payments_inbound_event where event_key = :k").param("k", eventId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theMerchantsCancellationMakesTheTokenInactiveInTheApi() throws Exception {
        String body = completed(UUID.randomUUID().toString(), "2026-11-20T12:00:00Z");
        klarna(body, WebhookSigning.klarnaHexSignature(body)).andExpect(status().isOk());
        String bearer = "Bearer " + tokenFor(newUser(Role.SPECIALIST, List.of("SE")));
        mvc.perform(get("/api/v1/customers/" + customer + "/payment-methods").header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current[0].token").value(token))
                .andExpect(jsonPath("$.current[0].active").value(true));

        cancel(bearer, "{\"status\": \"CANCELLED\", \"occurredAt\": \"2026-11-25T09:30:00Z\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.applied").value(true))
                .andExpect(jsonPath("$.customerReference").value(customer));
        cancel(bearer, "{\"status\": \"CANCELLED\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.applied").value(false));

        mvc.perform(get("/api/v1/customers/" + customer + "/payment-methods").header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current.length()").value(1))
                .andExpect(jsonPath("$.current[0].action").value("REMOVED"))
                .andExpect(jsonPath("$.current[0].active").value(false))
                .andExpect(jsonPath("$.history.length()").value(2));
        assertThat(payments.paymentMethods(customer).history()).extracting(BindingChange::action)
                .containsExactly(BindingAction.REMOVED, BindingAction.ADDED);
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'payments.klarna_token_cancelled'"
                        + " and entity_id = :id").param("id", "klarna-eu/" + token).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void theFlatV2PayloadShapeIsReadToo() throws Exception {
        String body = """
                {"metadata": {"event_type": "payment.request.state-change.completed", "event_id": "%s",
                   "event_version": "v2", "occurred_at": "2026-11-21T08:00:00Z",
                   "subject_account_id": "krn:partner:global:account:test", "live": false},
                 "payload": {"payment_request_id": "%s", "state": "COMPLETED", "previous_state": "IN_PROGRESS",
                   "klarna_customer": {"customer_token": "%s", "customer_token_reference": "%s"}}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), token, customer);
        klarna(body, WebhookSigning.klarnaHexSignature(body)).andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(1));
        assertThat(payments.paymentMethods(customer).current()).extracting(BindingChange::token).containsExactly(token);
    }

    @Test
    void aCompletedOneTimePaymentWithoutATokenStoresNoBinding() throws Exception {
        String body = completed(UUID.randomUUID().toString(), "2026-11-20T12:00:00Z")
                .replace("\"klarna_customer\": {\"customer_token\": \"%s\", \"customer_token_reference\": \"%s\"}"
                        .formatted(token, customer), "\"klarna_network_session_token\": \"krn:network-session:eu1:x\"");
        assertThat(body).doesNotContain(token);
        klarna(body, WebhookSigning.klarnaHexSignature(body)).andExpect(status().isOk())
                .andExpect(jsonPath("$.ignored").value(1));
        assertThat(payments.paymentMethods(customer).history()).isEmpty();
    }

    @Test
    void aCancellationIsRefusedOutsideTheCallersMarketForUnknownTokensAndForOtherStatuses() throws Exception {
        String body = completed(UUID.randomUUID().toString(), "2026-11-20T12:00:00Z");
        klarna(body, WebhookSigning.klarnaHexSignature(body)).andExpect(status().isOk());
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        String german = "Bearer " + tokenFor(newUser(Role.SPECIALIST, List.of("DE")));
        String swedish = "Bearer " + tokenFor(newUser(Role.SPECIALIST, List.of("SE")));
        String agent = "Bearer " + tokenFor(newUser(Role.AGENT, List.of("SE")));

        cancel(german, "{\"status\": \"CANCELLED\"}").andExpect(status().isNotFound());
        cancel(agent, "{\"status\": \"CANCELLED\"}").andExpect(status().isForbidden());
        cancel(swedish, "{\"status\": \"ACTIVE\"}").andExpect(status().isBadRequest());
        cancel(swedish, "{\"status\": \"CANCELLED\", \"customerReference\": \"someone-else\"}")
                .andExpect(status().isConflict());
        mvc.perform(patch("/api/v1/klarna/klarna-eu/customer-tokens/krn:customer-token:eu1:unknown/status")
                        .header("Authorization", swedish).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"CANCELLED\"}"))
                .andExpect(status().isNotFound());
        assertThat(payments.paymentMethods(customer).current()).singleElement()
                .satisfies(c -> assertThat(c.active()).isTrue());
    }

    /**
     * Klarna Payments' classic flow: "Klarna mints the token at the end of the flow via purchaseToken
     * and returns it as token_id" and notifies nothing
     * (https://docs.klarna.com/acquirer/klarna/web-payments/integrate-with-klarna-payments/tokenized-payments/customer-token/),
     * so the merchant reports the creation; both reports are idempotent per token.
     */
    @Test
    void aTokenTheMerchantCreatedIsAddedOnceAndItsCancellationRemovesIt() throws Exception {
        String classic = UUID.randomUUID().toString();
        String bearer = "Bearer " + tokenFor(newUser(Role.SPECIALIST, List.of("SE")));
        String created = """
                {"tokenId": "%s", "customerReference": "%s", "occurredAt": "2026-11-20T10:00:00Z"}"""
                .formatted(classic, customer);
        for (boolean first : new boolean[] {true, false}) {
            mvc.perform(post("/api/v1/klarna/klarna-eu/customer-tokens").header("Authorization", bearer)
                            .contentType(MediaType.APPLICATION_JSON).content(created))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.applied").value(first))
                    .andExpect(jsonPath("$.action").value("ADDED"));
        }
        mvc.perform(post("/api/v1/klarna/klarna-eu/customer-tokens").header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"tokenId\": \"%s\"}".formatted(classic)))
                .andExpect(status().isBadRequest());
        assertThat(payments.paymentMethods(customer).current()).singleElement().satisfies(c -> {
            assertThat(c.token()).isEqualTo(classic);
            assertThat(c.active()).isTrue();
        });

        mvc.perform(patch("/api/v1/klarna/klarna-eu/customer-tokens/" + classic + "/status")
                        .header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"CANCELLED\", \"occurredAt\": \"2026-11-22T10:00:00Z\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.applied").value(true));
        assertThat(payments.paymentMethods(customer).history()).extracting(BindingChange::action)
                .containsExactly(BindingAction.REMOVED, BindingAction.ADDED);
        assertThat(payments.paymentMethods(customer).current()).singleElement()
                .satisfies(c -> assertThat(c.active()).isFalse());
    }

    /** A payment request that completed a tokenization-only flow, as Klarna notifies it (see class comment). */
    private String completed(String eventId, String occurredAt) {
        return """
                {"metadata": {"event_type": "payment.request.state-change.completed", "event_id": "%s",
                   "event_version": "v2", "occurred_at": "%s",
                   "subject_account_id": "krn:partner:global:account:test",
                   "recipient_account_id": "krn:partner:global:account:test",
                   "product_instance_id": "krn:partner:product:payment:test",
                   "webhook_id": "krn:partner:global:notification:webhook:test", "live": false},
                 "payload": {"payment_request_id": "%s", "payment_request_reference": "signup-%s",
                   "state": "COMPLETED", "previous_state": "IN_PROGRESS",
                   "state_context": {"klarna_customer": {"customer_token": "%s", "customer_token_reference": "%s"}}}}"""
                .formatted(eventId, occurredAt, UUID.randomUUID(), customer, token, customer);
    }

    private ResultActions klarna(String body, String signature) throws Exception {
        return mvc.perform(post(WEBHOOK).contentType(MediaType.APPLICATION_JSON).content(body)
                .header("Klarna-Signature", signature)
                .header("Klarna-Signing-Key-Id", "krn:partner:global:notification:signing-key:test"));
    }

    private ResultActions cancel(String bearer, String json) throws Exception {
        return mvc.perform(patch("/api/v1/klarna/klarna-eu/customer-tokens/" + token + "/status")
                .header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private int rowsOfToken() {
        return jdbc.sql("select count(*) from payments_method_binding where provider = 'KLARNA' and token = :t")
                .param("t", token).query(Integer.class).single();
    }
}
