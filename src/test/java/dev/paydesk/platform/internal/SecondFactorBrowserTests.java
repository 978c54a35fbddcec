package dev.paydesk.platform.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.paydesk.BrowserTestSupport;

/**
 * An administrator (a role that requires a second factor) sets up TOTP in the browser at the first
 * sign-in, then signs in with it: the enrolment's code again is refused as already used, the app's
 * next code lets them in, and so does a recovery code. Then "your sessions" signs out another device.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "paydesk.security.second-factor.enforced=true")
class SecondFactorBrowserTests extends BrowserTestSupport {

    private static final String PASSWORD = "correct-horse-battery";

    @Autowired
    Clock clock;

    private Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    private void typeCode(String code, String button) {
        page.getByLabel("Code").fill(code);
        page.getByRole(AriaRole.BUTTON, named(button)).click();
    }

    @Test
    void anAdministratorEnrolsTotpAndSignsInWithIt() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        String adminName = unique("admin");
        asSystem(() -> users.create(new UserService.UserSpec(adminName, "Ada Admin", null, List.of("ADMIN"), List.of(),
                true), PASSWORD, false));

        signIn(adminName, PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/account/second-factor$"));
        assertThat(page.getByText("Your role requires a second factor")).isVisible();
        page.navigate(url("/admin/users"));
        assertThat(page).hasURL(Pattern.compile(".*/account/second-factor$"));

        page.getByRole(AriaRole.BUTTON, named("Set up an authenticator app")).click();
        byte[] secret = Totp.fromBase32(page.locator("#factor-secret").textContent().trim());
        String enrolmentCode = Totp.code(secret, clock.instant());
        typeCode(enrolmentCode, "Confirm");
        List<String> recovery = page.locator("#recovery-codes code").allTextContents();
        org.assertj.core.api.Assertions.assertThat(recovery).hasSize(10);
        page.getByRole(AriaRole.LINK, named("Done")).click();
        assertThat(page.getByRole(AriaRole.HEADING, named("Good to see you, Ada Admin"))).isVisible();
        page.getByRole(AriaRole.BUTTON, named("Sign out")).click();

        signIn(adminName, PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/login/second-factor$"));
        typeCode(enrolmentCode, "Continue");
        assertThat(page.getByText("This code was already used")).isVisible();
        typeCode(Totp.code(secret, clock.instant().plusSeconds(Totp.STEP_SECONDS)), "Continue");
        assertThat(page.getByRole(AriaRole.HEADING, named("Good to see you, Ada Admin"))).isVisible();
        page.getByRole(AriaRole.BUTTON, named("Sign out")).click();

        signIn(adminName, PASSWORD);
        typeCode(recovery.get(3), "Continue");
        assertThat(page.getByRole(AriaRole.HEADING, named("Good to see you, Ada Admin"))).isVisible();

        // a second device: its session shows up in "your sessions" and is signed out from here
        var other = context.browser().newContext();
        Page phone = other.newPage();
        phone.navigate(url("/login"));
        phone.getByLabel("Username").fill(adminName);
        phone.getByLabel("Password").fill(PASSWORD);
        phone.getByRole(AriaRole.BUTTON, named("Sign in").setExact(true)).click();
        phone.getByLabel("Code").fill(recovery.get(4));
        phone.getByRole(AriaRole.BUTTON, named("Continue")).click();
        assertThat(phone.getByRole(AriaRole.HEADING, named("Good to see you, Ada Admin"))).isVisible();

        page.navigate(url("/account/sessions"));
        assertThat(page.locator("#sessions tbody tr")).hasCount(2);
        assertThat(page.getByText("This session")).isVisible();
        assertThat(page.locator("#sessions").getByText("HeadlessChrome").first()).isVisible();
        page.getByRole(AriaRole.BUTTON, named("Sign out all other sessions")).click();
        assertThat(page.locator("#sessions tbody tr")).hasCount(1);
        phone.navigate(url("/"));
        assertThat(phone).hasURL(Pattern.compile(".*/login$"));
        other.close();
    }
}
