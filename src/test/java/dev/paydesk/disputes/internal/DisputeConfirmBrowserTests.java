package dev.paydesk.disputes.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.paydesk.BrowserTestSupport;
import dev.paydesk.disputes.DisputeStatus;
import dev.paydesk.disputes.Disputes;
import dev.paydesk.payments.DisputeNotified;
import dev.paydesk.payments.Provider;
import dev.paydesk.platform.Role;
import dev.paydesk.shared.Money;

/** A dispute specialist submits evidence and accepts a dispute, each only after a dialog that says what will happen. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DisputeConfirmBrowserTests extends BrowserTestSupport {

    @Autowired
    DisputeLifecycle lifecycle;

    @Autowired
    DisputeStore store;

    @Autowired
    Disputes disputes;

    private String specialist;

    @BeforeEach
    void specialist() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        specialist = newUser(Role.DISPUTE_SPECIALIST, List.of("DE")).getUsername();
    }

    /** A Stripe dispute of 49.90 EUR in market DE (account stripe-eu), its response window long over. */
    private UUID overdueDispute() {
        String dp = "dp_" + UUID.randomUUID().toString().substring(0, 10);
        Instant at = Instant.now().minus(Duration.ofDays(20));
        lifecycle.apply(new DisputeNotified(Provider.STRIPE, "stripe-eu", "evt_" + UUID.randomUUID(), dp, "ch_" + dp, null,
                "charge.dispute.created", "needs_response", "product_not_received", Money.of(4_990, "EUR"),
                at.plus(Duration.ofDays(12)), at, "{\"data\": {\"object\": {\"payment_method_details\": {\"card\": "
                        + "{\"brand\": \"mastercard\", \"network_reason_code\": \"4855\"}}}}}"));
        return store.find(Provider.STRIPE, "stripe-eu", dp).orElseThrow().id();
    }

    @Test
    void acceptingNamesTheDisputeAndTheLossAndHappensOnlyAfterConfirming() {
        UUID id = overdueDispute();
        String dp = disputes.dispute(id).providerDisputeId();
        signIn(specialist, "correct-horse-battery");
        page.navigate(url("/disputes/" + id));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept dispute")).click();
        var dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).isVisible();
        assertThat(dialog).containsText("Accept dispute " + dp + " and book a loss of 49.90 EUR?");
        assertThat(dialog).containsText("This is final");
        dialog.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Cancel")).click();
        assertThat(dialog).isHidden();
        assertThat(disputes.dispute(id).status()).isEqualTo(DisputeStatus.NEEDS_RESPONSE);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept dispute")).click();
        dialog.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Accept and book the loss")).click();
        assertThat(page.getByText("Dispute accepted; the loss is booked.")).isVisible();
        assertThat(disputes.dispute(id).status()).isEqualTo(DisputeStatus.ACCEPTED);
    }

    @Test
    void afterSubmittingEvidenceThePageNeitherSaysOverdueNorOffersAccept() {
        UUID id = overdueDispute();
        signIn(specialist, "correct-horse-battery");
        page.navigate(url("/disputes/" + id));
        assertThat(page.locator(".badge-danger")).containsText("overdue");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit evidence")).click();
        var dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("cannot be changed or withdrawn");
        dialog.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Submit evidence")).click();

        assertThat(page.locator(".alert-success")).containsText("Evidence submitted via");
        assertThat(disputes.dispute(id).status()).isEqualTo(DisputeStatus.UNDER_REVIEW);
        assertThat(page.locator("#under-review")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept dispute"))).hasCount(0);
        assertThat(page.locator("main")).not().containsText("overdue");
    }

    @Test
    void aGermanSpecialistSeesTheLossAsGermansWriteIt() {
        UUID id = overdueDispute();
        signIn(specialist, "correct-horse-battery");
        page.setExtraHTTPHeaders(java.util.Map.of("Accept-Language", "de-DE,de;q=0.9"));
        page.navigate(url("/disputes/" + id));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rückbuchung annehmen")).click();
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText("einen Verlust von 49,90 EUR buchen?");
    }
}
