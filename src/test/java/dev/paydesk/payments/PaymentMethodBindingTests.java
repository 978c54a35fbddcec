package dev.paydesk.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
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
 * Stored payment methods from the providers' webhooks, payloads shaped like their documented
 * examples: Stripe PaymentMethod events (payment_method.attached/updated/detached, the detached one
 * naming the customer only in previous_attributes) and setup_intent.setup_failed; Adyen
 * RECURRING_CONTRACT standard notifications and tokenization webhooks (recurring.token.*); PayPal
 * vault v3 VAULT.PAYMENT-TOKEN.CREATED/DELETED. Signed as the other webhook tests sign.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PaymentMethodBindingTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    PaymentQueries payments;

    @Autowired
    FileImports imports;

    @Autowired
    JdbcClient jdbc;

    private String run;

    @BeforeEach
    void markets() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        ensureMarket("NL", "EUR", "Europe/Amsterdam", "nl");
        ensureMarket("FR", "EUR", "Europe/Paris", "fr");
        run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void stripeCardAttachedUpdatedAndDetachedOnceEachEvenWhenRedelivered() throws Exception {
        String customer = "cus_" + run;
        String pm = "pm_" + run;
        String attached = stripeEvent("evt_a" + run, "payment_method.attached", 1763632800,
                paymentMethod(pm, "\"" + customer + "\"", 8, 2028), "");
        stripe(attached).andExpect(status().isOk());
        stripe(attached).andExpect(status().isOk()).andExpect(jsonPath("$.duplicates").value(1));
        stripe(stripeEvent("evt_u" + run, "payment_method.updated", 1763636400,
                paymentMethod(pm, "\"" + customer + "\"", 9, 2030), "")).andExpect(status().isOk());

        PaymentQueries.CustomerPaymentMethods methods = payments.paymentMethods(customer);
        assertThat(methods.current()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(BindingAction.UPDATED);
            assertThat(c.cardBrand()).isEqualTo("visa");
            assertThat(c.cardLast4()).isEqualTo("4242");
            assertThat(c.expMonth()).isEqualTo(9);
            assertThat(c.expYear()).isEqualTo(2030);
            assertThat(c.market()).isEqualTo("DE");
            assertThat(c.active()).isTrue();
        });

        stripe(stripeEvent("evt_d" + run, "payment_method.detached", 1763640000, paymentMethod(pm, "null", 9, 2030),
                ", \"previous_attributes\": {\"customer\": \"" + customer + "\"}")).andExpect(status().isOk());
        methods = payments.paymentMethods(customer);
        assertThat(methods.history()).extracting(BindingChange::action)
                .containsExactly(BindingAction.REMOVED, BindingAction.UPDATED, BindingAction.ADDED);
        assertThat(methods.current()).singleElement().satisfies(c -> assertThat(c.active()).isFalse());
    }

    @Test
    void aFailedStripeSetupIsKeptWithTheDeclineReason() throws Exception {
        String customer = "cus_f" + run;
        String setupIntent = """
                {"id": "seti_%1$s", "object": "setup_intent", "customer": "%2$s", "status": "requires_payment_method",
                 "created": 1763632800, "payment_method_types": ["card"],
                 "last_setup_error": {"code": "card_declined", "decline_code": "insufficient_funds", "type": "card_error",
                   "message": "Your card has insufficient funds.",
                   "payment_method": %3$s}}""".formatted(run, customer, paymentMethod("pm_f" + run, "null", 1, 2027));
        stripe(stripeEvent("evt_s" + run, "setup_intent.setup_failed", 1763632800, setupIntent, ""))
                .andExpect(status().isOk());
        assertThat(payments.paymentMethods(customer).current()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(BindingAction.FAILED);
            assertThat(c.reason()).isEqualTo("insufficient_funds");
            assertThat(c.token()).isEqualTo("pm_f" + run);
        });
    }

    @Test
    void adyenRecurringContractAndTokenLifeCycleWebhooks() throws Exception {
        String shopper = "shopper-" + run;
        String token = "M5N7TQ4TG5PF" + run.substring(0, 4).toUpperCase();
        String psp = "88" + Math.abs(run.hashCode());
        String signature = WebhookSigning.adyenSignature(token, psp, "PaydeskTestECOM", "ORD-" + run, 0, "EUR",
                "RECURRING_CONTRACT", "true");
        String contract = """
                {"live": "false", "notificationItems": [{"NotificationRequestItem": {
                  "additionalData": {"hmacSignature": "%s", "shopperReference": "%s", "cardSummary": "1111",
                    "cardBin": "411111", "expiryDate": "3/2030"},
                  "amount": {"currency": "EUR", "value": 0}, "eventCode": "RECURRING_CONTRACT",
                  "eventDate": "2026-11-20T13:00:00+01:00", "merchantAccountCode": "PaydeskTestECOM",
                  "merchantReference": "ORD-%s", "originalReference": "%s", "paymentMethod": "visa",
                  "pspReference": "%s", "reason": "", "success": "true"}}]}"""
                .formatted(signature, shopper, run, psp, token);
        mvc.perform(post("/webhooks/adyen/adyen-eu").contentType(MediaType.APPLICATION_JSON).content(contract))
                .andExpect(status().isOk()).andExpect(content().string("[accepted]"));

        String disabled = """
                {"createdAt": "2026-11-21T18:38:02+02:00", "environment": "test", "eventId": "QBQQ9DLNRHHKGK%s",
                 "type": "recurring.token.disabled",
                 "data": {"merchantAccount": "PaydeskTestECOM", "storedPaymentMethodId": "%s", "type": "visa",
                   "operation": "disabled", "shopperReference": "%s"}}""".formatted(run, token, shopper);
        mvc.perform(post("/webhooks/adyen/adyen-eu").contentType(MediaType.APPLICATION_JSON).content(disabled)
                        .header("HmacSignature", WebhookSigning.adyenBodySignature(disabled.replace("disabled\"", "created\""))))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/webhooks/adyen/adyen-eu").contentType(MediaType.APPLICATION_JSON).content(disabled)
                        .header("HmacSignature", WebhookSigning.adyenBodySignature(disabled)))
                .andExpect(status().isOk());

        PaymentQueries.CustomerPaymentMethods methods = payments.paymentMethods(shopper);
        assertThat(methods.history()).extracting(BindingChange::action)
                .containsExactly(BindingAction.REMOVED, BindingAction.ADDED);
        BindingChange added = methods.history().get(1);
        assertThat(added.cardBin()).isEqualTo("411111");
        assertThat(added.cardLast4()).isEqualTo("1111");
        assertThat(added.expMonth()).isEqualTo(3);
        assertThat(added.expYear()).isEqualTo(2030);
        assertThat(added.market()).isEqualTo("NL");
    }

    @Test
    void payPalVaultTokensCreatedAndDeletedTheDeletionInheritingTheCustomer() throws Exception {
        String customer = "customer_" + run;
        String token = "8kk8451t" + run;
        String created = """
                {"id": "WH-%1$s-C", "event_version": "1.0", "create_time": "2026-11-20T10:00:00.000Z",
                 "resource_type": "payment_token", "resource_version": "3.0", "event_type": "VAULT.PAYMENT-TOKEN.CREATED",
                 "summary": "A payment token has been created.",
                 "resource": {"id": "%2$s", "customer": {"id": "%3$s"},
                   "payment_source": {"card": {"name": "Firstname Lastname", "brand": "VISA", "last_digits": "1111",
                     "expiry": "2027-02", "billing_address": {"country_code": "FR"}}},
                   "links": [{"rel": "self", "href": "https://api-m.paypal.com/v3/vault/payment-tokens/%2$s", "method": "GET"}]}}"""
                .formatted(run, token, customer);
        String deleted = """
                {"id": "WH-%1$s-D", "event_version": "1.0", "create_time": "2026-11-22T10:00:00.000Z",
                 "resource_type": "payment_token", "resource_version": "3.0", "event_type": "VAULT.PAYMENT-TOKEN.DELETED",
                 "summary": "A payment token has been deleted.",
                 "resource": {"id": "%2$s",
                   "links": [{"rel": "self", "href": "https://api-m.paypal.com/v3/vault/payment-tokens/%2$s", "method": "GET"}]}}"""
                .formatted(run, token);
        paypal(created).andExpect(status().isOk());
        paypal(deleted).andExpect(status().isOk());
        PaymentQueries.CustomerPaymentMethods methods = payments.paymentMethods(customer);
        assertThat(methods.history()).extracting(BindingChange::action)
                .containsExactly(BindingAction.REMOVED, BindingAction.ADDED);
        assertThat(methods.history().get(1)).satisfies(c -> {
            assertThat(c.cardBrand()).isEqualTo("visa");
            assertThat(c.cardLast4()).isEqualTo("1111");
            assertThat(c.expMonth()).isEqualTo(2);
            assertThat(c.expYear()).isEqualTo(2027);
        });
    }

    @Test
    void noCardNumberIsStoredEvenWhenAPayloadCarriesOne() throws Exception {
        String customer = "cus_pan" + run;
        String pm = paymentMethod("pm_pan" + run, "\"" + customer + "\"", 8, 2028)
                .replace("\"last4\": \"4242\"", "\"last4\": \"4242\", \"iin\": \"4242424242424242\"");
        stripe(stripeEvent("evt_p" + run, "payment_method.attached", 1763632800, pm, "")).andExpect(status().isOk());
        assertThat(payments.paymentMethods(customer).current().get(0).cardBin()).isEqualTo("424242");
        assertThat(jdbc.sql("select count(*) from payments_method_binding b where b.customer_reference = :c and cast(b.* as text) like '%4242424242424242%'")
                .param("c", customer).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select payload from payments_inbound_event where event_key = :k").param("k", "evt_p" + run)
                .query(String.class).single()).doesNotContain("4242424242424242");
    }

    @Test
    void theApiAndTheOrderPageShowTheCustomersMethodsWithinTheCallersMarkets() throws Exception {
        String customer = "cus_api" + run;
        String order = "ORD-" + run;
        asSystem(() -> imports.importFile("orders", "orders.csv", new ByteArrayInputStream(
                ("merchant_reference,market,customer_reference,amount,currency,expected_method\n" + order + ",DE,"
                        + customer + ",20.00,EUR,card\n").getBytes(StandardCharsets.UTF_8))));
        stripe(stripeEvent("evt_api" + run, "payment_method.attached", 1763632800,
                paymentMethod("pm_api" + run, "\"" + customer + "\"", 8, 2028), "")).andExpect(status().isOk());

        var german = newUser(Role.AGENT, List.of("DE"));
        mvc.perform(get("/api/v1/customers/" + customer + "/payment-methods")
                        .header("Authorization", "Bearer " + tokenFor(german)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current[0].cardLast4").value("4242"))
                .andExpect(jsonPath("$.current[0].action").value("ADDED"));
        var french = newUser(Role.AGENT, List.of("FR"));
        mvc.perform(get("/api/v1/customers/" + customer + "/payment-methods")
                        .header("Authorization", "Bearer " + tokenFor(french)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/payments/orders/" + order).with(user(german))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("pm_api" + run)))
                .andExpect(content().string(Matchers.containsString("4242")));
    }

    /** A PaymentMethod object as in Stripe's API reference (card type). */
    private static String paymentMethod(String id, String customerJson, int expMonth, int expYear) {
        return """
                {"id": "%s", "object": "payment_method", "allow_redisplay": "unspecified",
                 "billing_details": {"address": {"country": "DE"}, "email": null, "name": null, "phone": null},
                 "card": {"brand": "visa", "checks": {"address_line1_check": null, "cvc_check": "pass"},
                   "country": "US", "display_brand": "visa", "exp_month": %d, "exp_year": %d,
                   "fingerprint": "Xt5EWLLDS7FJjR1c", "funding": "credit", "generated_from": null, "last4": "4242",
                   "networks": {"available": ["visa"], "preferred": null}, "three_d_secure_usage": {"supported": true},
                   "wallet": null},
                 "created": 1763632700, "customer": %s, "livemode": false, "metadata": {}, "type": "card"}"""
                .formatted(id, expMonth, expYear, customerJson);
    }

    private static String stripeEvent(String id, String type, long created, String object, String extra) {
        return """
                {"id": "%s", "object": "event", "api_version": "2024-06-20", "created": %d,
                 "data": {"object": %s%s}, "livemode": false, "pending_webhooks": 1,
                 "request": {"id": null, "idempotency_key": null}, "type": "%s"}"""
                .formatted(id, created, object, extra, type);
    }

    private ResultActions stripe(String body) throws Exception {
        return mvc.perform(post("/webhooks/stripe/stripe-eu").contentType(MediaType.APPLICATION_JSON)
                .header("Stripe-Signature", WebhookSigning.stripeHeader(body, Instant.now().getEpochSecond()))
                .content(body));
    }

    private ResultActions paypal(String body) throws Exception {
        String id = UUID.randomUUID().toString();
        String time = "2026-11-20T10:00:01Z";
        return mvc.perform(post("/webhooks/paypal/paypal-eu").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("PAYPAL-TRANSMISSION-ID", id).header("PAYPAL-TRANSMISSION-TIME", time)
                .header("PAYPAL-TRANSMISSION-SIG", WebhookSigning.paypalSignature(id, time, body))
                .header("PAYPAL-AUTH-ALGO", "SHA256withRSA"));
    }
}
