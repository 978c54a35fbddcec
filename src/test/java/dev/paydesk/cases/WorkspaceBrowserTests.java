package dev.paydesk.cases;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.paydesk.BrowserTestSupport;
import dev.paydesk.platform.Role;

/**
 * The queue-first workspace in the browser: an agent's bell shows an assignment and opens the case, the queue
 * refreshes itself without losing what is typed in its search box, no horizontal scroll at 390×844; a lead edits
 * an SLA policy, an SOP, a macro and a routing rule and sees a new case routed by the edited rule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkspaceBrowserTests extends BrowserTestSupport {

    @Autowired
    CaseDesk desk;

    @Autowired
    CaseNotifications notifications;

    @Autowired
    CaseSettings settings;

    @Autowired
    CaseWorkbench workbench;

    @Autowired
    CaseSettingsCatalog catalog;

    @BeforeEach
    void market() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
    }

    private CaseSummary open(String subject, @org.jspecify.annotations.Nullable String category) {
        List<CaseSummary> out = new ArrayList<>();
        asSystem(() -> out.add(desk.open(NewCase.builder(subject, "DE", CaseSource.API).language("en").category(category)
                .build()).summary()));
        return out.getFirst();
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target", "browser-shots", "workspace-" + name + ".png")));
    }

    private void noHorizontalScroll() {
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("page wider than the screen at " + page.url()).isTrue();
    }

    @Test
    void anAgentsBellShowsAnAssignmentAndOpensTheCase() {
        String agent = newUser(Role.AGENT, List.of("DE")).getUsername();
        CaseSummary c = open("Payout missing " + UUID.randomUUID().toString().substring(0, 6), null);
        asSystem(() -> desk.assign(c.id(), c.queue(), agent));
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications.unreadCount(agent) == 1);

        signIn(agent, "correct-horse-battery");
        page.navigate(url("/cases"));
        assertThat(page.locator(".queue-tabs [aria-current=page]")).containsText("Mine");
        assertThat(page.locator("summary .bell-count")).hasText("1");
        shot("queue");
        page.locator("details.bell > summary").click();
        Locator drawer = page.locator(".bell-drawer");
        assertThat(drawer).containsText("Assigned to you");
        assertThat(seriousAxeViolations(page)).as("axe on /cases with the drawer open").isEmpty();
        shot("bell");
        drawer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile(c.key()))).click();
        page.waitForURL("**/cases/" + c.key());
        assertThat(page.locator("h1")).containsText(c.key());
        assertThat(page.locator("summary .bell-count")).hasCount(0);

        page.setViewportSize(390, 844);
        page.navigate(url("/cases"));
        noHorizontalScroll();
        page.locator("details.bell > summary").click();
        assertThat(page.locator(".bell-drawer")).containsText(c.key());
        noHorizontalScroll();
        assertThat(seriousAxeViolations(page)).as("axe on /cases at 390 px").isEmpty();
        shot("queue-phone");
        page.navigate(url("/cases/notifications?lang=de"));
        assertThat(page.locator("h1")).hasText("Benachrichtigungen");
        noHorizontalScroll();
        assertThat(seriousAxeViolations(page)).as("axe on /cases/notifications").isEmpty();
    }

    @Test
    void theQueueRefreshesItselfAndKeepsWhatIsTyped() {
        String agent = newUser(Role.AGENT, List.of("DE")).getUsername();
        CaseSummary first = open("First for refresh", null);
        asSystem(() -> desk.assign(first.id(), first.queue(), agent));
        signIn(agent, "correct-horse-battery");
        page.navigate(url("/cases?view=mine"));
        assertThat(page.locator("#queue-live")).containsText(first.key());
        Locator search = page.locator("input[name=q]");
        search.click();
        search.pressSequentially("half-typed");

        CaseSummary second = open("Second for refresh", null);
        asSystem(() -> desk.assign(second.id(), second.queue(), agent));
        assertThat(page.locator("#queue-live")).containsText(second.key(),
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(45_000));
        assertThat(search).hasValue("half-typed");
        assertThat(search).isFocused();
        assertThat(page.locator(".queue-tabs [aria-current=page] .count")).hasText("2");
    }

    /** The lead's settings flow in one language: the buttons, link names and saved-messages the lead sees. */
    private record LeadUi(String lang, String save, String publish, String policySaved, String sopPublished,
                          String macroSaved, String editRule, String ruleSaved) {
    }

    @Test
    void aLeadEditsAPolicyAnSopAMacroAndARoutingRuleAndANewCaseFollowsTheRule() {
        leadEditsSettings(new LeadUi("en", "Save", "Publish new version", "SLA policy \"Lead %s\" saved",
                "SOP \"Refund check\" published as version 2.", "Macro %s (en) saved.", "Edit rule 44 to refunds",
                "Routing rule saved."));
    }

    @Test
    void aLeadEditsTheSameSettingsInGerman() {
        leadEditsSettings(new LeadUi("de", "Speichern", "Neue Version veröffentlichen", "SLA-Richtlinie „Lead %s“ gespeichert",
                "SOP „Refund check“ als Version 2 veröffentlicht.", "Textbaustein %s (en) gespeichert.",
                "Regel 44 nach refunds bearbeiten", "Routing-Regel gespeichert."));
    }

    private void leadEditsSettings(LeadUi ui) {
        String category = "ws-" + UUID.randomUUID().toString().substring(0, 8);
        String macro = "m-" + category;
        asSystem(() -> {
            settings.savePolicy(new CaseSettings.SlaPolicy(0, "Lead " + category, category, null, null, 60, 120, 480, 30,
                    Set.of(WaitingReason.CUSTOMER), null));
            workbench.publishSop(category, null, "Refund check", List.of("Look up the refund"));
            workbench.saveMacro(new CaseWorkbench.Macro(macro, "en", "Refund on its way", "Your refund is on its way."));
            settings.addRoutingRule(new CaseSettings.RoutingRule(0, 44, category, null, null, null, null, null, "refunds", null));
        });
        String lead = newUser(Role.PROCESS_MANAGER, List.of()).getUsername();
        signIn(lead, "correct-horse-battery");

        page.navigate(url("/cases/settings/policies?lang=" + ui.lang()));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lead " + category)).click();
        page.locator("input[name=firstResponseMinutes]").fill("75");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(ui.save())).click();
        assertThat(page.getByText(ui.policySaved().formatted(category))).isVisible();
        assertThat(page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(category))).containsText("75");

        page.navigate(url("/cases/settings/sops"));
        page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(category)).getByRole(AriaRole.LINK).click();
        page.locator("textarea[name=steps]").fill("Look up the refund\nCheck the bank statement");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(ui.publish())).click();
        assertThat(page.getByText(ui.sopPublished())).isVisible();

        page.navigate(url("/cases/settings/macros"));
        page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(macro)).getByRole(AriaRole.LINK).click();
        page.locator("textarea[name=body]").fill("Your refund of {{order.refunded}} is on its way.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(ui.save())).click();
        assertThat(page.getByText(ui.macroSaved().formatted(macro))).isVisible();

        page.navigate(url("/cases/settings/rules"));
        page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(category))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(ui.editRule())).click();
        page.locator("select[name=queue]").selectOption("payments");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(ui.save())).click();
        assertThat(page.getByText(ui.ruleSaved())).isVisible();
        shot("lead-rules-" + ui.lang());

        // the effect: a new case of the category goes to the queue the edited rule names, with the new SOP version
        CaseSummary routed = open("Refund for " + category, category);
        page.navigate(url("/cases?view=all&q=" + routed.key()));
        Locator row = page.locator("#queue-live tbody tr").filter(new Locator.FilterOptions().setHasText(routed.key()));
        assertThat(row).containsText("payments");
        assertThat(catalog.macro(macro, "en")).hasValueSatisfying(m -> assertThat(m.body()).contains("{{order.refunded}}"));
        asSystem(() -> assertThat(workbench.sop(routed)).hasValueSatisfying(s -> assertThat(s.steps()).hasSize(2)));
        assertThat(settings.policies()).filteredOn(p -> category.equals(p.category())).singleElement()
                .satisfies(p -> assertThat(p.firstResponseMinutes()).isEqualTo(75));
        shot("lead-effect-" + ui.lang());
    }
}
