package dev.paydesk.disputes.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.paydesk.BrowserTestSupport;
import dev.paydesk.disputes.DisputeCaseLinks;
import dev.paydesk.disputes.DisputeStatus;
import dev.paydesk.disputes.Disputes;
import dev.paydesk.payments.DisputeNotified;
import dev.paydesk.payments.Provider;
import dev.paydesk.platform.Role;
import dev.paydesk.shared.Money;

/**
 * A dispute specialist lands on the dispute cases, filters the dispute desk down to one dispute, follows it to
 * its case and back, and accepts it only after confirming; the desk has no horizontal scroll at 390×844.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DisputeWorkspaceBrowserTests extends BrowserTestSupport {

    @Autowired
    DisputeLifecycle lifecycle;

    @Autowired
    DisputeStore store;

    @Autowired
    Disputes disputes;

    @Autowired
    DisputeCaseLinks caseLinks;

    private String specialist;

    @BeforeEach
    void specialist() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        specialist = newUser(Role.DISPUTE_SPECIALIST, List.of("DE")).getUsername();
    }

    private UUID dispute(String dp) {
        Instant at = Instant.now().minus(Duration.ofDays(1));
        lifecycle.apply(new DisputeNotified(Provider.STRIPE, "stripe-eu", "evt_" + UUID.randomUUID(), dp, "ch_" + dp, null,
                "charge.dispute.created", "needs_response", "product_not_received", Money.of(4_990, "EUR"),
                at.plus(Duration.ofDays(21)), at, "{\"data\": {\"object\": {\"payment_method_details\": {\"card\": "
                        + "{\"brand\": \"mastercard\", \"network_reason_code\": \"4855\"}}}}}"));
        return store.find(Provider.STRIPE, "stripe-eu", dp).orElseThrow().id();
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target", "browser-shots", "workspace-" + name + ".png")));
    }

    @Test
    void aDisputeSpecialistFiltersTheDeskFollowsTheCaseLinkAndAcceptsAfterConfirming() {
        String dp = "dp_" + UUID.randomUUID().toString().substring(0, 10);
        UUID id = dispute(dp);
        dispute("dp_" + UUID.randomUUID().toString().substring(0, 10));
        // the case desk opens a case for the dispute (cases listens to DisputeOpened)
        String[] caseKey = new String[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asSystem(() -> {
            List<DisputeCaseLinks.CaseRef> refs = caseLinks.casesOf(id);
            assertThat(refs).hasSize(1);
            caseKey[0] = refs.getFirst().key();
        }));

        signIn(specialist, "correct-horse-battery");
        page.navigate(url("/cases"));
        assertThat(page.locator(".queue-tabs [aria-current=page]")).containsText("Disputes");
        assertThat(page.locator("#queue-live")).containsText(caseKey[0]);

        page.navigate(url("/disputes"));
        page.locator("select[name=status]").selectOption("NEEDS_RESPONSE");
        page.locator("select[name=provider]").selectOption("STRIPE");
        page.locator("input[name=q]").fill(dp.toUpperCase());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        Locator rows = page.locator("table tbody tr");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText(dp);
        assertThat(rows.first()).containsText("Needs response");
        shot("dispute-desk-filtered");
        rows.first().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(dp).setExact(true)).click();

        Locator caseLink = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Case " + caseKey[0]));
        assertThat(caseLink).isVisible();
        caseLink.click();
        page.waitForURL("**/cases/" + caseKey[0]);
        page.goBack();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept dispute")).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("Accept dispute " + dp + " and book a loss of 49.90 EUR?");
        shot("dispute-accept-confirm");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
        assertThat(disputes.dispute(id).status()).isEqualTo(DisputeStatus.NEEDS_RESPONSE);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept dispute")).click();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept and book the loss")).click();
        assertThat(page.locator("#dispute-status")).hasText("Accepted");
        assertThat(disputes.dispute(id).status()).isEqualTo(DisputeStatus.ACCEPTED);

        page.setViewportSize(390, 844);
        for (String path : List.of("/disputes", "/disputes/" + id, "/cases")) {
            page.navigate(url(path));
            assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("page wider than the screen at " + path).isTrue();
        }
        shot("cases-phone");
    }
}
