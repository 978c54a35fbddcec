package dev.paydesk.disputes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.disputes.DisputeStatus;
import dev.paydesk.disputes.DisputeSummary;
import dev.paydesk.disputes.Disputes;
import dev.paydesk.disputes.Evidence;
import dev.paydesk.disputes.EvidenceItem;
import dev.paydesk.disputes.EvidencePack;
import dev.paydesk.disputes.ReasonCategory;
import dev.paydesk.disputes.ReasonCode;
import dev.paydesk.disputes.ReasonCodes;
import dev.paydesk.disputes.Recommendation;
import dev.paydesk.disputes.Recommendations;
import dev.paydesk.payments.DisputeNotified;
import dev.paydesk.payments.Provider;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.Money;

/** Evidence pack from the payments mirror and the merchant, its PDF, submission, and the learning recommendation. */
@SpringBootTest
@AutoConfigureMockMvc
class EvidenceAndRecommendationTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    Disputes disputes;

    @Autowired
    Evidence evidence;

    @Autowired
    Recommendations recommendations;

    @Autowired
    ReasonCodes catalogue;

    @Autowired
    DisputeLifecycle lifecycle;

    @Autowired
    DisputeStore store;

    @BeforeEach
    void markets() {
        ensureMarket("NL", "EUR", "Europe/Amsterdam", "nl");
    }

    @Test
    void theCatalogueCarriesTheNetworksCodesWithCategoriesAndWindows() {
        // Visa Core Rules: 10.4 card-absent fraud; Mastercard Chargeback Guide: 4837 no cardholder authorisation,
        // 4841 cancelled recurring, 4853 cardholder dispute; Amex C08 goods not received; Discover UA02 CNP fraud
        assertThat(catalogue.find("VISA", "10.4")).get().satisfies(r -> {
            assertThat(r.category()).isEqualTo(ReasonCategory.FRAUD);
            assertThat(r.responseDays()).isEqualTo(30);
            assertThat(r.evidence()).contains(EvidenceItem.PRIOR_UNDISPUTED_TRANSACTIONS);
        });
        assertThat(catalogue.find("MASTERCARD", "4837").map(ReasonCode::category)).contains(ReasonCategory.FRAUD);
        assertThat(catalogue.find("MASTERCARD", "4841").map(ReasonCode::category)).contains(ReasonCategory.CANCELLED_RECURRING);
        assertThat(catalogue.find("MASTERCARD", "4853").map(ReasonCode::category)).contains(ReasonCategory.NOT_AS_DESCRIBED);
        assertThat(catalogue.find("AMEX", "C08").map(ReasonCode::category)).contains(ReasonCategory.NOT_RECEIVED);
        assertThat(catalogue.find("DISCOVER", "UA02").map(ReasonCode::category)).contains(ReasonCategory.FRAUD);
        assertThat(catalogue.find("PAYPAL", "UNAUTHORISED").map(ReasonCode::category)).contains(ReasonCategory.FRAUD);
        assertThat(catalogue.find("KLARNA", "unauthorized_purchase").map(ReasonCode::responseDays)).contains(7);
        for (String mc : new String[] {"4808", "4834", "4863", "4870", "4871"}) {
            assertThat(catalogue.find("MASTERCARD", mc)).as(mc).isPresent();
        }
        assertThat(catalogue.all()).filteredOn(r -> r.version() == 0).hasSizeGreaterThan(100).allSatisfy(r -> {
            assertThat(r.source()).isNotBlank();
            assertThat(r.evidence()).isNotEmpty();
        });
    }

    @Test
    void thePackCombinesThePaymentsMirrorWithTheMerchantsEvidenceAndThePdfSaysSo() throws Exception {
        String customer = "shopper-" + uid();
        String order = "ORD-" + uid();
        SignedWebhooks webhooks = new SignedWebhooks(mvc);
        String shopper = "\"shopperReference\": \"" + customer + "\"";
        for (int i = 0; i < 2; i++) {
            webhooks.adyen(SignedWebhooks.adyenItem(psp(), "", "ORD-prior-" + i + "-" + uid(), 3000 + i, "CAPTURE",
                    "2026-0" + (6 + i) + "-10T10:00:00+02:00", shopper));
        }
        String payment = psp();
        webhooks.adyen(SignedWebhooks.adyenItem(payment, "", order, 12900, "CAPTURE", "2026-11-01T10:00:00+01:00", shopper));
        webhooks.adyen(SignedWebhooks.adyenItem(psp(), payment, order, 12900, "CHARGEBACK", "2026-11-12T10:00:00+01:00",
                "\"disputeStatus\": \"Undefended\", \"chargebackReasonCode\": \"13.1\", \"chargebackSchemeCode\": \"visa\", "
                        + "\"defensePeriodEndsAt\": \"2026-12-02T10:00:00+01:00\""));
        DisputeSummary d = awaitDispute(Provider.ADYEN, "adyen-eu", payment);
        assertThat(d.customerReference()).isEqualTo(customer);
        assertThat(disputes.openDisputeFor(order)).map(DisputeSummary::id).contains(d.id());

        EvidencePack before = evidence.pack(d.id());
        assertThat(before.reason().category()).isEqualTo(ReasonCategory.NOT_RECEIVED);
        assertThat(before.checklist()).extracting(Evidence.ChecklistItem::item).containsExactly(EvidenceItem.RECEIPT,
                EvidenceItem.SHIPPING_DOCUMENTATION, EvidenceItem.PROOF_OF_DELIVERY, EvidenceItem.SERVICE_DOCUMENTATION,
                EvidenceItem.CUSTOMER_COMMUNICATION);
        assertThat(before.missing()).containsExactly(EvidenceItem.SHIPPING_DOCUMENTATION, EvidenceItem.PROOF_OF_DELIVERY,
                EvidenceItem.SERVICE_DOCUMENTATION, EvidenceItem.CUSTOMER_COMMUNICATION);
        assertThat(before.priorPayments()).hasSize(2);
        assertThat(before.completeness()).isCloseTo(1 / 5.0, within(1e-9));

        evidence.addShipment(d.id(), new Evidence.Shipment("DHL", "00340434161234567890", LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 11, 4), "signed for by the customer"));
        evidence.addNote(d.id(), EvidenceItem.CUSTOMER_COMMUNICATION, "Customer wrote on 5 Nov: parcel arrived, thanks!",
                "chat.txt", "text/plain", "chat log".getBytes(StandardCharsets.UTF_8));
        EvidencePack after = evidence.pack(d.id());
        assertThat(after.missing()).containsExactly(EvidenceItem.SERVICE_DOCUMENTATION);
        assertThat(after.completeness()).isCloseTo(4 / 5.0, within(1e-9));
        assertThat(after.fields()).containsEntry("shipping_tracking_number", "00340434161234567890")
                .containsEntry("shipping_carrier", "DHL").containsKey("prior_undisputed_transactions");

        String text;
        try (PDDocument pdf = Loader.loadPDF(evidence.pdf(d.id()))) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertThat(text).contains("Dispute evidence: " + payment, "13.1", "Merchandise/Services Not Received",
                "129.00 EUR", order, customer, "00340434161234567890", "delivered 2026-11-04",
                "Missing: Service or digital delivery documentation", "80% complete", "parcel arrived", "CAPTURE",
                "CHARGEBACK");

        Evidence.Submission submission = evidence.submit(d.id());
        assertThat(submission.adapter()).isEqualTo("manual");
        assertThat(submission.accepted()).isTrue();
        assertThat(disputes.dispute(d.id()).status()).isEqualTo(DisputeStatus.UNDER_REVIEW);
        assertThat(evidence.submissions(d.id())).hasSize(1);
        assertThatThrownBy(() -> evidence.submit(d.id())).isInstanceOf(ConflictException.class);
        assertThat(disputes.history(d.id())).extracting(h -> h.kind()).contains("OPENED", "EVIDENCE_ADDED", "EVIDENCE_SUBMITTED");
    }

    @Test
    void theRecommendationLearnsFromTheMerchantsOwnOutcomes() {
        String account = "learning-" + uid();
        UUID open = notify(account, "needs_response", 0);
        Recommendation first = recommendations.recommend(open);
        assertThat(first.category()).isEqualTo(ReasonCategory.FRAUD);
        assertThat(first.wins()).isZero();
        // seeded prior for fraud: Beta(3, 7) → mean 0.3
        assertThat(first.posteriorMean()).isCloseTo(0.3, within(1e-9));
        for (int i = 0; i < 4; i++) {
            notify(account, "won", i + 1);
        }
        Recommendation afterWins = recommendations.recommend(open);
        // Beta(3 + 4, 7 + 0): 7 / 14 = 0.5
        assertThat(afterWins.wins()).isEqualTo(4);
        assertThat(afterWins.posteriorMean()).isCloseTo(0.5, within(1e-9));
        for (int i = 0; i < 4; i++) {
            notify(account, "lost", i + 10);
        }
        Recommendation afterLosses = recommendations.recommend(open);
        // Beta(3 + 4, 7 + 4): 7 / 18
        assertThat(afterLosses.losses()).isEqualTo(4);
        assertThat(afterLosses.posteriorMean()).isCloseTo(7 / 18.0, within(1e-9));
        assertThat(afterLosses.pWin()).isLessThan(afterWins.pWin());
    }

    @Test
    void acceptingClosesTheDisputeOnceAndFreesThePayment() {
        UUID id = notify("accepting-" + uid(), "needs_response", 0);
        DisputeSummary d = disputes.dispute(id);
        assertThat(disputes.openDisputeFor(d.paymentReference())).isPresent();
        assertThat(disputes.accept(id, "customer is right").status()).isEqualTo(DisputeStatus.ACCEPTED);
        assertThat(disputes.openDisputeFor(d.paymentReference())).isEmpty();
        assertThatThrownBy(() -> disputes.accept(id, null)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> evidence.addNote(id, EvidenceItem.UNCATEGORIZED, "late", null, null, null))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aFirstNotificationWithNanosecondsIsNotOlderThanItself() {
        String dp = "dp_" + uid();
        Instant at = Instant.parse("2026-11-20T10:00:00.123456789Z");
        lifecycle.apply(new DisputeNotified(Provider.PAYPAL, "paypal-eu", "WH-" + uid(), dp, null, null, "CHARGEBACK",
                "UNDER_REVIEW", "UNAUTHORISED", Money.of(1_000, "EUR"), at.plus(Duration.ofDays(10)), at, "{}"));
        assertThat(store.find(Provider.PAYPAL, "paypal-eu", dp).orElseThrow().status()).isEqualTo(DisputeStatus.UNDER_REVIEW);
    }

    /** A Stripe-shaped Visa 10.4 dispute of its own on the given account with the given status. */
    private UUID notify(String account, String status, int minutes) {
        String dp = "dp_" + uid();
        Instant at = Instant.parse("2026-11-20T10:00:00Z").plus(Duration.ofMinutes(minutes));
        String payload = """
                {"id": "evt_%s", "type": "charge.dispute.created", "data": {"object": {"id": "%s", "status": "%s",
                 "payment_method_details": {"card": {"brand": "visa", "network_reason_code": "10.4"}}}}}"""
                .formatted(uid(), dp, status);
        lifecycle.apply(new DisputeNotified(Provider.STRIPE, account, "evt_" + uid(), dp, "ch_" + dp, null,
                "charge.dispute.created", status, "fraudulent", Money.of(10_000, "EUR"), at.plus(Duration.ofDays(14)),
                at, payload));
        return store.find(Provider.STRIPE, account, dp).orElseThrow().id();
    }

    private DisputeSummary awaitDispute(Provider provider, String account, String id) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> store.find(provider, account, id).isPresent());
        return store.find(provider, account, id).orElseThrow().summary();
    }

    private static String uid() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** An Adyen PSP reference as Adyen writes them: 16 digits beginning with 88 (no card scheme's prefix). */
    private static String psp() {
        return "88" + String.format("%014d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000_000_000L));
    }
}
