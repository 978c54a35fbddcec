package dev.paydesk.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
import org.springframework.test.web.servlet.ResultActions;

import dev.paydesk.shared.Money;

/**
 * Stripe webhooks end to end. Payloads follow the shapes of Stripe's own example objects
 * (stripe/openapi fixtures: event, charge, refund, dispute), signed as Stripe documents.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StripeWebhookTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PaymentQueries payments;

    @Autowired
    RecordedPayments recorded;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void aSignedCaptureIsStoredAndShowsInTheOrderTimeline() throws Exception {
        String order = "ORD-" + UUID.randomUUID();
        String charge = "ch_" + UUID.randomUUID().toString().replace("-", "");
        deliver(chargeSucceeded("evt_" + UUID.randomUUID(), charge, order, 4990)).andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(1));
        OrderTimeline timeline = payments.timeline(order).orElseThrow();
        assertThat(timeline.balance().captured()).isEqualTo(Money.of(4990, "EUR"));
        assertThat(timeline.steps()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(TransactionKind.CAPTURE);
            assertThat(s.cardLast4()).isEqualTo("4242");
        });
        assertThat(recorded.ofOrder(order)).hasSize(1);
        assertThat(meters.get("paydesk.webhooks").tags("provider", "STRIPE", "status", "200").timer().count())
                .isPositive();
    }

    @Test
    void aTamperedBodyIsRejectedAndNothingIsStored() throws Exception {
        String eventId = "evt_" + UUID.randomUUID();
        String body = chargeSucceeded(eventId, "ch_x" + UUID.randomUUID(), "ORD-T", 100);
        String header = WebhookSigning.stripeHeader(body, Instant.now().getEpochSecond());
        mvc.perform(post("/webhooks/stripe/stripe-eu").contentType(MediaType.APPLICATION_JSON)
                        .header("Stripe-Signature", header).content(body.replace("\"amount\": 100", "\"amount\": 1")))
                .andExpect(status().isUnauthorized());
        assertThat(inbound(eventId)).isZero();
    }

    @Test
    void aSignatureOutsideTheToleranceIsRejected() throws Exception {
        String eventId = "evt_" + UUID.randomUUID();
        String body = chargeSucceeded(eventId, "ch_old" + UUID.randomUUID(), "ORD-OLD", 100);
        mvc.perform(post("/webhooks/stripe/stripe-eu").contentType(MediaType.APPLICATION_JSON)
                        .header("Stripe-Signature", WebhookSigning.stripeHeader(body, Instant.now().getEpochSecond() - 3600))
                        .content(body))
                .andExpect(status().isUnauthorized());
        assertThat(inbound(eventId)).isZero();
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        String order = "ORD-" + UUID.randomUUID();
        String body = chargeSucceeded("evt_" + UUID.randomUUID(), "ch_d" + UUID.randomUUID(), order, 1000);
        deliver(body).andExpect(jsonPath("$.applied").value(1));
        deliver(body).andExpect(status().isOk()).andExpect(jsonPath("$.duplicates").value(1));
        assertThat(payments.timeline(order).orElseThrow().steps()).hasSize(1);
    }

    @Test
    void twoEventsAboutTheSameCaptureMakeOneMovement() throws Exception {
        String order = "ORD-" + UUID.randomUUID();
        String charge = "ch_pi" + UUID.randomUUID().toString().replace("-", "");
        deliver(chargeSucceeded("evt_" + UUID.randomUUID(), charge, order, 2500));
        deliver("""
                {"id": "%s", "object": "event", "type": "payment_intent.succeeded", "created": %d,
                 "data": {"object": {"id": "pi_1", "object": "payment_intent", "amount": 2500, "amount_received": 2500,
                   "currency": "eur", "latest_charge": "%s", "status": "succeeded", "payment_method_types": ["card"],
                   "metadata": {"order_id": "%s"}}}}"""
                .formatted("evt_" + UUID.randomUUID(), Instant.now().getEpochSecond(), charge, order));
        assertThat(payments.timeline(order).orElseThrow().balance().captured()).isEqualTo(Money.of(2500, "EUR"));
    }

    @Test
    void aFailedRefundCancelsTheRefundWhicheverArrivesFirst() throws Exception {
        for (boolean failureFirst : new boolean[] {false, true}) {
            String order = "ORD-" + UUID.randomUUID();
            String charge = "ch_r" + UUID.randomUUID().toString().replace("-", "");
            String refund = "re_" + UUID.randomUUID().toString().replace("-", "");
            deliver(chargeSucceeded("evt_" + UUID.randomUUID(), charge, order, 3000));
            String created = refundEvent("refund.created", refund, charge, order, "pending", 1000, 100);
            String failed = refundEvent("refund.failed", refund, charge, order, "failed", 1000, 200);
            if (failureFirst) {
                deliver(failed);
                deliver(created);
            } else {
                deliver(created);
                OrderTimeline mid = payments.timeline(order).orElseThrow();
                // pending until the PSP confirms it (issue 18)
                assertThat(mid.balance().refunded()).isEqualTo(Money.of(0, "EUR"));
                assertThat(mid.balance().refundPending()).isEqualTo(Money.of(1000, "EUR"));
                deliver(failed);
            }
            OrderTimeline done = payments.timeline(order).orElseThrow();
            assertThat(done.steps()).as("no step shows the failed refund as refunded")
                    .allSatisfy(step -> assertThat(step.after().refunded()).isEqualTo(Money.of(0, "EUR")));
            assertThat(done.balance().refundPending()).isEqualTo(Money.of(0, "EUR"));
            assertThat(done.balance().refunded()).as("failure first: %s", failureFirst).isEqualTo(Money.of(0, "EUR"));
            assertThat(done.balance().net()).isEqualTo(Money.of(3000, "EUR"));
        }
    }

    @Test
    void aRefundCountsAsRefundedOnceStripeConfirmsIt() throws Exception {
        String order = "ORD-" + UUID.randomUUID();
        String charge = "ch_ok" + UUID.randomUUID().toString().replace("-", "");
        String refund = "re_ok" + UUID.randomUUID().toString().replace("-", "");
        deliver(chargeSucceeded("evt_" + UUID.randomUUID(), charge, order, 3000));
        deliver(refundEvent("refund.created", refund, charge, order, "pending", 1000, 100));
        deliver(refundEvent("refund.updated", refund, charge, order, "succeeded", 1000, 200));
        OrderTimeline done = payments.timeline(order).orElseThrow();
        assertThat(done.balance().refunded()).isEqualTo(Money.of(1000, "EUR"));
        assertThat(done.balance().refundPending()).isEqualTo(Money.of(0, "EUR"));
        assertThat(done.balance().net()).isEqualTo(Money.of(2000, "EUR"));
    }

    @Test
    void disputeFundsWithdrawnAreAChargebackAndNotifyTheDisputeDesk() throws Exception {
        String order = "ORD-" + UUID.randomUUID();
        String charge = "ch_dp" + UUID.randomUUID().toString().replace("-", "");
        deliver(chargeSucceeded("evt_" + UUID.randomUUID(), charge, order, 8000));
        long due = Instant.now().plusSeconds(7 * 86400).getEpochSecond();
        String dispute = "dp_" + UUID.randomUUID().toString().replace("-", "");
        deliver("""
                {"id": "%s", "object": "event", "type": "charge.dispute.funds_withdrawn", "created": %d,
                 "data": {"object": {"id": "%s", "object": "dispute", "amount": 8000, "currency": "eur",
                   "charge": "%s", "reason": "fraudulent", "status": "needs_response",
                   "evidence_details": {"due_by": %d, "has_evidence": false, "past_due": false, "submission_count": 0},
                   "metadata": {}}}}"""
                .formatted("evt_" + UUID.randomUUID(), Instant.now().getEpochSecond(), dispute, charge, due))
                .andExpect(jsonPath("$.applied").value(1));
        OrderTimeline timeline = payments.timeline(order).orElseThrow();
        assertThat(timeline.balance().chargedBack()).isEqualTo(Money.of(8000, "EUR"));
        assertThat(timeline.balance().net()).isEqualTo(Money.of(0, "EUR"));
        assertThat(recorded.disputes().filter(d -> d.providerDisputeId().equals(dispute)))
                .singleElement().satisfies(d -> {
                    assertThat(d.reasonCode()).isEqualTo("fraudulent");
                    assertThat(d.dueAt()).isEqualTo(Instant.ofEpochSecond(due));
                    assertThat(d.paymentReference()).isEqualTo(charge);
                });
    }

    @Test
    void anAuthenticButMalformedPayloadGoesToQuarantine() throws Exception {
        String eventId = "evt_" + UUID.randomUUID();
        String body = """
                {"id": "%s", "object": "event", "type": "charge.succeeded", "created": %d,
                 "data": {"object": {"id": "ch_bad", "object": "charge", "amount": "lots", "currency": "eur",
                   "description": "card 4111 1111 1111 1111"}}}""".formatted(eventId, Instant.now().getEpochSecond());
        deliver(body).andExpect(status().isOk()).andExpect(jsonPath("$.quarantined").value(1));
        String stored = jdbc.sql("select payload from payments_quarantine where payload like :id").param("id", "%" + eventId + "%")
                .query(String.class).single();
        assertThat(stored).contains("4111 11** **** 1111").doesNotContain("4111 1111 1111 1111");
    }

    @Autowired
    dev.paydesk.payments.internal.WebhookReceiver receiver;

    @Test
    void aQuarantinedEventCanBeReplayedWithACorrectedPayload() throws Exception {
        String eventId = "evt_" + UUID.randomUUID();
        String order = "ORD-" + UUID.randomUUID();
        String body = chargeSucceeded(eventId, "ch_q" + UUID.randomUUID(), order, 700).replace("\"currency\": \"eur\"", "\"currency\": \"euro\"");
        deliver(body).andExpect(jsonPath("$.quarantined").value(1));
        UUID id = payments.quarantine(200).stream().filter(q -> q.payload().contains(eventId)).findFirst().orElseThrow().id();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> asAdmin(() -> receiver.replay(id, null)))
                .hasMessageContaining("still unreadable");
        asAdmin(() -> receiver.replay(id, body.replace("\"currency\": \"euro\"", "\"currency\": \"eur\"")));
        assertThat(payments.timeline(order).orElseThrow().balance().captured()).isEqualTo(Money.of(700, "EUR"));
        assertThat(payments.quarantine(200)).noneMatch(q -> q.id().equals(id));
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'payments.quarantine_replayed' and entity_id = :id")
                .param("id", id.toString()).query(Integer.class).single()).isEqualTo(1);
    }

    private static void asAdmin(Runnable r) {
        var auth = org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated("admin-test",
                null, org.springframework.security.core.authority.AuthorityUtils.createAuthorityList("ROLE_ADMIN"));
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(auth);
        try {
            r.run();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    @Test
    void unknownEventTypesAreStoredAndIgnored() throws Exception {
        String eventId = "evt_" + UUID.randomUUID();
        deliver("""
                {"id": "%s", "object": "event", "type": "customer.updated", "created": %d,
                 "data": {"object": {"id": "cus_1", "object": "customer"}}}"""
                .formatted(eventId, Instant.now().getEpochSecond()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ignored").value(1));
        assertThat(inbound(eventId)).isEqualTo(1);
    }

    @Test
    void anUnknownAccountIsNotFound() throws Exception {
        String body = chargeSucceeded("evt_" + UUID.randomUUID(), "ch_u", "ORD-U", 1);
        mvc.perform(post("/webhooks/stripe/nobody").contentType(MediaType.APPLICATION_JSON)
                        .header("Stripe-Signature", WebhookSigning.stripeHeader(body, Instant.now().getEpochSecond()))
                        .content(body))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404)).andExpect(jsonPath("$.detail").value(
                        org.hamcrest.Matchers.containsString("nobody")));
    }

    @Test
    void theEndpointAnswersOtherRequestsWithProblems() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/webhooks/stripe/stripe-eu"))
                .andExpect(status().isMethodNotAllowed()).andExpect(header().string("Allow", "POST"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/webhooks/stripe").content("{}")).andExpect(status().isNotFound());
        assertThat(meters.get("paydesk.webhooks").tags("provider", "unknown", "status", "405").timer().count())
                .isPositive();
        mvc.perform(post("/webhooks/acme/stripe-eu").content("{}")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("acme")));
        byte[] huge = new byte[(1 << 20) + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        mvc.perform(post("/webhooks/stripe/stripe-eu").contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().isPayloadTooLarge());
    }

    private ResultActions deliver(String body) throws Exception {
        return mvc.perform(post("/webhooks/stripe/stripe-eu").contentType(MediaType.APPLICATION_JSON)
                .header("Stripe-Signature", WebhookSigning.stripeHeader(body, Instant.now().getEpochSecond()))
                .content(body));
    }

    private int inbound(String eventId) {
        return jdbc.sql("select count(*) from payments_inbound_event where event_key = :k").param("k", eventId)
                .query(Integer.class).single();
    }

    static String chargeSucceeded(String eventId, String charge, String order, long amount) {
        return """
                {"id": "%s", "object": "event", "api_version": "2024-06-20", "type": "charge.succeeded", "created": %d,
                 "livemode": false, "pending_webhooks": 1,
                 "data": {"object": {"id": "%s", "object": "charge", "amount": %d, "amount_captured": %d,
                   "amount_refunded": 0, "captured": true, "currency": "eur", "customer": "cus_9s6XKzkNRiz8i3",
                   "paid": true, "payment_intent": "pi_%s", "status": "succeeded",
                   "payment_method_details": {"type": "card", "card": {"brand": "visa", "last4": "4242",
                     "exp_month": 8, "exp_year": 2027, "country": "US", "funding": "credit"}},
                   "metadata": {"order_id": "%s"}}}}"""
                .formatted(eventId, Instant.now().getEpochSecond(), charge, amount, amount, charge, order);
    }

    static String refundEvent(String type, String refund, String charge, String order, String status, long amount,
                              long createdOffset) {
        return """
                {"id": "%s", "object": "event", "type": "%s", "created": %d,
                 "data": {"object": {"id": "%s", "object": "refund", "amount": %d, "charge": "%s", "currency": "eur",
                   "status": "%s", "reason": "requested_by_customer", "created": %d,
                   "metadata": {"order_id": "%s"}}}}"""
                .formatted("evt_" + UUID.randomUUID(), type, Instant.now().getEpochSecond() + createdOffset, refund,
                        amount, charge, status, Instant.now().getEpochSecond() + createdOffset, order);
    }
}
