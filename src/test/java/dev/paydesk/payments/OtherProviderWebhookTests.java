package dev.paydesk.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.shared.Money;

/**
 * Adyen, PayPal and Klarna webhooks. Adyen items follow Adyen's Webhooks-v1 examples
 * (NotificationRequestItem with amount, eventCode, eventDate, merchantAccountCode, merchantReference,
 * originalReference, pspReference, success, additionalData.hmacSignature); PayPal events follow the
 * v2 capture and v1 dispute resources of PayPal's REST specifications.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OtherProviderWebhookTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PaymentQueries payments;

    @Autowired
    RecordedPayments recorded;

    @Autowired
    dev.paydesk.platform.PanBoundary pan;

    @Test
    void adyenBatchesAreVerifiedPerItemAndAcknowledgedWithAccepted() throws Exception {
        String order = "ORD-" + UUID.randomUUID();
        String auth = psp();
        String capture = psp();
        String refund = psp();
        String body = batch(
                item(auth, "", order, 12000, "AUTHORISATION", "true", null),
                item(capture, auth, order, 12000, "CAPTURE", "true", null),
                item(refund, auth, order, 2000, "REFUND", "true", null),
                item(refund, auth, order, 2000, "REFUND_FAILED", "true", null));
        mvc.perform(post("/webhooks/adyen/adyen-eu").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(content().string("[accepted]"));
        OrderTimeline timeline = payments.timeline(order).orElseThrow();
        assertThat(timeline.market()).isEqualTo("NL");
        assertThat(timeline.balance().captured()).isEqualTo(Money.of(12000, "EUR"));
        assertThat(timeline.balance().refunded()).isEqualTo(Money.of(0, "EUR"));
        mvc.perform(post("/webhooks/adyen/adyen-eu").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
        assertThat(payments.timeline(order).orElseThrow().steps()).hasSize(timeline.steps().size());
    }

    @Test
    void anAdyenItemWithAWrongSignatureRejectsTheBatch() throws Exception {
        String order = "ORD-" + UUID.randomUUID();
        String good = item(psp(), "", order, 500, "AUTHORISATION", "true", null);
        String bad = item(psp(), "", order, 500, "CAPTURE", "true", null).replace("\"value\": 500", "\"value\": 50000");
        mvc.perform(post("/webhooks/adyen/adyen-eu").contentType(MediaType.APPLICATION_JSON).content(batch(good, bad)))
                .andExpect(status().isUnauthorized());
        assertThat(payments.timeline(order)).isEmpty();
    }

    @Test
    void adyenChargebacksReachTheBalanceAndTheDisputeDesk() throws Exception {
        String order = "ORD-" + UUID.randomUUID();
        String payment = psp();
        String body = batch(item(payment, "", order, 9000, "CAPTURE", "true", null),
                item(psp(), payment, order, 9000, "CHARGEBACK", "true",
                        "\"chargebackReasonCode\": \"4853\", \"disputeStatus\": \"Undefended\", \"defensePeriodEndsAt\": \"2026-12-31T03:03:07+02:00\", \"chargebackSchemeCode\": \"mc\""),
                item(psp(), payment, order, 9000, "CHARGEBACK_REVERSED", "true", null));
        mvc.perform(post("/webhooks/adyen/adyen-eu").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
        OrderTimeline timeline = payments.timeline(order).orElseThrow();
        assertThat(timeline.balance().chargedBack()).isEqualTo(Money.of(0, "EUR"));
        assertThat(timeline.steps()).extracting(OrderTimeline.Step::kind).contains(TransactionKind.CHARGEBACK,
                TransactionKind.CHARGEBACK_REVERSED);
        assertThat(recorded.disputes().filter(d -> payment.equals(d.paymentReference())))
                .extracting(DisputeNotified::eventCode).containsExactlyInAnyOrder("CHARGEBACK", "CHARGEBACK_REVERSED");
        assertThat(recorded.disputes().filter(d -> d.eventCode().equals("CHARGEBACK")
                && payment.equals(d.paymentReference()))).singleElement()
                .satisfies(d -> assertThat(d.reasonCode()).isEqualTo("4853"));
    }

    @Test
    void aCardShapedPspReferenceStillLinksTheChargebackToItsPayment() throws Exception {
        String order = "ORD-" + UUID.randomUUID();
        String payment = cardShapedPsp();
        String body = batch(item(payment, "", order, 4000, "CAPTURE", "true", null),
                item(psp(), payment, order, 4000, "CHARGEBACK", "true",
                        "\"chargebackReasonCode\": \"10.4\", \"disputeStatus\": \"Undefended\", \"chargebackSchemeCode\": \"visa\""));
        mvc.perform(post("/webhooks/adyen/adyen-eu").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
        assertThat(payments.timeline(order).orElseThrow().balance().chargedBack()).isEqualTo(Money.of(4000, "EUR"));
        String key = pan.key(payment);
        assertThat(key).doesNotContain(payment).isNotEqualTo(payment);
        assertThat(recorded.disputes().filter(d -> key.equals(d.paymentReference()))).singleElement()
                .satisfies(d -> assertThat(d.payload()).doesNotContain(payment));
        assertThat(jdbc.sql("select count(*) from payments_inbound_event where payload like :raw")
                .param("raw", "%" + payment + "%").query(Long.class).single()).isZero();
    }

    @Test
    void payPalSignaturesAreVerifiedOfflineAgainstTheConfiguredCertificate() throws Exception {
        String order = "ORD-" + UUID.randomUUID();
        String capture = "5O190127TN364715T" + UUID.randomUUID().toString().substring(0, 4);
        String body = """
                {"id": "WH-%s", "event_version": "1.0", "create_time": "2026-11-20T10:00:00.000Z",
                 "resource_type": "capture", "resource_version": "2.0", "event_type": "PAYMENT.CAPTURE.COMPLETED",
                 "summary": "Payment completed for EUR 42.5 EUR",
                 "resource": {"id": "%s", "status": "COMPLETED", "amount": {"currency_code": "EUR", "value": "42.50"},
                   "final_capture": true, "custom_id": "%s", "create_time": "2026-11-20T10:00:00Z",
                   "links": [{"href": "https://api.paypal.com/v2/checkout/orders/5O190127", "rel": "up", "method": "GET"}]}}"""
                .formatted(UUID.randomUUID(), capture, order);
        String id = UUID.randomUUID().toString();
        String time = "2026-11-20T10:00:01Z";
        String signature = WebhookSigning.paypalSignature(id, time, body);
        mvc.perform(post("/webhooks/paypal/paypal-eu").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("PAYPAL-TRANSMISSION-ID", id).header("PAYPAL-TRANSMISSION-TIME", time)
                        .header("PAYPAL-TRANSMISSION-SIG", signature).header("PAYPAL-AUTH-ALGO", "SHA256withRSA")
                        .header("PAYPAL-CERT-URL", "https://api.paypal.com/v1/notifications/certs/CERT-360caa42"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.applied").value(1));
        assertThat(payments.timeline(order).orElseThrow().balance().captured()).isEqualTo(Money.of(4250, "EUR"));
        mvc.perform(post("/webhooks/paypal/paypal-eu").contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("42.50", "4250.00"))
                        .header("PAYPAL-TRANSMISSION-ID", id).header("PAYPAL-TRANSMISSION-TIME", time)
                        .header("PAYPAL-TRANSMISSION-SIG", signature))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aPayPalSignatureFromAnExpiredCertificateIsRejected() throws Exception {
        String order = "ORD-" + UUID.randomUUID();
        String body = """
                {"id": "WH-%s", "event_version": "1.0", "create_time": "2025-11-01T10:00:00.000Z",
                 "resource_type": "capture", "resource_version": "2.0", "event_type": "PAYMENT.CAPTURE.COMPLETED",
                 "resource": {"id": "CAP-%s", "status": "COMPLETED", "amount": {"currency_code": "EUR", "value": "10.00"},
                   "custom_id": "%s", "create_time": "2025-11-01T10:00:00Z"}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), order);
        String id = UUID.randomUUID().toString();
        String time = "2025-11-01T10:00:01Z";
        // signed correctly with the expired certificate's own key: only its validity period rejects it
        String signature = WebhookSigning.paypalSignature(id, time, body, "src/test/resources/payments/paypal-expired-key.pk8.pem");
        mvc.perform(post("/webhooks/paypal/paypal-old").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("PAYPAL-TRANSMISSION-ID", id).header("PAYPAL-TRANSMISSION-TIME", time)
                        .header("PAYPAL-TRANSMISSION-SIG", signature))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not valid now")));
        assertThat(payments.timeline(order)).isEmpty();
    }

    @Test
    void payPalDisputesNotifyTheDisputeDesk() throws Exception {
        String disputeId = "PP-D-" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"id": "WH-%s", "create_time": "2026-11-20T11:00:00.000Z", "resource_type": "dispute",
                 "event_type": "CUSTOMER.DISPUTE.CREATED",
                 "resource": {"dispute_id": "%s", "create_time": "2026-11-20T10:59:00.000Z",
                   "disputed_transactions": [{"seller_transaction_id": "3BC38643YC807283D", "invoice_number": "ORD-PP-1"}],
                   "reason": "MERCHANDISE_OR_SERVICE_NOT_RECEIVED", "status": "WAITING_FOR_SELLER_RESPONSE",
                   "dispute_amount": {"currency_code": "EUR", "value": "19.99"},
                   "seller_response_due_date": "2026-12-01T10:59:00.000Z", "dispute_life_cycle_stage": "CHARGEBACK",
                   "dispute_channel": "EXTERNAL"}}""".formatted(UUID.randomUUID(), disputeId);
        String id = UUID.randomUUID().toString();
        String time = "2026-11-20T11:00:01Z";
        mvc.perform(post("/webhooks/paypal/paypal-eu").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("PAYPAL-TRANSMISSION-ID", id).header("PAYPAL-TRANSMISSION-TIME", time)
                        .header("PAYPAL-TRANSMISSION-SIG", WebhookSigning.paypalSignature(id, time, body)))
                .andExpect(status().isOk());
        assertThat(recorded.disputes().filter(d -> d.providerDisputeId().equals(disputeId)))
                .singleElement().satisfies(d -> {
                    assertThat(d.eventCode()).isEqualTo("CHARGEBACK");
                    assertThat(d.reasonCode()).isEqualTo("MERCHANDISE_OR_SERVICE_NOT_RECEIVED");
                    assertThat(d.amount()).isEqualTo(Money.of(1999, "EUR"));
                    assertThat(d.dueAt()).isEqualTo(Instant.parse("2026-12-01T10:59:00Z"));
                });
    }

    @Test
    void klarnaSignaturesAreAcceptedHexOrBase64AndRejectedWhenWrong() throws Exception {
        String order = "ORD-" + UUID.randomUUID();
        String body1 = klarna("payment.capture.state-change.captured", "cap-" + UUID.randomUUID(), order, 15900);
        String body2 = klarna("payment.refund.state-change.refunded", "ref-" + UUID.randomUUID(), order, 5900);
        mvc.perform(post("/webhooks/klarna/klarna-eu").contentType(MediaType.APPLICATION_JSON).content(body1)
                        .header("Klarna-Signature", WebhookSigning.klarnaHexSignature(body1))
                        .header("Klarna-Signing-Key-Id", "krn:partner:global:notification:signing-key:test"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.applied").value(1));
        mvc.perform(post("/webhooks/klarna/klarna-eu").contentType(MediaType.APPLICATION_JSON).content(body2)
                        .header("Klarna-Signature", WebhookSigning.klarnaBase64Signature(body2)))
                .andExpect(status().isOk());
        OrderTimeline timeline = payments.timeline(order).orElseThrow();
        assertThat(timeline.balance().net()).isEqualTo(Money.of(10000, "SEK"));
        mvc.perform(post("/webhooks/klarna/klarna-eu").contentType(MediaType.APPLICATION_JSON).content(body1)
                        .header("Klarna-Signature", WebhookSigning.klarnaHexSignature(body2)))
                .andExpect(status().isUnauthorized());
    }

    private static String klarna(String type, String ref, String order, long amount) {
        boolean refund = type.contains("refund");
        return """
                {"metadata": {"event_type": "%s", "event_id": "%s", "event_version": "v1",
                   "occurred_at": "2026-11-20T12:00:00Z", "subject_account_id": "krn:partner:global:account:test"},
                 "payload": {"%s": "%s", "payment_transaction_id": "tx-%s", "merchant_reference": "%s",
                   "amount": %d, "currency": "SEK"}}"""
                .formatted(type, UUID.randomUUID(), refund ? "refund_id" : "capture_id", ref, order, order, amount);
    }

    /**
     * A 16-digit pspReference that can never be card-shaped ("88…" is no card prefix). A random 16-digit
     * number passes the Luhn check one time in ten and is then a key at the card-number boundary; that
     * case has its own test ({@link #aCardShapedPspReferenceStillLinksTheChargebackToItsPayment}).
     */
    private static String psp() {
        return "88" + String.format("%014d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000_000_000L));
    }

    /** A Visa-shaped 16-digit number that the card boundary takes for a card number (drawn until one passes Luhn). */
    private static String cardShapedPsp() {
        while (true) {
            String candidate = "4" + String.format("%015d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000_000_000L));
            if (dev.paydesk.platform.PanRedactor.containsPan(candidate)) {
                return candidate;
            }
        }
    }

    private static String batch(String... items) {
        return "{\"live\": \"false\", \"notificationItems\": [" + String.join(",", items) + "]}";
    }

    private static String item(String psp, String original, String order, long value, String code, String success,
                               String extra) {
        String signature = WebhookSigning.adyenSignature(psp, original, "PaydeskTestECOM", order, value, "EUR", code,
                success);
        return """
                {"NotificationRequestItem": {
                  "additionalData": {"hmacSignature": "%s", "cardSummary": "1111", "cardBin": "411111", "shopperReference": "shopper-1"%s},
                  "amount": {"currency": "EUR", "value": %d}, "eventCode": "%s", "eventDate": "2026-11-20T13:00:00+01:00",
                  "merchantAccountCode": "PaydeskTestECOM", "merchantReference": "%s", %s
                  "paymentMethod": "visa", "pspReference": "%s", "reason": "", "success": "%s"}}"""
                .formatted(signature, extra == null ? "" : ", " + extra, value, code, order,
                        original.isEmpty() ? "" : "\"originalReference\": \"" + original + "\",", psp, success);
    }
}
