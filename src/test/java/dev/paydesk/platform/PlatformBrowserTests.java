package dev.paydesk.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;

import dev.paydesk.BrowserTestSupport;
import dev.paydesk.platform.internal.UserService;

/** An administrator onboards a new agent in the browser; the agent signs in and must set a password. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformBrowserTests extends BrowserTestSupport {

    private String adminName;

    @BeforeEach
    void admin() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        adminName = unique("admin");
        asSystem(() -> users.create(new UserService.UserSpec(adminName, "Ada Admin", null, List.of("ADMIN"), List.of(),
                true), "correct-horse-battery", false));
    }

    @Test
    void anAdminOnboardsAnAgentWhoThenSetsTheirOwnPassword() {
        signIn(adminName, "correct-horse-battery");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Good to see you, Ada Admin")))
                .isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New user")).click();
        String agentName = unique("agent");
        page.getByLabel("Username").fill(agentName);
        page.getByLabel("Display name").fill("Anna Agent");
        page.getByLabel("Agent", new Page.GetByLabelOptions().setExact(true)).check();
        page.locator("input[name=markets][value=DE]").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();

        String oneTimePassword = page.locator("code.secret").textContent().trim();
        assertThat(oneTimePassword).hasSizeGreaterThanOrEqualTo(12);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        signIn(agentName, oneTimePassword);
        assertThat(page).hasURL(Pattern.compile(".*/account/password$"));
        page.getByLabel("Current password").fill(oneTimePassword);
        page.getByLabel(Pattern.compile("^New password")).fill("anna-chooses-a-passphrase");
        page.getByLabel("Repeat new password").fill("anna-chooses-a-passphrase");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();

        assertThat(page.getByText("Your password was changed.")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("DE")))).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("^FR")))).hasCount(0);
        assertThat(page.getByText("Closed").or(page.getByText("Open")).first()).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users"))).hasCount(0);
    }

    @Test
    void aProcessManagerAddsACompanyHolidayToTheirMarket() {
        String name = unique("pm");
        asSystem(() -> users.create(new UserService.UserSpec(name, "Paula Process", null, List.of("PROCESS_MANAGER"),
                List.of("DE"), false), "correct-horse-battery", false));
        signIn(name, "correct-horse-battery");
        page.navigate(url("/markets/DE?year=2027"));
        page.getByLabel("Date").fill("2027-06-18");
        page.getByLabel("Name").fill("Company summer day");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add")).click();
        assertThat(page.getByText("Holiday change saved.")).isVisible();
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("Company summer day")).first())
                .isVisible();
        assertThat(markets.calendar("DE").isHoliday(java.time.LocalDate.of(2027, 6, 18))).isTrue();
    }
}
