package dev.paydesk.disputes.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.paydesk.BrowserTestSupport;
import dev.paydesk.disputes.DisputeStatus;
import dev.paydesk.disputes.Disputes;
import dev.paydesk.disputes.Evidence;
import dev.paydesk.payments.DisputeNotified;
import dev.paydesk.payments.Provider;
import dev.paydesk.platform.internal.UserService;
import dev.paydesk.shared.Money;

/**
 * A dispute specialist answers a chargeback end to end in the browser: finds it on the desk, adds the
 * shipment and a customer message, opens the PDF, submits the evidence; the dispute then waits for review.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DisputeDeskBrowserTests extends BrowserTestSupport {

    @Autowired
    DisputeLifecycle lifecycle;

    @Autowired
    DisputeStore store;

    @Autowired
    Disputes disputes;

    @Autowired
    Evidence evidence;

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    private String specialist;
    private String disputeId;

    @BeforeEach
    void data() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        specialist = unique("disputes");
        asSystem(() -> users.create(new UserService.UserSpec(specialist, "Dora Dispute", null, List.of("DISPUTE_SPECIALIST"),
                List.of("DE"), false), "correct-horse-battery", false));
        disputeId = "dp_browser" + UUID.randomUUID().toString().substring(0, 8);
        Instant at = Instant.now().minus(Duration.ofDays(2));
        lifecycle.apply(new DisputeNotified(Provider.STRIPE, "stripe-eu", "evt_" + UUID.randomUUID(), disputeId,
                "ch_" + disputeId, "ORD-" + disputeId, "charge.dispute.created", "needs_response", "product_not_received",
                Money.of(8_900, "EUR"), at.plus(Duration.ofDays(9)), at,
                "{\"data\": {\"object\": {\"payment_method_details\": {\"card\": {\"brand\": \"visa\", \"network_reason_code\": \"13.1\"}}}}}"));
    }

    @Test
    void aSpecialistAnswersADisputeEndToEnd() {
        signIn(specialist, "correct-horse-battery");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dispute desk")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dispute desk"))).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(disputeId).setExact(true)).click();

        assertThat(page.locator("#dispute-status")).hasText("Needs response");
        assertThat(page.getByText("Merchandise/Services Not Received").first()).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("Evidence checklist"))))
                .isVisible();

        page.getByLabel("Carrier", EXACT).fill("DHL");
        page.getByLabel("Tracking number", EXACT).fill("00340434161234567890");
        page.getByLabel("Shipped on", EXACT).fill("2026-11-02");
        page.getByLabel("Delivered on", EXACT).fill("2026-11-04");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add shipment")).click();
        assertThat(page.getByText("Shipment added.")).isVisible();

        page.locator("select[name=item]").selectOption("CUSTOMER_COMMUNICATION");
        page.getByLabel("Text", EXACT).fill("Customer confirmed delivery by e-mail on 5 November.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add evidence")).click();
        assertThat(page.getByText("Evidence added.")).isVisible();
        assertThat(page.getByText("Customer confirmed delivery by e-mail").first()).isVisible();

        String pdfHref = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Evidence PDF")).getAttribute("href");
        var pdf = page.request().get(url(pdfHref));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit evidence")).click();
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Submit evidence")).click();
        assertThat(page.getByText(Pattern.compile("Evidence submitted via"))).isVisible();
        assertThat(page.locator("#dispute-status")).hasText("Under review");
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("Evidence submitted").setExact(true))).isVisible();

        var id = store.find(Provider.STRIPE, "stripe-eu", disputeId).orElseThrow().id();
        assertThat(disputes.dispute(id).status()).isEqualTo(DisputeStatus.UNDER_REVIEW);
        assertThat(evidence.pack(id).fields()).containsEntry("shipping_tracking_number", "00340434161234567890");
        assertThat(evidence.submissions(id)).singleElement().satisfies(s -> assertThat(s.submittedBy()).isEqualTo(specialist));
    }
}
