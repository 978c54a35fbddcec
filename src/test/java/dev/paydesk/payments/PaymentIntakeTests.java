package dev.paydesk.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.shared.Money;

/**
 * Bad input at every payments intake (issue 21 #3, #13, #14, #19, #20; issue 18's payments part):
 * unauthenticated bodies are 401 and stored nowhere; an authentic event with a bad value is
 * quarantined with its reason; a bad file line is quarantined with its line number while the other
 * lines import. Payloads are shaped like the providers' published examples.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PaymentIntakeTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FileImports imports;

    @Autowired
    PaymentQueries payments;

    @Autowired
    jakarta.servlet.MultipartConfigElement multipart;

    @Test
    void unsignedAdyenBodiesAreUnauthorisedAndStoredNowhere() throws Exception {
        long before = count("payments_quarantine") + count("payments_inbound_event");
        for (String body : List.of("{not json", "{\"notificationItems\":[]}", "{\"live\":\"false\"}", "",
                "{\"notificationItems\":[{\"NotificationRequestItem\":{\"pspReference\":\"X\",\"eventCode\":\"CAPTURE\"}}]}")) {
            mvc.perform(post("/webhooks/adyen/adyen-eu").contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isUnauthorized());
        }
        assertThat(count("payments_quarantine") + count("payments_inbound_event")).isEqualTo(before);
    }

    @Test
    void aSignedStripeEventWithAnOutOfRangeAmountOrANulIsQuarantined() throws Exception {
        String order = "ORD-" + UUID.randomUUID();
        String tooLarge = StripeWebhookTests.chargeSucceeded("evt_" + UUID.randomUUID(), "ch_big" + UUID.randomUUID(),
                order, 1).replace("\"amount\": 1,", "\"amount\": 99999999999999999999,")
                .replace("\"amount_captured\": 1,", "\"amount_captured\": 99999999999999999999,");
        stripe(tooLarge).andExpect(status().isOk()).andExpect(jsonPath("$.quarantined").value(1));
        String nul = StripeWebhookTests.chargeSucceeded("evt_" + UUID.randomUUID(), "ch_nul\\u0000" + UUID.randomUUID(),
                order, 100);
        stripe(nul).andExpect(status().isOk()).andExpect(jsonPath("$.quarantined").value(1));
        String btc = StripeWebhookTests.chargeSucceeded("evt_" + UUID.randomUUID(), "ch_btc" + UUID.randomUUID(),
                order, 100).replace("\"currency\": \"eur\"", "\"currency\": \"btc\"");
        stripe(btc).andExpect(status().isOk()).andExpect(jsonPath("$.quarantined").value(1));
        String farFuture = StripeWebhookTests.chargeSucceeded("evt_" + UUID.randomUUID(), "ch_t" + UUID.randomUUID(),
                order, 100).replaceFirst("\"created\": \\d+", "\"created\": 99999999999999999");
        stripe(farFuture).andExpect(status().isOk()).andExpect(jsonPath("$.quarantined").value(1));
        assertThat(payments.timeline(order)).isEmpty();
        assertThat(jdbc.sql("select reason from payments_quarantine where payload like :p").param("p", "%ch_big%")
                .query(String.class).single()).contains("amount").contains("99999999999999999999");
    }

    @Test
    void anOrdersFeedQuarantinesEachBadLineWithItsNumberAndImportsTheRest() {
        String good = "ORD-" + UUID.randomUUID();
        String negative = "ORD-" + UUID.randomUUID();
        String file = "f-" + UUID.randomUUID() + ".csv";
        String csv = "merchant_reference,market,customer_reference,amount,currency,expected_method\n"
                + good + ",DE,c-1,12.50,EUR,card\n"
                + negative + ",DE,c-1,-5.00,EUR,card\n"
                + "ORD-ZZ-" + UUID.randomUUID() + ",ZZ,c-1,5.00,EUR,card\n"
                + "ORD-ZZZ-" + UUID.randomUUID() + ",DE,c-1,5.00,ZZZ,card\n"
                + "ORD-NUL-" + UUID.randomUUID() + ",DE,c\u0000,5.00,EUR,card\n"
                + "ORD-" + "L".repeat(300_000) + ",DE,c-1,5.00,EUR,card\n"
                + "ORD-XXX-" + UUID.randomUUID() + ",DE,c-1,5.00,XXX,card\n"
                + "ORD-NAN-" + UUID.randomUUID() + ",DE,c-1,NaN,EUR,card\n";
        ImportResult result = run("orders", file, csv);
        assertThat(result.rowsNew()).isEqualTo(1);
        assertThat(result.rowsQuarantined()).isEqualTo(7);
        assertThat(jdbc.sql("select line_number from payments_quarantine where source = :s order by line_number")
                .param("s", "file:" + file).query(Integer.class).list()).containsExactly(3, 4, 5, 6, 7, 8, 9);
        assertThat(jdbc.sql("select reason from payments_quarantine where source = :s and line_number = 3")
                .param("s", "file:" + file).query(String.class).single()).contains("amount").contains("negative");
        assertThat(payments.timeline(good)).isPresent();
        assertThat(payments.timeline(negative)).isEmpty();
    }

    @Test
    void aRefundRequestFeedRefusesNegativeAmountsAndDatesBeyondTheCalendar() {
        String file = "r-" + UUID.randomUUID() + ".csv";
        String csv = "refund_reference,merchant_reference,amount,currency,requested_at\n"
                + "RF-" + UUID.randomUUID() + ",ORD-1,5.00,EUR,2026-11-20T10:00:00Z\n"
                + "RF-" + UUID.randomUUID() + ",ORD-1,-5.00,EUR,2026-11-20T10:00:00Z\n"
                + "RF-" + UUID.randomUUID() + ",ORD-1,5.00,EUR,+999999999-12-31T00:00:00Z\n"
                + "RF-" + UUID.randomUUID() + ",ORD-1,5.00,eur,2026-11-20T10:00:00Z\n";
        ImportResult result = run("refund-requests", file, csv);
        assertThat(result.rowsNew()).isEqualTo(1);
        assertThat(result.rowsQuarantined()).isEqualTo(3);
    }

    @Test
    void aCapturesFeedStoresTheMerchantsCapturesOnceAndQuarantinesBadRows() {
        String file = "c-" + UUID.randomUUID() + ".csv";
        String capture = "CAP-" + UUID.randomUUID();
        String order = "ORD-" + UUID.randomUUID();
        String csv = "capture_reference,merchant_reference,provider,amount,currency,method,captured_at,customer_reference\n"
                + capture + "," + order + ",adyen,12.34,EUR,card,2026-11-20T10:00:00Z,c-1\n"
                + capture + "," + order + ",adyen,12.34,EUR,card,2026-11-20T10:00:00Z,c-1\n"
                + "CAP-" + UUID.randomUUID() + "," + order + ",nopsp,1.00,EUR,card,2026-11-20T10:00:00Z,c-1\n"
                + "CAP-" + UUID.randomUUID() + "," + order + ",adyen,-1.00,EUR,card,2026-11-20T10:00:00Z,c-1\n"
                + "CAP-" + UUID.randomUUID() + ",,adyen,1.00,EUR,card,2026-11-20T10:00:00Z,c-1\n";
        ImportResult result = run("captures", file, csv);
        assertThat(result.rowsRead()).isEqualTo(5);
        assertThat(result.rowsNew()).as("the second row repeats the first").isEqualTo(1);
        assertThat(result.rowsQuarantined()).isEqualTo(3);
        assertThat(jdbc.sql("select line_number from payments_quarantine where source = :s order by line_number")
                .param("s", "file:" + file).query(Integer.class).list()).containsExactly(4, 5, 6);
        assertThat(jdbc.sql("""
                select provider || ' ' || kind || ' ' || amount_minor || ' ' || currency || ' ' || merchant_reference
                from payments_transaction where provider_reference = :ref""").param("ref", capture)
                .query(String.class).list()).containsExactly("ADYEN CAPTURE 1234 EUR " + order);
        assertThat(run("captures", "again-" + file, csv).rowsNew()).as("importing again adds nothing").isZero();
    }

    @Test
    void settlementReportsQuarantineBadLinesOfEveryKind() {
        String stripeFile = "s-" + UUID.randomUUID() + ".csv";
        String stripe = "balance_transaction_id,created_utc,currency,gross,fee,net,reporting_category,charge_id\n"
                + "txn_" + UUID.randomUUID() + ",2026-11-20 10:00:00,eur,10.00,0.30,9.70,charge,ch_1\n"
                + "txn_" + UUID.randomUUID() + ",2026-11-20 10:00:00,zzz,10.00,0.30,9.70,charge,ch_2\n"
                + "txn_" + UUID.randomUUID() + ",2026-11-20 10:00:00,eur,99999999999999999999,0.30,9.70,charge,ch_3\n"
                + "txn_" + UUID.randomUUID() + ",2026-11-20 10:00:00,eur,10.00,0.30,9.70,charge,ch\u0000\n";
        ImportResult s = run("stripe-balance", stripeFile, stripe);
        assertThat(s.rowsNew()).isEqualTo(1);
        assertThat(s.rowsQuarantined()).isEqualTo(3);
        String adyenFile = "settlement_detail_report_batch_" + (900_000 + (int) (Math.random() * 99_999)) + ".csv";
        String header = "Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Creation Date,"
                + "TimeZone,Type,Modification Reference,Gross Currency,Gross Debit (GC),Gross Credit (GC),Exchange Rate,"
                + "Net Currency,Net Debit (NC),Net Credit (NC),Commission (NC),Markup (NC),Scheme Fees (NC),"
                + "Interchange (NC),Payment Method Variant,Modification Merchant Reference,Batch Number\n";
        String adyen = header
                + "Co,AdyenEU,P1" + UUID.randomUUID() + ",ORD-A,visa,2026-11-20 10:00:00,CET,Settled,M1,EUR,,10.00,1,EUR,,9.80,0.10,0.05,0.03,0.02,visa,,7\n"
                + "Co,AdyenEU,P2" + UUID.randomUUID() + ",ORD-A,visa,2026-11-20 10:00:00,CET,Settled,M2,XXX,,10.00,1,EUR,,9.80,0.10,0.05,0.03,0.02,visa,,7\n"
                + "Co,AdyenEU,P3" + UUID.randomUUID() + ",ORD-" + "L".repeat(300_000) + ",visa,2026-11-20 10:00:00,CET,Settled,M3,EUR,,10.00,1,EUR,,9.80,0.10,0.05,0.03,0.02,visa,,7\n"
                + "Co,AdyenEU,P4" + UUID.randomUUID() + ",ORD-A,visa,2026-11-20 10:00:00,CET,Settled,M4,EUR,,99999999999999999.00,1,EUR,,9.80,0.10,0.05,0.03,0.02,visa,,7\n";
        ImportResult a = run("adyen-settlement", adyenFile, adyen);
        assertThat(a.rowsNew()).isEqualTo(1);
        assertThat(a.rowsQuarantined()).isEqualTo(3);
        assertThat(jdbc.sql("select line_number from payments_quarantine where source = :s order by line_number")
                .param("s", "file:" + adyenFile).query(Integer.class).list()).containsExactly(3, 4, 5);
    }

    @Test
    void payPalV1SaleEventsReachTheMirror() throws Exception {
        String order = "INV-" + UUID.randomUUID();
        String sale = "8RS6210148826604N" + UUID.randomUUID().toString().substring(0, 6);
        String refund = "6YX43824R4443062K" + UUID.randomUUID().toString().substring(0, 6);
        // shaped like PayPal's v1 sample events (PAYMENT.SALE.COMPLETED / PAYMENT.SALE.REFUNDED)
        paypal("""
                {"id": "WH-%s", "event_version": "1.0", "create_time": "2026-11-20T10:00:00Z", "resource_type": "sale",
                 "event_type": "PAYMENT.SALE.COMPLETED", "summary": "Payment completed for $ 6.01 USD",
                 "resource": {"id": "%s", "state": "completed", "amount": {"total": "6.01", "currency": "USD",
                   "details": {"subtotal": "3.00"}}, "payment_mode": "INSTANT_TRANSFER",
                   "transaction_fee": {"value": "0.47", "currency": "USD"}, "invoice_number": "%s",
                   "custom": "", "parent_payment": "PAY-11X29866PC6848407K72RIQA",
                   "create_time": "2026-11-20T09:59:50Z", "update_time": "2026-11-20T10:00:00Z"}}"""
                .formatted(UUID.randomUUID(), sale, order)).andExpect(jsonPath("$.applied").value(1));
        paypal("""
                {"id": "WH-%s", "event_version": "1.0", "create_time": "2026-11-20T11:00:00Z", "resource_type": "sale",
                 "event_type": "PAYMENT.SALE.REFUNDED", "summary": "A $ 2.00 USD sale payment was refunded",
                 "resource": {"id": "%s", "state": "completed", "amount": {"total": "-2.00", "currency": "USD"},
                   "sale_id": "%s", "parent_payment": "PAY-11X29866PC6848407K72RIQA",
                   "create_time": "2026-11-20T11:00:00Z", "update_time": "2026-11-20T11:00:00Z"}}"""
                .formatted(UUID.randomUUID(), refund, sale)).andExpect(jsonPath("$.applied").value(1));
        OrderTimeline timeline = payments.timeline(order).orElseThrow();
        assertThat(timeline.steps()).extracting(OrderTimeline.Step::kind)
                .containsExactly(TransactionKind.CAPTURE, TransactionKind.REFUND);
        assertThat(timeline.balance().captured()).isEqualTo(Money.of(601, "USD"));
        assertThat(timeline.balance().refunded()).isEqualTo(Money.of(200, "USD"));
        String denied = "DEN" + UUID.randomUUID().toString().substring(0, 8);
        String deniedOrder = "INV-" + UUID.randomUUID();
        paypal("""
                {"id": "WH-%s", "event_version": "1.0", "create_time": "2026-11-20T10:00:00Z", "resource_type": "sale",
                 "event_type": "PAYMENT.SALE.DENIED", "resource": {"id": "%s", "state": "denied",
                   "amount": {"total": "6.01", "currency": "USD"}, "invoice_number": "%s",
                   "parent_payment": "PAY-1"}}""".formatted(UUID.randomUUID(), denied, deniedOrder))
                .andExpect(jsonPath("$.applied").value(1));
        assertThat(payments.timeline(deniedOrder).orElseThrow().steps()).singleElement()
                .satisfies(st -> assertThat(st.kind()).isEqualTo(TransactionKind.CAPTURE_FAILED));
        String reversed = "REV" + UUID.randomUUID().toString().substring(0, 8);
        paypal("""
                {"id": "WH-%s", "event_version": "1.0", "create_time": "2026-11-21T10:00:00Z", "resource_type": "sale",
                 "event_type": "PAYMENT.SALE.REVERSED", "resource": {"id": "%s", "state": "reversed",
                   "amount": {"total": "-6.01", "currency": "USD"}, "sale_id": "%s", "parent_payment": "PAY-1"}}"""
                .formatted(UUID.randomUUID(), reversed, sale)).andExpect(jsonPath("$.applied").value(1));
        assertThat(payments.timeline(order).orElseThrow().balance().chargedBack()).isEqualTo(Money.of(601, "USD"));
    }

    @Test
    void aStripePaymentIntentInTheCurrentShapeIsStoredUnderItsChargeWithCardAndOrder() throws Exception {
        for (String shape : List.of("expanded", "charges.data")) {
            String order = "ORD-" + UUID.randomUUID();
            String charge = "ch_3" + UUID.randomUUID().toString().replace("-", "");
            String chargeObject = """
                    {"id": "%s", "object": "charge", "amount": 1099, "amount_captured": 1099, "captured": true,
                     "currency": "eur", "paid": true, "status": "succeeded", "metadata": {"order_id": "%s"},
                     "payment_method_details": {"type": "card", "card": {"brand": "visa", "last4": "4242",
                       "exp_month": 8, "exp_year": 2027, "country": "DE"}}}""".formatted(charge, order);
            String latest = shape.equals("expanded") ? "\"latest_charge\": " + chargeObject
                    : "\"latest_charge\": \"" + charge + "\", \"charges\": {\"object\": \"list\", \"data\": ["
                    + chargeObject + "]}";
            // shaped like stripe/openapi's payment_intent fixture; the order only on the charge
            String body = """
                    {"id": "evt_%s", "object": "event", "api_version": "2024-06-20", "type": "payment_intent.succeeded",
                     "created": %d, "data": {"object": {"id": "pi_%s", "object": "payment_intent", "amount": 1099,
                       "amount_received": 1099, "currency": "eur", "status": "succeeded", "capture_method": "automatic",
                       "payment_method_types": ["card"], "metadata": {}, %s}}}"""
                    .formatted(UUID.randomUUID(), Instant.now().getEpochSecond(), UUID.randomUUID(), latest);
            stripe(body).andExpect(status().isOk()).andExpect(jsonPath("$.applied").value(1));
            OrderTimeline timeline = payments.timeline(order).orElseThrow();
            assertThat(timeline.market()).as(shape).isEqualTo("DE");
            assertThat(timeline.steps()).as(shape).singleElement().satisfies(st -> {
                assertThat(st.providerReference()).isEqualTo(charge);
                assertThat(st.cardLast4()).isEqualTo("4242");
                assertThat(st.amount()).isEqualTo(Money.of(1099, "EUR"));
            });
        }
    }

    @Test
    void theImportsPageTakesSettlementReportsOfManyMegabytes() throws Exception {
        assertThat(multipart.getMaxFileSize()).isGreaterThanOrEqualTo(1L << 30);
        assertThat(multipart.getMaxRequestSize()).isGreaterThanOrEqualTo(1L << 30);
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        var specialist = newUser(Role.SPECIALIST, List.of("DE"));
        StringBuilder csv = new StringBuilder("merchant_reference,market,customer_reference,amount,currency,expected_method\n");
        String prefix = "ORD-MB-" + UUID.randomUUID() + "-";
        int rows = 0;
        while (csv.length() < 3 << 20) {
            csv.append(prefix).append(rows++).append(",DE,customer-reference-of-some-length,12.50,EUR,card\n");
        }
        var file = new MockMultipartFile("file", "orders-big.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/payments/imports").file(file).param("kind", "orders")
                        .with(SecurityMockMvcRequestPostProcessors.user(specialist))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk());
        assertThat(payments.timeline(prefix + (rows - 1))).isPresent();
        // other uploads keep their small limit
        var big = new MockMultipartFile("file", "a.bin", "application/octet-stream", new byte[11 << 20]);
        mvc.perform(multipart("/cases/PD-1/attachments").file(big)
                        .with(request -> {
                            request.setContent(new byte[11 << 20]); // the declared length of the multipart body
                            return request;
                        })
                        .with(SecurityMockMvcRequestPostProcessors.user(specialist))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isPayloadTooLarge());
    }

    private ImportResult run(String kind, String name, String content) {
        ImportResult[] result = new ImportResult[1];
        asSystem(() -> result[0] = imports.importFile(kind, name,
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))));
        return result[0];
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
                .header("PAYPAL-AUTH-ALGO", "SHA256withRSA")).andExpect(status().isOk());
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
