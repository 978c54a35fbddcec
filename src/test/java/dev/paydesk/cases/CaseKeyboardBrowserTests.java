package dev.paydesk.cases;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.paydesk.BrowserTestSupport;
import dev.paydesk.platform.internal.UserService;

/**
 * The case flow with the keyboard only (issue 19, WCAG 2.1.1 and 2.4.7): after signing in, an agent finds a
 * case in the queue ("/" and typing), tabs to it and opens it, takes it ("a"), writes a note ("n", Tab, Enter),
 * replies and resolves ("r", Tab to the status choice, type-ahead, Tab, Enter). No mouse click after sign-in;
 * at each step an element has the focus and shows a focus outline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseKeyboardBrowserTests extends BrowserTestSupport {

    private static final String PASSWORD = "correct-horse-battery";
    private static final int MAX_TABS = 80;

    @Autowired
    CaseDesk desk;
    @Autowired
    JdbcClient jdbc;

    private String agent;

    @BeforeEach
    void people() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        agent = unique("keys");
        asSystem(() -> users.create(new UserService.UserSpec(agent, "Kim Keyboard", null, List.of("AGENT"), List.of("DE"), false),
                PASSWORD, false));
    }

    @Test
    void anAgentWorksACaseWithTheKeyboardOnly() {
        String subject = unique("Keyboard refund");
        String[] opened = new String[1];
        asSystem(() -> opened[0] = desk.open(NewCase.builder(subject, "DE", CaseSource.API).language("en")
                .queue("payments").build()).summary().key());
        String key = opened[0];

        page.navigate(url("/login?lang=en"));
        page.getByLabel("Username").fill(agent);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.waitForURL(u -> !u.contains("/login"));

        // the queue: "/" focuses the search, Enter filters, Tab reaches the case link, Enter opens it
        page.navigate(url("/cases?view=unassigned"));
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        page.keyboard().press("/");
        assertFocusVisible("search");
        page.keyboard().type(subject);
        page.keyboard().press("Enter");
        page.waitForURL(u -> u.contains("q="));
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        tabTo(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(key).setExact(true)));
        page.keyboard().press("Enter");
        page.waitForURL(Pattern.compile(key + "$"));
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);

        // take it with the page's shortcut
        page.keyboard().press("a");
        assertThat(page.getByText("Assignment saved")).isVisible();
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);

        // a note: "n" focuses the box, Tab reaches "Add note", Enter sends it
        page.keyboard().press("n");
        assertFocusVisible("note box");
        assertThat(page.locator("[data-note]")).isFocused();
        page.keyboard().type("Checked with the keyboard only");
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note"))).isFocused();
        assertFocusVisible("Add note");
        page.keyboard().press("Enter");
        assertThat(page.getByText("Note added")).isVisible();
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);

        // reply and resolve: "r", type, Tab to "Then", choose by typing, Tab to "Send reply", Enter
        page.keyboard().press("r");
        assertThat(page.locator("[data-reply]")).isFocused();
        assertFocusVisible("reply box");
        page.keyboard().type("Your refund is on its way.");
        Locator then = page.locator("#reply select[name=then]");
        tabTo(then);
        page.keyboard().type("resolve");
        assertThat(then).hasValue("RESOLVED");
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply"))).isFocused();
        assertFocusVisible("Send reply");
        page.keyboard().press("Enter");
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        assertThat(page.locator(".alert-success")).isVisible();

        long number = Long.parseLong(key.substring(3));
        assertThat(jdbc.sql("select status from cases_case where number = ?").param(number).query(String.class).single())
                .isEqualTo("RESOLVED");
        assertThat(jdbc.sql("select assignee from cases_case where number = ?").param(number).query(String.class).single())
                .isEqualTo(agent);
        assertThat(jdbc.sql("select count(*) from cases_entry e join cases_case c on c.id = e.case_id "
                        + "where c.number = ? and e.body = ?").param(number).param("Checked with the keyboard only")
                .query(Long.class).single()).isEqualTo(1);
    }

    /** Presses Tab until {@code target} has the focus, checking that every stop is a visibly focused element. */
    private void tabTo(Locator target) {
        for (int i = 0; i < MAX_TABS; i++) {
            page.keyboard().press("Tab");
            assertFocusVisible("Tab stop " + (i + 1));
            if (Boolean.TRUE.equals(target.evaluate("el => el === document.activeElement"))) {
                return;
            }
        }
        throw new AssertionError("not reachable with " + MAX_TABS + " Tab presses: " + target);
    }

    /** Some element other than the page itself has the focus, and it is drawn with a focus outline. */
    private void assertFocusVisible(String step) {
        Object state = page.evaluate("() => { const e = document.activeElement;"
                + " if (!e || e === document.body || e === document.documentElement) return 'nothing focused';"
                + " const s = getComputedStyle(e);"
                + " return e.matches(':focus-visible') && s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0"
                + "   ? 'ok' : 'no visible focus on ' + e.outerHTML.slice(0, 120); }");
        assertThat(state).as(step).isEqualTo("ok");
    }
}
