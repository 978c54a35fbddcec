package dev.paydesk.cases;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The case page in Chromium (issue 19): an agent takes a case, previews a macro, edits and sends it,
 * requests a refund that only a second person with an approver role can approve (behind a confirmation),
 * and resolves the case; the same in German with a comma amount. The page is checked with axe-core at
 * 1440×900 and 390×844 (no serious or critical violation, no horizontal scroll); screenshots go to
 * {@code target/browser-shots/case-page-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CasePageBrowserTests extends BrowserTestSupport {

    private static final String PASSWORD = "correct-horse-battery";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseDesk desk;
    @Autowired
    CaseWorkbench workbench;

    private String agent;
    private String approver;
    private String macro;

    @BeforeEach
    void people() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        agent = unique("agent");
        approver = unique("pm");
        macro = unique("refund-info");
        asSystem(() -> {
            users.create(new UserService.UserSpec(agent, "Anna Agent", null, List.of("AGENT"), List.of("DE"), false), PASSWORD, false);
            users.create(new UserService.UserSpec(approver, "Paula Process", null, List.of("PROCESS_MANAGER"), List.of("DE"), false),
                    PASSWORD, false);
            workbench.saveMacro(new CaseWorkbench.Macro(macro, "en", "Refund information", "About {{case.key}}: your refund is being checked."));
            workbench.saveMacro(new CaseWorkbench.Macro(macro, "de", "Erstattungsinfo", "Zu {{case.key}}: Ihre Erstattung wird geprüft."));
        });
    }

    private String openCase(String subject, String language) {
        String[] key = new String[1];
        asSystem(() -> key[0] = desk.open(NewCase.builder(subject, "DE", CaseSource.API).language(language)
                .queue("payments").build()).summary().key());
        return key[0];
    }

    /** Signs in on the English sign-in page, then opens {@code path} in {@code lang} (kept in a cookie). */
    private void signInAs(String user, String path, String lang) {
        context.clearCookies();
        page.navigate(url("/login?lang=en"));
        page.getByLabel("Username").fill(user);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.waitForURL(u -> !u.contains("/login"));
        page.navigate(url(path + "?lang=" + lang));
    }

    private Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private long number(String key) {
        return Long.parseLong(key.substring(3));
    }

    private long sentReplies(String key) {
        return jdbc.sql("select count(*) from cases_entry e join cases_case c on c.id = e.case_id where c.number = ? and e.kind = 'MESSAGE_OUT'")
                .param(number(key)).query(Long.class).single();
    }

    @Test
    void anAgentPreviewsEditsAndSendsAMacroRequestsARefundASecondPersonApprovesAndTheAgentResolves() {
        String key = openCase("Refund for ORD-CP1 never arrived", "en");
        signInAs(agent, "/cases/" + key, "en");

        page.getByRole(AriaRole.BUTTON, named("Take it")).click();
        assertThat(page.locator(".alert-success")).hasText("Assignment saved");
        assertThat(page.locator(".timeline .entry-assigned .entry-what").last()).hasText("Assigned to " + agent + " in queue payments");
        assertThat(page.locator(".timeline .entry-created .entry-what")).hasText(Pattern.compile("Opened from the API in queue \\w+, priority (Low|Normal|High|Urgent)"));

        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        page.getByLabel("Macro").selectOption(macro);
        assertThat(page.locator("#reply-body")).hasValue("About " + key + ": your refund is being checked.");
        assertThat(sentReplies(key)).as("choosing a macro sends nothing").isZero();
        page.locator("#reply-body").fill("About " + key + ": your refund is being checked. We write again by Friday.");
        page.getByRole(AriaRole.BUTTON, named("Send reply")).click();
        assertThat(page.locator(".alert-success")).hasText("Reply sent");
        String sent = jdbc.sql("select body from cases_entry e join cases_case c on c.id = e.case_id "
                + "where c.number = ? and e.kind = 'MESSAGE_OUT'").param(number(key)).query(String.class).single();
        assertThat(sent).isEqualTo("About " + key + ": your refund is being checked. We write again by Friday.");

        assertThat(page.getByLabel("Action").locator("option")).hasText(new String[] {"Refund", "Goodwill"});
        page.getByLabel("Action").selectOption("REFUND");
        page.getByLabel("Amount").fill("12.50");
        page.getByLabel("Reason", new Page.GetByLabelOptions().setExact(true)).fill("Parcel returned, refund missing");
        page.getByRole(AriaRole.BUTTON, named("Request")).click();
        assertThat(page.locator("#confirm-dialog")).isVisible();
        page.locator("#confirm-ok").click();
        assertThat(page.locator(".alert-success")).containsText("Requested; waiting for approval");
        assertThat(page.locator(".money .badge")).hasText("Waiting for approval");
        assertThat(page.locator(".money-decision")).hasCount(0);
        assertThat(page.locator(".money-waiting")).isVisible();
        assertThat(page.locator(".timeline .entry-money_requested .entry-what"))
                .hasText("Refund of 12.50 EUR requested: Waiting for approval");

        signInAs(approver, "/cases/" + key, "en");
        page.locator(".money-decision button[value=approve]").click();
        assertThat(page.locator("#confirm-message")).hasText("Approve the Refund of 12.50 EUR that " + agent + " requested?");
        page.locator("#confirm-ok").click();
        assertThat(page.locator(".alert-success")).hasText("Refund of 12.50 EUR approved");
        assertThat(page.locator(".money .badge")).hasText("Approved");
        assertThat(page.locator(".money-decision")).hasCount(0);

        signInAs(agent, "/cases/" + key, "en");
        page.getByLabel("Status", new Page.GetByLabelOptions().setExact(true)).selectOption("RESOLVED");
        page.getByRole(AriaRole.BUTTON, named("Set")).click();
        assertThat(page.locator(".alert-success")).hasText("Status set to Resolved");
        assertThat(page.locator(".timeline .entry-status .entry-what").last()).hasText(Pattern.compile("Status changed from .* to Resolved"));
        assertThat(page.locator(".timeline")).not().containsText("WAITING");
        assertThat(page.locator(".timeline")).not().containsText("PENDING_APPROVAL");

        assertAccessible("/cases/" + key + "?lang=en", "en");
    }

    @Test
    void inGermanTheAgentTypesACommaAmountAndReadsEveryLineInGerman() {
        String key = openCase("Erstattung für ORD-CP2 fehlt", "de");
        signInAs(agent, "/cases/" + key, "de");

        assertThat(page.locator("html")).hasAttribute("lang", "de");
        page.getByRole(AriaRole.BUTTON, named("Übernehmen")).click();
        assertThat(page.locator(".alert-success")).hasText("Zuweisung gespeichert");
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        page.getByLabel("Textbaustein").selectOption(macro);
        assertThat(page.locator("#reply-body")).hasValue("Zu " + key + ": Ihre Erstattung wird geprüft.");
        page.locator("#reply-body").fill("Zu " + key + ": Ihre Erstattung wird geprüft. Viele Grüße");
        page.getByRole(AriaRole.BUTTON, named("Antwort senden")).click();
        assertThat(page.locator(".alert-success")).hasText("Antwort gesendet");

        page.getByLabel("Betrag").fill("abc");
        page.getByLabel("Begründung").fill("Ware zurück, Erstattung fehlt");
        page.getByRole(AriaRole.BUTTON, named("Anfragen")).click();
        page.locator("#confirm-ok").click();
        assertThat(page.locator(".alert-error[role=alert]")).hasText(Pattern.compile("^Betrag: .*abc.*49,90"));
        assertThat(jdbc.sql("select count(*) from cases_money_action a join cases_case c on c.id = a.case_id where c.number = ?")
                .param(number(key)).query(Long.class).single()).isZero();

        page.getByLabel("Betrag").fill("12,50");
        page.getByLabel("Begründung").fill("Ware zurück, Erstattung fehlt");
        page.getByRole(AriaRole.BUTTON, named("Anfragen")).click();
        page.locator("#confirm-ok").click();
        assertThat(page.locator(".alert-success")).containsText("Angefragt; wartet auf Genehmigung");
        assertThat(jdbc.sql("select a.amount_minor from cases_money_action a join cases_case c on c.id = a.case_id where c.number = ?")
                .param(number(key)).query(Long.class).single()).isEqualTo(1250L);
        assertThat(page.locator(".money strong")).hasText("12,50 EUR");
        assertThat(page.locator(".timeline .entry-money_requested .entry-what"))
                .hasText("Erstattung über 12,50 EUR angefragt: Wartet auf Genehmigung");

        signInAs(approver, "/cases/" + key, "de");
        page.getByRole(AriaRole.BUTTON, named("Genehmigen")).click();
        assertThat(page.locator("#confirm-message")).hasText("Erstattung über 12,50 EUR, angefragt von " + agent + ", genehmigen?");
        page.locator("#confirm-ok").click();
        assertThat(page.locator(".alert-success")).hasText("Erstattung über 12,50 EUR genehmigt");

        signInAs(agent, "/cases/" + key, "de");
        page.getByLabel("Status", new Page.GetByLabelOptions().setExact(true)).selectOption("RESOLVED");
        page.getByRole(AriaRole.BUTTON, named("Setzen")).click();
        assertThat(page.locator(".alert-success")).hasText("Status auf Gelöst gesetzt");
        assertThat(page.locator(".timeline .entry-status .entry-what").last()).hasText(Pattern.compile("Status von .* auf Gelöst geändert"));

        assertAccessible("/cases/" + key + "?lang=de", "de");
    }

    private static String axeSource;

    /** axe-core (from com.deque.html.axe-core:playwright, test scope) on the page at desktop and phone size. */
    private void assertAccessible(String path, String lang) {
        if (axeSource == null) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("axe.min.js")) {
                assertThat(in).as("axe.min.js on the test classpath").isNotNull();
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        List<String> found = new ArrayList<>();
        for (int[] size : new int[][] {{1440, 900}, {390, 844}}) {
            Page p = context.newPage();
            try {
                p.setViewportSize(size[0], size[1]);
                List<String> console = new ArrayList<>();
                p.onConsoleMessage(m -> {
                    if ("error".equals(m.type())) {
                        console.add(m.text());
                    }
                });
                p.navigate(url(path));
                String where = lang + " @" + size[0] + ": ";
                Object overflow = p.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
                if (((Number) overflow).intValue() > 0) {
                    found.add(where + "overflows by " + overflow + " px: " + p.evaluate("""
                            () => [...document.querySelectorAll('body *')]
                                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                                .slice(-6).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"""));
                }
                p.evaluate(axeSource);
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> violations = (List<Map<String, Object>>) p.evaluate("""
                        async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                            .filter(v => v.impact === 'serious' || v.impact === 'critical')
                            .map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))""");
                violations.forEach(v -> found.add(where + "axe " + v.get("impact") + " " + v.get("id") + " " + v.get("nodes")));
                console.forEach(c -> found.add(where + "console: " + c));
                p.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(Path.of("target", "browser-shots", "case-page-" + lang + "-" + size[0] + ".png")));
            } finally {
                p.close();
            }
        }
        assertThat(found).isEmpty();
    }
}
