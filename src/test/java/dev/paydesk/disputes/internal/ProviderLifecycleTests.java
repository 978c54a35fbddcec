package dev.paydesk.disputes.internal;

import static org.assertj.core.api.Assertions.assertThat;


import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.disputes.CardNetwork;
import dev.paydesk.disputes.DisputeClosed;
import dev.paydesk.disputes.DisputeHistoryEntry;
import dev.paydesk.disputes.DisputeOpened;
import dev.paydesk.disputes.DisputeStage;
import dev.paydesk.disputes.DisputeStatus;
import dev.paydesk.disputes.DisputeSummary;
import dev.paydesk.disputes.Disputes;
import dev.paydesk.disputes.ReasonCategory;
import dev.paydesk.payments.DisputeNotified;
import dev.paydesk.payments.Provider;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.shared.Money;

/**
 * Every provider's lifecycle through real signed webhooks (payments publishes DisputeNotified, the
 * dispute desk listens): in order, delivered twice, and out of order. Payloads follow the providers'
 * documented shapes: Stripe's Event wrapping a Dispute object (docs.stripe.com/api/disputes/object),
 * Adyen's NotificationRequestItem with additionalData.disputeStatus/chargebackReasonCode/defensePeriodEndsAt
 * (docs.adyen.com/risk-management/disputes-api/dispute-notifications), PayPal's CUSTOMER.DISPUTE.* events
 * with the v1 dispute resource (developer.paypal.com/docs/api/customer-disputes/v1), Klarna's
 * payment.dispute.state-change.* events (docs.klarna.com, disputes lifecycle).
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ProviderLifecycleTests extends PlatformTestSupport {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DisputeStore store;

    @Autowired
    DisputeLifecycle lifecycle;

    @Autowired
    Disputes disputes;

    @Autowired
    ApplicationEvents events;

    private SignedWebhooks webhooks;

    @BeforeEach
    void markets() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        ensureMarket("NL", "EUR", "Europe/Amsterdam", "nl");
        ensureMarket("FR", "EUR", "Europe/Paris", "fr");
        ensureMarket("SE", "SEK", "Europe/Stockholm", "sv");
        webhooks = new SignedWebhooks(mvc);
    }

    // ---------------------------------------------------------------- Stripe

    private static String stripeEvent(String eventId, String type, long created, String disputeId, String charge,
                                      String order, String status, long dueBy) {
        return """
                {"id": "%s", "object": "event", "api_version": "2024-06-20", "created": %d, "type": "%s",
                 "data": {"object": {"id": "%s", "object": "dispute", "amount": 4999, "currency": "eur", "charge": "%s",
                   "created": %d, "reason": "fraudulent", "status": "%s", "is_charge_refundable": false,
                   "evidence_details": {"due_by": %d, "has_evidence": false, "past_due": false, "submission_count": 0},
                   "payment_method_details": {"type": "card", "card": {"brand": "visa", "network_reason_code": "10.4"}},
                   "metadata": {"order_reference": "%s"}}}}"""
                .formatted(eventId, created, type, disputeId, charge, created, status, dueBy, order);
    }

    @Test
    void stripeInOrderFromInquiryToWon() throws Exception {
        String dp = "dp_" + uid();
        String order = "ORD-" + uid();
        long t = Instant.parse("2026-11-23T09:00:00Z").getEpochSecond();
        // due Thursday 10 Dec 2026 23:59 Berlin; two DE business days earlier is Tuesday 8 Dec, same time
        long due = LocalDate.of(2026, 12, 10).atTime(23, 59).atZone(BERLIN).toEpochSecond();
        String[][] sequence = {
                {"charge.dispute.created", "warning_needs_response"}, {"charge.dispute.updated", "needs_response"},
                {"charge.dispute.funds_withdrawn", "needs_response"}, {"charge.dispute.updated", "under_review"},
                {"charge.dispute.closed", "won"}, {"charge.dispute.funds_reinstated", "won"}};
        for (int i = 0; i < sequence.length; i++) {
            String evt = "evt_" + uid();
            String body = stripeEvent(evt, sequence[i][0], t + i * 3600L, dp, "ch_" + dp, order, sequence[i][1], due);
            if (sequence[i][0].endsWith("funds_withdrawn")) {
                // Stripe's dispute object lists the withdrawal with its 15.00 EUR dispute fee
                body = body.replace("\"metadata\":", "\"balance_transactions\": [{\"id\": \"txn_1\", \"amount\": -4999,"
                        + " \"currency\": \"eur\", \"fee\": 1500, \"type\": \"adjustment\"}], \"metadata\":");
            }
            webhooks.stripe(body);
            awaitProcessed(Provider.STRIPE, evt);
            if (i == 0) {
                assertThat(stripe(dp).stage()).isEqualTo(DisputeStage.PRE_DISPUTE);
                assertThat(stripe(dp).respondBy())
                        .isEqualTo(LocalDate.of(2026, 12, 8).atTime(23, 59).atZone(BERLIN).toInstant());
            }
            if (i == 3) {
                assertThat(stripe(dp).status()).isEqualTo(DisputeStatus.UNDER_REVIEW);
            }
        }
        DisputeSummary d = stripe(dp);
        assertThat(d.stage()).isEqualTo(DisputeStage.CHARGEBACK);
        assertThat(d.status()).isEqualTo(DisputeStatus.WON);
        assertThat(d.network()).isEqualTo(CardNetwork.VISA);
        assertThat(d.reasonCode()).isEqualTo("10.4");
        assertThat(d.reasonCategory()).isEqualTo(ReasonCategory.FRAUD);
        assertThat(d.market()).isEqualTo("DE");
        assertThat(d.orderReference()).isEqualTo(order);
        assertThat(d.amount()).isEqualTo(Money.of(4999, "EUR"));
        assertThat(d.fees()).isEqualTo(Money.of(1500, "EUR"));
        assertThat(disputes.history(d.id())).hasSize(6);
        assertThat(disputes.openDisputeFor(order)).isEmpty();
    }

    @Test
    void stripeDuplicatesChangeNothing() throws Exception {
        String dp = "dp_" + uid();
        String evt = "evt_" + uid();
        long t = Instant.parse("2026-11-23T09:00:00Z").getEpochSecond();
        String body = stripeEvent(evt, "charge.dispute.created", t, dp, "ch_" + dp, "ORD-" + uid(), "needs_response", t + 86400 * 14);
        webhooks.stripe(body);
        webhooks.stripe(body);
        awaitProcessed(Provider.STRIPE, evt);
        DisputeSummary first = stripe(dp);
        DisputeNotified again = new DisputeNotified(Provider.STRIPE, "stripe-eu", evt, dp, "ch_" + dp, null,
                "charge.dispute.created", "needs_response", "fraudulent", Money.of(4999, "EUR"), null,
                Instant.ofEpochSecond(t), body);
        assertThat(lifecycle.apply(again)).isEqualTo(DisputeLifecycle.Result.DUPLICATE);
        assertThat(lifecycle.apply(again)).isEqualTo(DisputeLifecycle.Result.DUPLICATE);
        assertThat(stripe(dp)).isEqualTo(first);
        assertThat(disputes.history(first.id())).hasSize(1);
        assertThat(disputes.openDisputeFor("ch_" + dp)).map(DisputeSummary::id).contains(first.id());
    }

    @Test
    void stripeOutOfOrderTheOutcomeBeforeTheChargeback() throws Exception {
        String dp = "dp_" + uid();
        String order = "ORD-" + uid();
        long t = Instant.parse("2026-11-23T09:00:00Z").getEpochSecond();
        String closed = "evt_" + uid();
        webhooks.stripe(stripeEvent(closed, "charge.dispute.closed", t + 7200, dp, "ch_" + dp, order, "lost", t + 86400 * 14));
        awaitProcessed(Provider.STRIPE, closed);
        String created = "evt_" + uid();
        webhooks.stripe(stripeEvent(created, "charge.dispute.created", t, dp, "ch_" + dp, order, "needs_response", t + 86400 * 14));
        awaitProcessed(Provider.STRIPE, created);
        DisputeSummary d = stripe(dp);
        assertThat(d.status()).isEqualTo(DisputeStatus.LOST);
        assertThat(d.closedAt()).isNotNull();
        assertThat(disputes.history(d.id())).extracting(DisputeHistoryEntry::detail)
                .anyMatch(s -> s.contains("older than the last notification"));
        assertThat(disputes.openDisputeFor(order)).isEmpty();
    }

    // ---------------------------------------------------------------- Adyen

    private String adyen(String payment, String order, String code, String date, String extra) {
        return SignedWebhooks.adyenItem(psp(), payment, order, 9000, code, date, extra);
    }

    @Test
    void adyenInOrderThroughPreArbitration() throws Exception {
        String payment = psp();
        String order = "ORD-" + uid();
        String[][] sequence = {
                {"REQUEST_FOR_INFORMATION", "2026-11-10T10:00:00+01:00", "\"disputeStatus\": \"Undefended\", \"defensePeriodEndsAt\": \"2026-11-24T10:00:00+01:00\""},
                {"NOTIFICATION_OF_CHARGEBACK", "2026-11-12T10:00:00+01:00", "\"disputeStatus\": \"Undefended\", \"chargebackReasonCode\": \"4853\", \"chargebackSchemeCode\": \"mc\", \"defensePeriodEndsAt\": \"2026-12-02T10:00:00+01:00\""},
                {"CHARGEBACK", "2026-11-13T10:00:00+01:00", "\"disputeStatus\": \"Undefended\", \"chargebackReasonCode\": \"4853\", \"chargebackSchemeCode\": \"mc\", \"defensePeriodEndsAt\": \"2026-12-02T10:00:00+01:00\""},
                {"CHARGEBACK_REVERSED", "2026-11-20T10:00:00+01:00", "\"disputeStatus\": \"Won\""},
                {"SECOND_CHARGEBACK", "2026-11-25T10:00:00+01:00", "\"disputeStatus\": \"Undefended\", \"defensePeriodEndsAt\": \"2026-12-15T10:00:00+01:00\""},
                {"PREARBITRATION_WON", "2026-12-05T10:00:00+01:00", "\"disputeStatus\": \"Won\""}};
        for (String[] step : sequence) {
            String item = adyen(payment, order, step[0], step[1], step[2]);
            webhooks.adyen(item);
            awaitProcessed(Provider.ADYEN, adyenKey(item, step[0]));
            if (step[0].equals("CHARGEBACK_REVERSED")) {
                assertThat(adyenDispute(payment).status()).isEqualTo(DisputeStatus.WON);
            }
            if (step[0].equals("SECOND_CHARGEBACK")) {
                assertThat(adyenDispute(payment).status()).isEqualTo(DisputeStatus.NEEDS_RESPONSE);
                assertThat(adyenDispute(payment).dueAt()).isEqualTo(Instant.parse("2026-12-15T09:00:00Z"));
            }
        }
        DisputeSummary d = adyenDispute(payment);
        assertThat(d.stage()).isEqualTo(DisputeStage.PRE_ARBITRATION);
        assertThat(d.status()).isEqualTo(DisputeStatus.WON);
        assertThat(d.network()).isEqualTo(CardNetwork.MASTERCARD);
        assertThat(d.reasonCategory()).isEqualTo(ReasonCategory.NOT_AS_DESCRIBED);
        assertThat(d.market()).isEqualTo("NL");
    }

    @Test
    void adyenDuplicatesChangeNothing() throws Exception {
        String payment = psp();
        String item = adyen(payment, "ORD-" + uid(), "CHARGEBACK", "2026-11-13T10:00:00+01:00",
                "\"disputeStatus\": \"Undefended\", \"chargebackReasonCode\": \"10.4\", \"chargebackSchemeCode\": \"visa\", \"defensePeriodEndsAt\": \"2026-12-02T10:00:00+01:00\"");
        webhooks.adyen(item, item);
        webhooks.adyen(item);
        awaitProcessed(Provider.ADYEN, adyenKey(item, "CHARGEBACK"));
        DisputeSummary d = adyenDispute(payment);
        assertThat(d.network()).isEqualTo(CardNetwork.VISA);
        assertThat(d.reasonCategory()).isEqualTo(ReasonCategory.FRAUD);
        assertThat(processedCount(d.id())).isEqualTo(1);
        assertThat(disputes.history(d.id())).hasSize(1);
    }

    @Test
    void adyenOutOfOrderTheReversalBeforeTheChargeback() throws Exception {
        String payment = psp();
        String order = "ORD-" + uid();
        String reversed = adyen(payment, order, "CHARGEBACK_REVERSED", "2026-11-20T10:00:00+01:00", "\"disputeStatus\": \"Won\"");
        webhooks.adyen(reversed);
        awaitProcessed(Provider.ADYEN, adyenKey(reversed, "CHARGEBACK_REVERSED"));
        String chargeback = adyen(payment, order, "CHARGEBACK", "2026-11-13T10:00:00+01:00",
                "\"disputeStatus\": \"Undefended\", \"chargebackReasonCode\": \"13.1\", \"chargebackSchemeCode\": \"visa\", \"defensePeriodEndsAt\": \"2026-12-02T10:00:00+01:00\"");
        webhooks.adyen(chargeback);
        awaitProcessed(Provider.ADYEN, adyenKey(chargeback, "CHARGEBACK"));
        DisputeSummary d = adyenDispute(payment);
        assertThat(d.status()).isEqualTo(DisputeStatus.WON);
        assertThat(d.reasonCode()).isEqualTo("13.1");
        assertThat(d.reasonCategory()).isEqualTo(ReasonCategory.NOT_RECEIVED);
        assertThat(disputes.openDisputeFor(payment)).isEmpty();
    }

    // ---------------------------------------------------------------- PayPal

    private static String paypalEvent(String type, String created, String disputeId, String order, String stage,
                                      String status, String outcome) {
        return """
                {"id": "WH-%s", "event_version": "1.0", "create_time": "%s", "resource_type": "dispute",
                 "event_type": "%s", "summary": "Dispute update",
                 "resource": {"dispute_id": "%s", "create_time": "2026-11-20T10:59:00.000Z", "update_time": "%s",
                   "disputed_transactions": [{"seller_transaction_id": "3BC%s", "invoice_number": "%s"}],
                   "reason": "MERCHANDISE_OR_SERVICE_NOT_RECEIVED", "status": "%s",
                   "dispute_amount": {"currency_code": "EUR", "value": "19.99"},
                   %s
                   "seller_response_due_date": "2026-12-01T10:59:00.000Z", "dispute_life_cycle_stage": "%s",
                   "dispute_channel": "INTERNAL"}}"""
                .formatted(uid(), created, type, disputeId, created, disputeId, order, status,
                        outcome == null ? "" : "\"dispute_outcome\": {\"outcome_code\": \"" + outcome + "\"},", stage);
    }

    @Test
    void payPalInOrderFromInquiryToSellerFavour() throws Exception {
        String id = "PP-D-" + uid();
        String order = "ORD-" + uid();
        webhooks.paypal(paypalEvent("CUSTOMER.DISPUTE.CREATED", "2026-11-20T11:00:00.000Z", id, order, "INQUIRY", "WAITING_FOR_SELLER_RESPONSE", null));
        await(() -> paypal(id) != null);
        assertThat(paypal(id).stage()).isEqualTo(DisputeStage.PRE_DISPUTE);
        webhooks.paypal(paypalEvent("CUSTOMER.DISPUTE.UPDATED", "2026-11-22T11:00:00.000Z", id, order, "CHARGEBACK", "UNDER_REVIEW", null));
        await(() -> paypal(id).stage() == DisputeStage.CHARGEBACK);
        webhooks.paypal(paypalEvent("CUSTOMER.DISPUTE.RESOLVED", "2026-11-28T11:00:00.000Z", id, order, "CHARGEBACK", "RESOLVED", "RESOLVED_SELLER_FAVOUR"));
        await(() -> paypal(id).status().isFinal());
        DisputeSummary d = paypal(id);
        assertThat(d.status()).isEqualTo(DisputeStatus.WON);
        assertThat(d.network()).isEqualTo(CardNetwork.PAYPAL);
        assertThat(d.reasonCategory()).isEqualTo(ReasonCategory.NOT_RECEIVED);
        assertThat(d.market()).isEqualTo("FR");
        assertThat(d.amount()).isEqualTo(Money.of(1999, "EUR"));
    }

    @Test
    void payPalDuplicatesAndOutOfOrderDelivery() throws Exception {
        String id = "PP-D-" + uid();
        String order = "ORD-" + uid();
        String resolved = paypalEvent("CUSTOMER.DISPUTE.RESOLVED", "2026-11-28T11:00:00.000Z", id, order, "CHARGEBACK", "RESOLVED", "RESOLVED_BUYER_FAVOUR");
        webhooks.paypal(resolved);
        webhooks.paypal(resolved);
        await(() -> paypal(id) != null && paypal(id).status() == DisputeStatus.LOST);
        webhooks.paypal(paypalEvent("CUSTOMER.DISPUTE.CREATED", "2026-11-20T11:00:00.000Z", id, order, "CHARGEBACK", "WAITING_FOR_SELLER_RESPONSE", null));
        await(() -> disputes.history(paypal(id).id()).size() == 2);
        assertThat(paypal(id).status()).isEqualTo(DisputeStatus.LOST);
        assertThat(processedCount(paypal(id).id())).isEqualTo(2);
    }

    // ---------------------------------------------------------------- Klarna

    private static String klarnaEvent(String eventId, String state, String at, String disputeId, String order,
                                      String extra) {
        return """
                {"metadata": {"event_type": "payment.dispute.state-change.%s", "event_id": "%s", "event_version": "v2",
                   "occurred_at": "%s", "subject_account_id": "krn:partner:global:account:test"},
                 "payload": {"dispute_id": "%s", "payment_transaction_id": "krn:payment:eu1:transaction:%s",
                   "merchant_reference": "%s", "reason": "GOODS_NOT_RECEIVED", "state": "%s",
                   "amount": 25900, "currency": "SEK"%s}}"""
                .formatted(state, eventId, at, disputeId, disputeId, order, state.toUpperCase().replace('-', '_'),
                        extra.isEmpty() ? "" : ", " + extra);
    }

    @Test
    void klarnaInOrderThroughArbitrationWithDuplicates() throws Exception {
        String id = "kd-" + uid();
        String order = "ORD-" + uid();
        String[][] sequence = {
                {"initiated", "2026-11-10T08:00:00Z", "\"expires_at\": \"2026-12-01T08:00:00Z\", \"deadline\": \"2026-12-01T08:00:00Z\""},
                {"representment", "2026-11-15T08:00:00Z", ""},
                {"pre-arbitration", "2026-11-25T08:00:00Z", "\"deadline\": \"2026-12-05T08:00:00Z\""},
                {"arbitration", "2026-11-28T08:00:00Z", ""},
                {"closed", "2026-12-10T08:00:00Z", "\"outcome\": \"WON\""}};
        for (String[] step : sequence) {
            String evt = UUID.randomUUID().toString();
            String body = klarnaEvent(evt, step[0], step[1], id, order, step[2]);
            webhooks.klarna(body);
            webhooks.klarna(body);
            awaitProcessed(Provider.KLARNA, evt);
            if (step[0].equals("pre-arbitration")) {
                assertThat(klarna(id).status()).isEqualTo(DisputeStatus.NEEDS_RESPONSE);
                assertThat(klarna(id).dueAt()).isEqualTo(Instant.parse("2026-12-05T08:00:00Z"));
            }
        }
        DisputeSummary d = klarna(id);
        assertThat(d.stage()).isEqualTo(DisputeStage.ARBITRATION);
        assertThat(d.status()).isEqualTo(DisputeStatus.WON);
        assertThat(d.market()).isEqualTo("SE");
        assertThat(d.amount()).isEqualTo(Money.of(25900, "SEK"));
        assertThat(d.reasonCategory()).isEqualTo(ReasonCategory.NOT_RECEIVED);
        assertThat(disputes.history(d.id())).hasSize(5);
    }

    @Test
    void klarnaOutOfOrderClosedBeforeRepresentment() throws Exception {
        String id = "kd-" + uid();
        String order = "ORD-" + uid();
        String closed = UUID.randomUUID().toString();
        webhooks.klarna(klarnaEvent(closed, "closed", "2026-11-20T08:00:00Z", id, order, "\"outcome\": \"LOST\""));
        awaitProcessed(Provider.KLARNA, closed);
        String initiated = UUID.randomUUID().toString();
        webhooks.klarna(klarnaEvent(initiated, "initiated", "2026-11-10T08:00:00Z", id, order, ""));
        awaitProcessed(Provider.KLARNA, initiated);
        assertThat(klarna(id).status()).isEqualTo(DisputeStatus.LOST);
    }

    // ---------------------------------------------------------------- events published

    @Test
    void aNewDisputePublishesOpenedAndItsOutcomeClosed() {
        String id = "dp_" + uid();
        Instant t = Instant.parse("2026-11-23T09:00:00Z");
        String opened = stripeEvent("evt_" + uid(), "charge.dispute.created", t.getEpochSecond(), id, "ch_" + id, "ORD-x",
                "needs_response", t.getEpochSecond() + 86400 * 10);
        lifecycle.apply(new DisputeNotified(Provider.STRIPE, "stripe-eu", "evt-a-" + id, id, "ch_" + id, null,
                "charge.dispute.created", "needs_response", "fraudulent", Money.of(4999, "EUR"),
                t.plus(Duration.ofDays(10)), t, opened));
        lifecycle.apply(new DisputeNotified(Provider.STRIPE, "stripe-eu", "evt-b-" + id, id, "ch_" + id, null,
                "charge.dispute.closed", "lost", "fraudulent", Money.of(4999, "EUR"), null, t.plusSeconds(60),
                opened.replace("\"needs_response\"", "\"lost\"")));
        assertThat(events.stream(DisputeOpened.class).filter(e -> id.equals(e.paymentRef() == null ? null
                : e.paymentRef().substring(3)))).singleElement().satisfies(e -> {
                    assertThat(e.reasonCategory()).isEqualTo(ReasonCategory.FRAUD);
                    assertThat(e.respondBy()).isBefore(e.dueAt());
                });
        assertThat(events.stream(DisputeClosed.class).filter(e -> ("ch_" + id).equals(e.paymentRef())))
                .singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(DisputeStatus.LOST));
    }

    // ---------------------------------------------------------------- helpers

    private DisputeSummary stripe(String id) {
        return store.find(Provider.STRIPE, "stripe-eu", id).orElseThrow().summary();
    }

    private DisputeSummary adyenDispute(String payment) {
        return store.find(Provider.ADYEN, "adyen-eu", payment).orElseThrow().summary();
    }

    private DisputeSummary paypal(String id) {
        return store.find(Provider.PAYPAL, "paypal-eu", id).map(Dispute::summary).orElse(null);
    }

    private DisputeSummary klarna(String id) {
        return store.find(Provider.KLARNA, "klarna-eu", id).orElseThrow().summary();
    }

    private static String adyenKey(String item, String code) {
        String psp = item.replaceAll("(?s).*\"pspReference\": \"([0-9]+)\".*", "$1");
        return psp + ":" + code + ":true";
    }

    private void awaitProcessed(Provider provider, String key) {
        await(() -> jdbc.sql("select count(*) from disputes_processed_event where provider = ? and event_key = ?")
                .params(provider.name(), key).query(Long.class).single() == 1);
    }

    private long processedCount(UUID dispute) {
        return jdbc.sql("select count(*) from disputes_processed_event where dispute_id = ?").param(dispute)
                .query(Long.class).single();
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .ignoreExceptions().until(condition);
    }

    private static String uid() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /**
     * A 16-digit Adyen PSP reference as Adyen writes them (they begin with 88, a prefix no card scheme
     * issues). Any 16 random digits would now and then be a Luhn-valid card number, which the card-data
     * boundary rightly turns into its masked key.
     */
    private static String psp() {
        return "88" + String.format("%014d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000_000_000L));
    }

}
