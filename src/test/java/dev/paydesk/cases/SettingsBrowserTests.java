package dev.paydesk.cases;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.paydesk.BrowserTestSupport;
import dev.paydesk.platform.Role;

/** A team lead edits an SLA policy, an SOP, a macro and a routing rule in the browser; a German lead types 49,90. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SettingsBrowserTests extends BrowserTestSupport {

    @Autowired
    CaseSettings settings;

    @Autowired
    CaseWorkbench workbench;

    @Autowired
    CaseSettingsCatalog catalog;

    private String lead;
    private String category;

    @BeforeEach
    void lead() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        lead = newUser(Role.PROCESS_MANAGER, List.of()).getUsername();
        category = "cat-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void open(String navLabel) {
        page.navigate(url("/cases/settings"));
        page.locator("nav.settings-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(navLabel).setExact(true)).click();
    }

    private Locator row(String text) {
        return page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(text));
    }

    @Test
    void aLeadEditsAPolicyAnSopAMacroAndARoutingRule() {
        String macroCode = "m-" + category;
        asSystem(() -> {
            settings.savePolicy(new CaseSettings.SlaPolicy(0, "Lead " + category, category, null, null, 60, 120, 480, 30,
                    Set.of(WaitingReason.CUSTOMER), null));
            workbench.publishSop(category, null, "Refund check", List.of("Look up the refund"));
            workbench.saveMacro(new CaseWorkbench.Macro(macroCode, "en", "Refund on its way", "Your refund is on its way."));
            settings.addRoutingRule(new CaseSettings.RoutingRule(0, 42, category, null, null, null, null, null, "refunds", null));
        });
        signIn(lead, "correct-horse-battery");

        open("SLA policies");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lead " + category)).click();
        assertThat(page.locator("input[name=name]")).hasValue("Lead " + category);
        page.locator("input[name=firstResponseMinutes]").fill("75");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByText("SLA policy \"Lead " + category + "\" saved")).isVisible();
        assertThat(settings.policies()).filteredOn(p -> category.equals(p.category())).singleElement()
                .satisfies(p -> assertThat(p.firstResponseMinutes()).isEqualTo(75));

        open("SOPs");
        row(category).getByRole(AriaRole.LINK).click();
        assertThat(page.locator("#sop-view")).containsText("Look up the refund");
        page.locator("textarea[name=steps]").fill("Look up the refund\nCheck the bank statement");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish new version")).click();
        assertThat(page.getByText("SOP \"Refund check\" published as version 2.")).isVisible();
        assertThat(catalog.latestSop(category, null)).hasValueSatisfying(s -> assertThat(s.steps()).hasSize(2));

        open("Macros");
        row(macroCode).getByRole(AriaRole.LINK).click();
        page.locator("textarea[name=body]").fill("Your refund of {{order.refunded}} is on its way.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByText("Macro " + macroCode + " (en) saved.")).isVisible();
        assertThat(catalog.macro(macroCode, "en")).hasValueSatisfying(m -> assertThat(m.body()).contains("{{order.refunded}}"));

        open("Routing rules");
        row(category).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit rule 42 to refunds")).click();
        page.locator("select[name=queue]").selectOption("payments");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByText("Routing rule saved.")).isVisible();
        assertThat(row(category)).containsText("payments");

        row(category).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText("Delete the routing rule at position 42");
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, go ahead")).click();
        assertThat(page.getByText("Routing rule deleted.")).isVisible();
        assertThat(settings.routingRules()).noneMatch(r -> category.equals(r.category()));
    }

    @Test
    void aGermanLeadTypesAnAmountWithADecimalComma() {
        signIn(lead, "correct-horse-battery");
        page.setExtraHTTPHeaders(Map.of("Accept-Language", "de-DE,de;q=0.9"));
        open("Routing-Regeln");
        page.locator("input[name=position]").fill("43");
        page.locator("input[name=category]").fill(category);
        page.locator("input[name=minAmount]").fill("abc");
        page.locator("input[name=currency]").fill("EUR");
        page.locator("select[name=queue]").selectOption("refunds");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Speichern")).click();
        assertThat(page.locator("#err-minAmount")).hasText("Betrag ab: „abc“ ist kein Betrag: Ziffern und Nachkommastellen schreiben, z. B. 49,90");
        assertThat(page.locator("input[name=category]")).hasValue(category);

        page.locator("input[name=minAmount]").fill("49,90");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Speichern")).click();
        assertThat(page.getByText("Routing-Regel gespeichert.")).isVisible();
        assertThat(row(category)).containsText("49,90 EUR");
        assertThat(settings.routingRules()).filteredOn(r -> category.equals(r.category())).singleElement()
                .satisfies(r -> assertThat(r.minAmountMinor()).isEqualTo(4990L));
    }
}
