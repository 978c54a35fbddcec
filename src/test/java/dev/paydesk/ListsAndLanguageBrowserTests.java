package dev.paydesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import dev.paydesk.payments.DisputeNotified;
import dev.paydesk.payments.Provider;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.UserService;
import dev.paydesk.shared.Money;

/**
 * Issue 19: every page outside the case desk, for one user per role, at 1440×900 and at phone width
 * 390×844 — no horizontal overflow, no console error, no serious or critical axe-core violation — and
 * the lists and the language switch in use. One server boot and one browser for all of it; screenshots
 * go to {@code target/browser-shots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ListsAndLanguageBrowserTests extends BrowserTestSupport {

    private static final String PASSWORD = "correct-horse-battery";
    private static final List<int[]> VIEWPORTS = List.of(new int[] {1440, 900}, new int[] {390, 844});
    /** Pages no navigation entry leads to, visited by everyone who may. */
    private static final List<String> EXTRA = List.of("/account/password", "/markets/DE");

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    dev.paydesk.disputes.Disputes disputes;

    private static boolean seeded;

    @BeforeEach
    void data() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        if (!seeded) {
            seeded = true;
            Instant at = Instant.now().minus(Duration.ofDays(1));
            for (int i = 0; i < 3; i++) {
                String id = "dp_lists" + i + UUID.randomUUID().toString().substring(0, 6);
                transactions.executeWithoutResult(s -> events.publishEvent(new DisputeNotified(Provider.STRIPE, "stripe-eu",
                        "evt_" + UUID.randomUUID(), id, "ch_" + id, "ORD-" + id, "charge.dispute.created", "needs_response",
                        "product_not_received", Money.of(4_990, "EUR"), at.plus(Duration.ofDays(9)), at, "{}")));
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> disputes.list(
                    new dev.paydesk.disputes.Disputes.Filter(null, false, null, null, null, 5000)).stream()
                    .filter(d -> d.providerDisputeId().startsWith("dp_lists")).count() >= 3);
        }
    }

    @Test
    void everyPageOfEveryRoleFitsPhoneAndDesktopWithoutConsoleErrorsOrSeriousAxeViolations() {
        List<String> problems = new ArrayList<>();
        for (Role role : Role.values()) {
            String name = unique(role.name().toLowerCase());
            asSystem(() -> users.create(new UserService.UserSpec(name, "Tess " + role.label(), null, List.of(role.name()),
                    List.of(), true), PASSWORD, false));
            signIn(name, PASSWORD);
            Set<String> paths = new LinkedHashSet<>(page.locator(".sidebar nav a").all().stream()
                    .map(a -> a.getAttribute("href")).filter(h -> h != null && !h.startsWith("/cases")
                            && !h.startsWith("/swagger")).toList());
            paths.addAll(EXTRA);
            if (paths.contains("/disputes")) {
                paths.add("/disputes?sort=bogus&page=x&lang=de");
                paths.add("/disputes?lang=en");
            }
            for (String path : paths) {
                for (int[] size : VIEWPORTS) {
                    problems.addAll(check(role, path, size[0], size[1]));
                }
            }
            page.context().clearCookies();
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aDisputeSpecialistSortsFiltersAndPagesTheDeskInGerman() {
        String name = unique("disputes");
        asSystem(() -> users.create(new UserService.UserSpec(name, "Dora Dispute", null, List.of("DISPUTE_SPECIALIST"),
                List.of(), true), PASSWORD, false));
        signIn(name, PASSWORD);
        page.navigate(url("/disputes?lang=de"));
        assertThat(page.locator("h1").textContent()).isEqualTo("Dispute-Desk");
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("de");
        // the choice sticks (cookie) on the next page without the parameter
        page.navigate(url("/disputes?provider=stripe&size=25&sort=amount&dir=desc&q=DP_LISTS"));
        assertThat(page.locator("h1").textContent()).isEqualTo("Dispute-Desk");
        assertThat(page.locator("tbody tr td:nth-child(3) a").count()).isGreaterThanOrEqualTo(3);
        assertThat(page.locator("tbody").textContent()).contains("49,90 EUR").contains("Antwort nötig");
        assertThat(page.locator("th[aria-sort=descending]").textContent()).contains("Betrag");
        page.navigate(url("/disputes?size=1&q=dp_lists"));
        assertThat(page.locator("tbody tr").count()).isEqualTo(1);
        page.locator("a[rel=next]").click();
        assertThat(page.url()).contains("page=1");
        page.locator("a[rel=prev]").click();
        assertThat(page.url()).doesNotContain("page=");
        page.navigate(url("/disputes?sort=amount;drop%20table&lang=en"));
        assertThat(page.locator("[role=status].alert").textContent()).contains("cannot be sorted");
    }

    private List<String> check(Role role, String path, int width, int height) {
        List<String> found = new ArrayList<>();
        BrowserContext ctx = page.context();
        Page p = ctx.newPage();
        try {
            p.setViewportSize(width, height);
            List<String> console = new ArrayList<>();
            p.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    console.add(m.text());
                }
            });
            p.onPageError(e -> console.add(e));
            var response = p.navigate(url(path));
            String where = role + " " + path + " @" + width + ": ";
            if (response == null || response.status() >= 400) {
                found.add(where + "HTTP " + (response == null ? "none" : response.status()));
                return found;
            }
            Object overflow = p.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            if (((Number) overflow).intValue() > 0) {
                found.add(where + "overflows by " + overflow + " px");
            }
            seriousAxeViolations(p).forEach(v -> found.add(where + "axe " + v));
            console.forEach(c -> found.add(where + "console: " + c));
            p.screenshot(new Page.ScreenshotOptions().setFullPage(width > 400)
                    .setPath(Path.of("target", "browser-shots", "lists-" + role.name().toLowerCase() + "-"
                            + path.replaceAll("[^A-Za-z0-9]+", "_") + "-" + width + ".png")));
        } finally {
            p.close();
        }
        return found;
    }
}
