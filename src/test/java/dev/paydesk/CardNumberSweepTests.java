package dev.paydesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.jayway.jsonpath.JsonPath;

import dev.paydesk.cases.internal.MailIntakeProbe;
import dev.paydesk.disputes.DisputeSummary;
import dev.paydesk.disputes.Disputes;
import dev.paydesk.payments.FileImports;
import dev.paydesk.payments.WebhookSigning;
import dev.paydesk.platform.PanBoundary;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.UserAccount;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The card-data promise end to end: generated, Luhn-valid card numbers of several schemes and
 * lengths, written with and without separators, go through every field of every intake Paydesk
 * has (the case API and UI, CSV imports, merchant feeds, settlement reports, camt.053, signed
 * Stripe/Adyen/PayPal/Klarna webhooks, inbound e-mail, dispute evidence, downtimes, API tokens,
 * triage corrections); then the whole database (every text, varchar, json, jsonb and bytea column
 * of every table), the captured log output, every API and UI answer read on the way and the
 * evidence PDF are searched for any of them in any separator form. Keys keep their identity: a
 * redelivery with the same card-number reference collides, another card number with the same mask
 * does not, and a lookup by the card-number reference still finds the order.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class CardNumberSweepTests extends PlatformTestSupport {

    static final GreenMail MAIL = dev.paydesk.TestMailbox.start();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        dev.paydesk.TestMailbox.register(registry, MAIL);
    }

    @AfterAll
    static void stop() {
        MAIL.stop();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FileImports imports;

    @Autowired
    Disputes disputes;

    @Autowired
    MailIntakeProbe mail;

    @Autowired
    PanBoundary pan;

    /** A new seed each run; a failure names it, and {@code -Dpaydesk.sweep.seed=N} replays it. */
    private final long seed = Long.getLong("paydesk.sweep.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final Cards cards = new Cards(random);
    /** Every answer read on the way: API JSON, UI HTML, problem documents, the evidence PDF's text. */
    private final StringBuilder views = new StringBuilder();

    @Test
    void noCardNumberFromAnyIntakeIsStoredLoggedOrShown(CapturedOutput output) throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        UserAccount admin = newUser(Role.ADMIN, List.of());
        UserAccount approver = newUser(Role.ADMIN, List.of());
        String token = tokenFor(admin);
        String approverToken = tokenFor(approver);

        caseApi(token, approverToken, admin);
        caseUi(admin);
        caseCsv(token, admin);
        merchantFeedsAndReports(admin, token);
        String disputedOrder = webhooks();
        disputeEvidence(token, admin, disputedOrder);
        inboundMail();
        platformWorkforceAndTriage(token);

        assertThat(cards.issued()).as("generated card numbers (seed %d)", seed).hasSizeGreaterThan(80);
        List<String> found = new ArrayList<>(databaseHits());
        found.addAll(hits("log output", output.getAll()));
        found.addAll(hits("API/UI views and the evidence PDF", views.toString()));
        assertThat(found).as("card numbers found after the sweep (seed %d)", seed).isEmpty();
    }

    // ---------------------------------------------------------------- case desk

    private void caseApi(String token, String approverToken, UserAccount admin) throws Exception {
        String idempotency = cards.next("visa16", " ");
        String caseJson = """
                {"subject": "Charged twice on %s", "description": "Customer card %s, order 12345678",
                 "market": "DE", "customerRef": "%s", "customerEmail": "%s@example.com", "tags": ["sweep"],
                 "links": [{"kind": "ORDER", "ref": "%s"}, {"kind": "PAYMENT", "ref": "%s"}],
                 "externalDueAt": "2026-12-31T10:00:00Z", "externalDueLabel": "Ombudsman %s",
                 "amount": "12.50", "currency": "EUR"}"""
                .formatted(cards.any(), cards.any(), cards.any(), cards.next("visa16", ""), cards.any(), cards.any(),
                        cards.any());
        MvcResult created = call(post("/api/v1/cases").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", idempotency).contentType(MediaType.APPLICATION_JSON).content(caseJson), 201);
        String key = JsonPath.read(created.getResponse().getContentAsString(), "$.key");
        // the same card-number idempotency key (written differently) is the same request ...
        MvcResult again = call(post("/api/v1/cases").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", idempotency.replace(" ", "")).contentType(MediaType.APPLICATION_JSON)
                .content(caseJson), 200);
        assertThat((String) JsonPath.read(again.getResponse().getContentAsString(), "$.key")).isEqualTo(key);
        // ... another card number with the same mask is not
        MvcResult other = call(post("/api/v1/cases").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", cards.sameMask(idempotency.replace(" ", ""))).contentType(MediaType.APPLICATION_JSON)
                .content(caseJson), 201);
        assertThat((String) JsonPath.read(other.getResponse().getContentAsString(), "$.key")).isNotEqualTo(key);

        String base = "/api/v1/cases/" + key;
        json(token, post(base + "/notes"), "{\"body\": \"note %s\"}".formatted(cards.any()), 204);
        json(token, post(base + "/replies"), "{\"body\": \"reply %s\", \"status\": \"WAITING\", \"reason\": \"CUSTOMER\"}"
                .formatted(cards.any()), 204);
        json(token, post(base + "/messages"), "{\"from\": \"%s@example.com\", \"body\": \"message %s\", \"messageId\": \"<%s@mail.example>\"}"
                .formatted(cards.next("mastercard", ""), cards.any(), cards.next("visa16", "")), 204);
        json(token, put(base + "/tags"), "{\"tags\": [\"%s\", \"tag %s\"]}".formatted(cards.any(), cards.any()), -1);
        json(token, put(base + "/category"), "{\"category\": \"%s\"}".formatted(cards.any()), -1);
        json(token, post(base + "/links"), "{\"kind\": \"ORDER\", \"ref\": \"%s\"}".formatted(cards.any()), -1);
        json(token, post(base + "/escalations"), "{\"queue\": \"finance\", \"note\": \"escalated %s\"}".formatted(cards.any()), 201);
        String refund = """
                {"type": "REFUND", "amount": "900.00", "currency": "EUR", "paymentRef": "%s", "reason": "refund %s"}""";
        MvcResult first = json(token, post(base + "/money-actions"), refund.formatted(cards.any(), cards.any()), 201);
        MvcResult second = json(token, post(base + "/money-actions"), refund.formatted(cards.any(), cards.any()), 201);
        String rejectId = JsonPath.read(first.getResponse().getContentAsString(), "$.id");
        String approveId = JsonPath.read(second.getResponse().getContentAsString(), "$.id");
        json(approverToken, post("/api/v1/money-actions/" + rejectId + "/reject"),
                "{\"note\": \"rejected %s\"}".formatted(cards.any()), 200);
        json(approverToken, post("/api/v1/money-actions/" + approveId + "/approve"),
                "{\"note\": \"approved %s\"}".formatted(cards.any()), 200);
        call(multipart(base + "/attachments").file(new MockMultipartFile("file", cards.next("visa16", "") + ".txt",
                "text/plain", ("statement " + cards.any() + "\n" + cards.any()).getBytes(StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token), 201);
        call(get("/api/v1/cases").param("view", "all").param("q", cards.any()).header("Authorization", "Bearer " + token), 200);
        call(get(base).header("Authorization", "Bearer " + token), 200);
        call(get(base + "/attachments").header("Authorization", "Bearer " + token), 200);
        call(get("/cases/" + key).with(user(admin)), 200);
    }

    private void caseUi(UserAccount admin) throws Exception {
        MvcResult created = call(post("/cases").with(user(admin)).with(csrf())
                .param("subject", "UI " + cards.any()).param("description", "desc " + cards.any()).param("market", "DE")
                .param("customerRef", cards.any()).param("customerEmail", cards.next("amex", "") + "@example.com")
                .param("orderRef", cards.any()).param("paymentRef", cards.any()).param("tags", "sweep")
                .param("formKey", cards.any()), 302);
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/cases/PD-");
        call(post(location + "/note").with(user(admin)).with(csrf()).param("body", "UI note " + cards.any()), 302);
        call(get(location).with(user(admin)), 200);
    }

    private void caseCsv(String token, UserAccount admin) throws Exception {
        String csv = "external_id,subject,description,market,priority,order_ref,tags,customer_ref,customer_email\n"
                + "%s,Subject %s,\"Description %s\",DE,HIGH,%s,%s,%s,%s@example.com\n".formatted(cards.any(), cards.any(),
                cards.any(), cards.any(), cards.any(), cards.any(), cards.next("visa16", ""));
        call(post("/api/v1/cases/import").header("Authorization", "Bearer " + token).contentType("text/csv").content(csv), 200);
        String upload = "external_id,subject,description,market,order_ref\n"
                + "%s,Upload %s,%s,DE,%s\n".formatted(cards.any(), cards.any(), cards.any(), cards.any());
        call(multipart("/cases/import").file(new MockMultipartFile("file", "cases " + cards.any() + ".csv", "text/csv",
                upload.getBytes(StandardCharsets.UTF_8))).with(user(admin)).with(csrf()), 200);
    }

    // ---------------------------------------------------------------- payments: files

    private void merchantFeedsAndReports(UserAccount admin, String token) throws Exception {
        String order = cards.next("visa16", "");
        String orders = "merchant_reference,market,customer_reference,amount,currency,expected_method\n"
                + "%s,DE,%s,59.90,EUR,card\n%s,DE,%s,abc,EUR,card %s\n".formatted(order, cards.any(), cards.any(),
                cards.any(), cards.any());
        call(multipart("/payments/imports").file(new MockMultipartFile("file", "orders " + cards.any() + ".csv",
                "text/csv", orders.getBytes(StandardCharsets.UTF_8))).param("kind", "orders").with(user(admin)).with(csrf()), 200);
        // the order is found by the card-number reference it was imported under, written in another form
        call(get("/api/v1/orders/" + Cards.spaced(order)).header("Authorization", "Bearer " + token), 200);
        call(get("/payments/orders/" + order).with(user(admin)), 200);

        importFile("refund-requests", "refund_reference,merchant_reference,amount,currency,requested_at\n"
                + "%s,%s,5.00,EUR,2026-11-20T10:00:00Z\n%s,%s,x,EUR,2026-11-20T10:00:00Z\n".formatted(cards.any(),
                cards.any(), cards.any(), cards.any()));
        String adyenHeader = "Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Creation Date,"
                + "TimeZone,Type,Modification Reference,Gross Currency,Gross Debit (GC),Gross Credit (GC),Exchange Rate,"
                + "Net Currency,Net Debit (NC),Net Credit (NC),Commission (NC),Markup (NC),Scheme Fees (NC),Interchange (NC),"
                + "Payment Method Variant,Modification Merchant Reference,Batch Number,Reserved4,Reserved5,Reserved6,"
                + "Reserved7,Reserved8,Reserved9,Reserved10";
        String merchant = "Sweep" + random.nextInt(1_000_000);
        importFile("adyen-settlement", adyenHeader + "\n"
                + "TestCompany,%s,%s,%s,visa,2026-11-02 10:00:00,CET,Settled,%s,EUR,,10.00,1,EUR,,9.80,,0.20,,,visaclassic,%s,,,,,,,,\n"
                        .formatted(merchant, cards.any(), cards.any(), cards.any(), cards.any())
                + "TestCompany,%s,%s,%s,visa,2026-11-02 10:00:00,CET,Settled,%s,EUR,,12.345,1,EUR,,12.00,,,,,visaclassic,,,,,,,,,\n"
                        .formatted(merchant, cards.any(), cards.any(), cards.any()));
        String run = UUID.randomUUID().toString().substring(0, 8);
        String statement = Files.readString(Path.of("src/test/resources/payments/camt053-statement.xml"))
                .replace("{RUN}", run + " " + cards.any()).replace("{ORDER1}", cards.any()).replace("{ORDER2}", cards.any())
                .replace("NOTPROVIDED", cards.any());
        importFile("camt053", statement);
        call(get("/api/v1/payments/quarantine").header("Authorization", "Bearer " + token), 200);
    }

    private void importFile(String kind, String content) {
        asSystem(() -> imports.importFile(kind, kind + " " + cards.any() + ".csv",
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))));
    }

    // ---------------------------------------------------------------- payments: webhooks

    /** Signed webhooks of all four providers; returns the order reference of the Stripe dispute. */
    private String webhooks() throws Exception {
        long now = Instant.now().getEpochSecond();
        String eventId = cards.next("visa16", "");
        String charge = """
                {"id": "%s", "object": "event", "type": "charge.succeeded", "created": %d,
                 "data": {"object": {"id": "%s", "object": "charge", "amount": 4999, "currency": "eur",
                   "customer": "%s", "description": "card %s", "status": "succeeded",
                   "payment_method_details": {"type": "card", "card": {"brand": "visa", "last4": "1111"}},
                   "metadata": {"order_id": "%s", "note": "%s", "%s": "key"}}}}""";
        String body = charge.formatted(eventId, now, cards.any(), cards.any(), cards.any(), cards.any(), cards.any(), cards.any());
        String receipt = stripe(body);
        assertThat(receipt).contains("\"applied\":1");
        assertThat(stripe(body)).as("the same card-number event id is a duplicate").contains("\"duplicates\":1");
        String sameMask = charge.formatted(cards.sameMask(eventId), now, cards.any(), cards.any(), cards.any(), cards.any(),
                cards.any(), cards.any());
        assertThat(stripe(sameMask)).as("another card number with the same mask is another event").contains("\"applied\":1");
        stripe("""
                {"id": "%s", "object": "event", "type": "charge.succeeded", "created": %d,
                 "data": {"object": {"id": "%s", "object": "charge", "amount": "lots", "currency": "eur", "description": "%s"}}}"""
                .formatted(cards.any(), now, cards.any(), cards.any()));

        String order = cards.next("mastercard", "");
        stripe("""
                {"id": "%s", "object": "event", "type": "charge.dispute.created", "created": %d,
                 "data": {"object": {"id": "%s", "object": "dispute", "amount": 4999, "currency": "eur", "charge": "%s",
                   "created": %d, "reason": "fraudulent %s", "status": "needs_response",
                   "evidence_details": {"due_by": %d}, "payment_method_details": {"type": "card",
                   "card": {"brand": "visa", "network_reason_code": "10.4"}}, "metadata": {"order_reference": "%s"}}}}"""
                .formatted(cards.any(), now, cards.any(), cards.any(), now, cards.any(), now + 86_400 * 14, order));

        String psp = cards.next("visa16", "");
        String merchantRef = cards.next("visa16", "-");
        String shopper = cards.any();
        String signature = WebhookSigning.adyenSignature(psp, "", "PaydeskTestECOM", merchantRef, 2500, "EUR", "AUTHORISATION", "true");
        String adyen = """
                {"live": "false", "notificationItems": [{"NotificationRequestItem": {
                  "additionalData": {"hmacSignature": "%s", "shopperReference": "%s", "shopperEmail": "%s@example.com"},
                  "amount": {"currency": "EUR", "value": 2500}, "eventCode": "AUTHORISATION", "eventDate": "2026-11-20T10:00:00+01:00",
                  "merchantAccountCode": "PaydeskTestECOM", "merchantReference": "%s", "originalReference": "",
                  "paymentMethod": "visa", "pspReference": "%s", "reason": "approved %s", "success": "true"}}]}"""
                .formatted(signature, shopper, cards.next("jcb", ""), merchantRef, psp, cards.any());
        call(post("/webhooks/adyen/adyen-eu").contentType(MediaType.APPLICATION_JSON).content(adyen), 200);

        String paypal = """
                {"id": "%s", "event_version": "1.0", "create_time": "2026-11-20T10:00:00.000Z",
                 "resource_type": "capture", "resource_version": "2.0", "event_type": "PAYMENT.CAPTURE.COMPLETED",
                 "summary": "Payment %s", "resource": {"id": "%s", "status": "COMPLETED",
                   "amount": {"currency_code": "EUR", "value": "42.50"}, "final_capture": true, "custom_id": "%s",
                   "invoice_id": "%s", "create_time": "2026-11-20T10:00:00Z"}}"""
                .formatted(cards.any(), cards.any(), cards.any(), cards.any(), cards.any());
        String transmission = UUID.randomUUID().toString();
        String time = Instant.now().toString();
        call(post("/webhooks/paypal/paypal-eu").contentType(MediaType.APPLICATION_JSON).content(paypal)
                .header("PAYPAL-TRANSMISSION-ID", transmission).header("PAYPAL-TRANSMISSION-TIME", time)
                .header("PAYPAL-TRANSMISSION-SIG", WebhookSigning.paypalSignature(transmission, time, paypal))
                .header("PAYPAL-AUTH-ALGO", "SHA256withRSA"), 200);

        String klarna = """
                {"metadata": {"event_type": "payment.capture.state-change.captured", "event_id": "%s", "event_version": "v1",
                   "occurred_at": "2026-11-20T12:00:00Z", "subject_account_id": "krn:partner:global:account:test"},
                 "payload": {"capture_id": "%s", "payment_transaction_id": "%s", "merchant_reference": "%s",
                   "amount": 15900, "currency": "SEK", "description": "%s"}}"""
                .formatted(cards.any(), cards.any(), cards.any(), cards.any(), cards.any());
        call(post("/webhooks/klarna/klarna-eu").contentType(MediaType.APPLICATION_JSON).content(klarna)
                .header("Klarna-Signature", WebhookSigning.klarnaHexSignature(klarna)), 200);
        return order;
    }

    private String stripe(String body) throws Exception {
        long t = Instant.now().getEpochSecond();
        return call(post("/webhooks/stripe/stripe-eu").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("Stripe-Signature", WebhookSigning.stripeHeader(body, t)), 200).getResponse().getContentAsString();
    }

    // ---------------------------------------------------------------- disputes

    private void disputeEvidence(String token, UserAccount admin, String order) throws Exception {
        String orderKey = pan.key(order);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> asSystemGet(() -> disputes.openDisputeFor(orderKey)).isPresent());
        DisputeSummary dispute = asSystemGet(() -> disputes.openDisputeFor(orderKey)).orElseThrow();
        String base = "/api/v1/disputes/" + dispute.id();
        json(token, post(base + "/shipments"), """
                {"carrier": "DHL %s", "trackingNumber": "%s", "shippedOn": "2026-11-02", "deliveredOn": "2026-11-04",
                 "note": "signed for, card %s"}""".formatted(cards.any(), cards.any(), cards.any()), 201);
        json(token, post(base + "/notes"), "{\"item\": \"CUSTOMER_COMMUNICATION\", \"text\": \"customer wrote %s\"}"
                .formatted(cards.any()), 201);
        call(multipart(base + "/files").file(new MockMultipartFile("file", cards.next("visa16", "") + ".txt", "text/plain",
                ("receipt for " + cards.any()).getBytes(StandardCharsets.UTF_8))).param("item", "RECEIPT")
                .param("text", "receipt " + cards.any()).header("Authorization", "Bearer " + token), 201);
        call(post("/disputes/" + dispute.id() + "/shipment").with(user(admin)).with(csrf()).param("carrier", "UPS")
                .param("trackingNumber", cards.any()).param("note", "UI " + cards.any()), 302);
        call(get(base + "/evidence").header("Authorization", "Bearer " + token), 200);
        byte[] pdf = call(get(base + "/evidence.pdf").header("Authorization", "Bearer " + token), 200)
                .getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("******");
            views.append(text).append('\n');
        }
        call(get("/disputes/" + dispute.id()).with(user(admin)), 200);
    }

    // ---------------------------------------------------------------- e-mail

    private void inboundMail() throws Exception {
        Session session = GreenMailUtil.getSession(MAIL.getSmtp().getServerSetup());
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(cards.next("visa16", "") + "@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("support@paydesk.local"));
        message.setSubject("Charged on " + cards.any());
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Please refund card " + cards.any() + ".\n" + cards.any(), "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setText("statement " + cards.any(), "UTF-8");
        attachment.setFileName(cards.next("visa16", "") + ".txt");
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        message.setContent(new MimeMultipart(text, attachment));
        message.saveChanges();
        message.setHeader("Message-ID", "<" + cards.next("mastercard", "") + "@mail.example>");
        message.setHeader("In-Reply-To", "<" + cards.next("visa16", "") + "@mail.example>");
        GreenMailUtil.sendMimeMessage(message);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> MAIL.getReceivedMessages().length > 0);
        assertThat(mail.poll()).containsExactly(1, 0, 0);
    }

    // ---------------------------------------------------------------- platform, workforce, triage

    private void platformWorkforceAndTriage(String token) throws Exception {
        json(token, post("/api/v1/me/tokens"), "{\"name\": \"laptop %s\"}".formatted(cards.any()), 201);
        call(get("/api/v1/me/tokens").header("Authorization", "Bearer " + token), 200);
        json(token, post("/api/v1/workforce/downtimes"), """
                {"title": "PSP outage %s", "startsAt": "2026-12-24T10:00:00Z", "endsAt": "2026-12-24T12:00:00Z",
                 "volumeUplift": 0.5, "ahtChange": 0.2}""".formatted(cards.any()), 201);
        String category = "pan-sweep-" + Integer.toHexString(random.nextInt());
        json(token, post("/api/v1/triage/categories"), """
                {"code": "%s", "names": {"en": "Sweep %s", "de": "Sweep"}, "description": "about %s"}"""
                .formatted(category, cards.any(), cards.any()), 201);
        json(token, post("/api/v1/triage/corrections"), """
                {"itemRef": "%s", "text": "customer paid with %s", "language": "en", "corrected": "%s"}"""
                .formatted(cards.any(), cards.any(), category), 204);
        json(token, post("/api/v1/klarna/klarna-eu/customer-tokens"), """
                {"tokenId": "%s", "customerReference": "%s", "occurredAt": "2026-11-20T10:00:00Z"}"""
                .formatted(cards.any(), cards.any()), -1);
    }

    // ---------------------------------------------------------------- the scans

    /** Every text-like column of every table in the public schema, searched in SQL with separators removed. */
    private List<String> databaseHits() {
        List<String[]> columns = jdbc.sql("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = 'public' and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
                order by table_name, column_name""")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        assertThat(columns).hasSizeGreaterThan(50);
        String pattern = String.join("|", cards.issued());
        List<String> found = new ArrayList<>();
        for (String[] column : columns) {
            String value = column[2].equals("bytea") ? "encode(\"%s\", 'escape')".formatted(column[1]) : "\"%s\"::text".formatted(column[1]);
            // separators dropped: any digit run of the card number in any written form
            String digitsOnly = "select %s from \"%s\" where regexp_replace(%s, '[ .\\-\\n]', '', 'g') ~ :pans limit 1"
                    .formatted(value, column[0], value);
            jdbc.sql(digitsOnly).param("pans", pattern).query(String.class).optional()
                    .ifPresent(v -> found.add(column[0] + "." + column[1] + ": " + abbreviate(v)));
        }
        return found;
    }

    private List<String> hits(String where, String text) {
        String joined = text.replaceAll("[ .\\-\\n]", "");
        return cards.issued().stream().filter(joined::contains).map(p -> {
            int at = joined.indexOf(p);
            return where + ": " + p + " in …" + joined.substring(Math.max(0, at - 120), Math.min(joined.length(), at + 60));
        }).toList();
    }

    private static String abbreviate(String value) {
        return value.length() > 300 ? value.substring(0, 300) + "…" : value;
    }

    // ---------------------------------------------------------------- helpers

    private MvcResult json(String token, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                           String body, int expected) throws Exception {
        return call(request.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(body),
                expected);
    }

    /** Performs the request, keeps its answer for the scan and checks the status (-1: any answer but a 500). */
    private MvcResult call(RequestBuilder request, int expected) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        String answer = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        views.append(answer).append('\n');
        int status = result.getResponse().getStatus();
        if (expected < 0) {
            assertThat(status).as(answer).isLessThan(500);
        } else {
            assertThat(status).as(answer).isEqualTo(expected);
        }
        return result;
    }

    private static <T> T asSystemGet(java.util.function.Supplier<T> action) {
        List<T> out = new ArrayList<>(1);
        asSystem(() -> out.add(action.get()));
        return out.getFirst();
    }

    /** Luhn-valid card numbers of several schemes and lengths (issuer prefixes from the schemes' BIN tables). */
    static final class Cards {

        private record Scheme(String prefix, int length, int[] grouping) {
        }

        private static final java.util.Map<String, Scheme> SCHEMES = java.util.Map.of(
                "visa16", new Scheme("4", 16, new int[] {4, 4, 4, 4}),
                "visa13", new Scheme("4", 13, new int[] {4, 4, 5}),
                "visa19", new Scheme("4", 19, new int[] {4, 4, 4, 4, 3}),
                "mastercard", new Scheme("5", 16, new int[] {4, 4, 4, 4}),
                "mastercard2", new Scheme("2221", 16, new int[] {4, 4, 4, 4}),
                "amex", new Scheme("37", 15, new int[] {4, 6, 5}),
                "diners", new Scheme("36", 14, new int[] {4, 6, 4}),
                "jcb", new Scheme("3528", 16, new int[] {4, 4, 4, 4}),
                "discover", new Scheme("6011", 16, new int[] {4, 4, 4, 4}),
                "unionpay", new Scheme("62", 19, new int[] {4, 4, 4, 4, 3}));
        private static final List<String> NAMES = SCHEMES.keySet().stream().sorted().toList();
        private static final String[] SEPARATORS = {"", " ", "-", "", " "};

        private final Random random;
        private final List<String> issued = new ArrayList<>();

        Cards(Random random) {
            this.random = random;
        }

        /** A new card number of any scheme, written with a random separator. */
        String any() {
            return next(NAMES.get(random.nextInt(NAMES.size())), SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }

        String next(String scheme, String separator) {
            Scheme s = SCHEMES.get(scheme);
            String prefix = scheme.equals("mastercard") ? "5" + (1 + random.nextInt(5)) : s.prefix();
            StringBuilder body = new StringBuilder(prefix);
            while (body.length() < s.length() - 1) {
                body.append(random.nextInt(10));
            }
            String digits = body.append(checkDigit(body.toString())).toString();
            issued.add(digits);
            return written(digits, s.grouping(), separator);
        }

        /** Another Luhn-valid number with the same first six and last four digits. */
        String sameMask(String digits) {
            String plain = digits.replaceAll("\\D", "");
            String candidate;
            do {
                StringBuilder middle = new StringBuilder();
                for (int i = 6; i < plain.length() - 4; i++) {
                    middle.append(random.nextInt(10));
                }
                candidate = plain.substring(0, 6) + middle + plain.substring(plain.length() - 4);
            } while (!luhn(candidate) || candidate.equals(plain));
            issued.add(candidate);
            return candidate;
        }

        List<String> issued() {
            return issued;
        }

        static String spaced(String digits) {
            return written(digits, new int[] {4, 4, 4, 4, 3}, " ");
        }

        private static String written(String digits, int[] grouping, String separator) {
            if (separator.isEmpty()) {
                return digits;
            }
            StringBuilder out = new StringBuilder();
            int at = 0;
            for (int g = 0; g < grouping.length && at < digits.length(); g++) {
                if (at > 0) {
                    out.append(separator);
                }
                int end = Math.min(digits.length(), at + grouping[g]);
                out.append(digits, at, end);
                at = end;
            }
            return out.toString();
        }

        private static char checkDigit(String body) {
            for (char c = '0'; c <= '9'; c++) {
                if (luhn(body + c)) {
                    return c;
                }
            }
            throw new IllegalStateException("no Luhn digit for " + body);
        }

        private static boolean luhn(String digits) {
            int sum = 0;
            for (int i = 0; i < digits.length(); i++) {
                int d = digits.charAt(digits.length() - 1 - i) - '0';
                if (i % 2 == 1) {
                    d = d * 2 > 9 ? d * 2 - 9 : d * 2;
                }
                sum += d;
            }
            return sum % 10 == 0;
        }
    }
}
