package dev.paydesk.cases;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.paydesk.BrowserTestSupport;
import dev.paydesk.platform.internal.UserService;

/**
 * Working a case end to end in Chromium: a specialist opens a case, takes it, notes, replies and asks
 * for a refund above the limit; a process manager approves it; the specialist resolves with the survey
 * link and the customer rates the help on the public page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseDeskBrowserTests extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    private String specialist;
    private String manager;

    @BeforeEach
    void people() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        specialist = unique("spec");
        manager = unique("pm");
        asSystem(() -> {
            users.create(new UserService.UserSpec(specialist, "Sam Specialist", null, List.of("SPECIALIST"), List.of("DE"), false),
                    "correct-horse-battery", false);
            users.create(new UserService.UserSpec(manager, "Paula Process", null, List.of("PROCESS_MANAGER"), List.of("DE"), false),
                    "correct-horse-battery", false);
        });
    }

    private void signOut() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
    }

    @Test
    void aSpecialistWorksACaseFromIntakeToARatedResolution() {
        signIn(specialist, "correct-horse-battery");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cases").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Cases"))).isVisible();
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        page.keyboard().press("c");
        page.getByLabel("Subject").fill("Refund for ORD-B1 never arrived");
        page.getByLabel("Description").fill("Customer paid with card 4111 1111 1111 1111 and returned the parcel.");
        page.getByLabel("Customer e-mail").fill("kunde@example.com");
        page.getByLabel("Order reference").fill("ORD-B1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open case")).click();

        assertThat(page.getByText(Pattern.compile("PD-\\d+ opened in queue"))).isVisible();
        assertThat(page.getByText("4111 11** **** 1111")).isVisible();
        String key = page.url().substring(page.url().lastIndexOf('/') + 1);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take it")).click();
        assertThat(page.getByText("Assignment saved")).isVisible();
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        page.keyboard().press("n");
        assertThat(page.locator("[data-note]")).isFocused();
        page.keyboard().type("Checked Adyen: refund REFUND_FAILED, bank account closed");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
        assertThat(page.getByText("Note added")).isVisible();

        page.locator("[data-reply]").fill("Your bank returned the refund. Could you send us another account?");
        page.locator("#reply select[name=then]").selectOption("WAITING_CUSTOMER");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();
        assertThat(page.getByText("Waiting · waiting for the customer").first()).isVisible();
        assertThat(page.locator(".clock-met")).hasCount(1);

        page.locator("form[action$='/money'] select[name=type]").selectOption("RE_REFUND");
        page.locator("form[action$='/money'] input[name=amount]").fill("650.00");
        page.locator("form[action$='/money'] input[name=targetMethod]").fill("SEPA");
        page.locator("form[action$='/money'] input[name=reason]").fill("Original refund failed, new account given");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request")).click();
        page.locator("#confirm-ok").click();
        assertThat(page.locator(".alert-success")).containsText("waiting for approval");

        // the requester sees the request in the inbox but is not offered Approve (four eyes)
        page.navigate(url("/cases/approvals?q=" + key)); // other tests' requests share the inbox
        com.microsoft.playwright.Locator mine = page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName(Pattern.compile(key)));
        assertThat(mine).isVisible();
        assertThat(mine.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Approve"))).hasCount(0);
        assertThat(mine).containsText("not the requester");
        signOut();

        signIn(manager, "correct-horse-battery");
        page.navigate(url("/cases/approvals?q=" + key));
        page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName(Pattern.compile(key)))
                .getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Approve")).click();
        // the inbox asks with the same words as the case page: type and amount in the viewer's language, the requester
        assertThat(page.locator("#confirm-message")).hasText(Pattern.compile("Approve the .+ of 650\\.00 EUR that .+ requested\\?"));
        page.locator("#confirm-ok").click();
        assertThat(page.getByText("Approved.", new Page.GetByTextOptions().setExact(true))).isVisible();
        signOut();

        signIn(specialist, "correct-horse-battery");
        page.navigate(url("/cases?view=mine"));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(key))).isVisible();
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        page.keyboard().press("j");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(key + "$"));
        assertThat(page.locator(".money .badge-ok")).hasText("Approved");
        page.locator("[data-reply]").fill("The new refund is on its way.");
        page.locator("#reply select[name=then]").selectOption("RESOLVED");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();
        assertThat(page.getByText("RESOLVED").first()).isVisible();

        String sent = jdbc.sql("select body from cases_entry e join cases_case c on c.id = e.case_id "
                + "where c.number = ? and e.kind = 'MESSAGE_OUT' order by e.id desc limit 1")
                .param(Long.parseLong(key.substring(3))).query(String.class).single();
        Matcher link = Pattern.compile("https?://\\S+/csat/\\S+").matcher(sent);
        assertThat(link.find()).isTrue();
        String path = link.group().substring(link.group().indexOf("/csat/"));
        signOut();

        page.navigate(url(path));
        page.getByLabel("5").check();
        page.getByLabel("Anything to add?").fill("Quick and friendly");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(page.getByText(Pattern.compile("You rated us 5 out of 5"))).isVisible();
    }
}
