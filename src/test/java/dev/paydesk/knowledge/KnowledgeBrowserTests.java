package dev.paydesk.knowledge;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.paydesk.BrowserTestSupport;
import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.NewCase;
import dev.paydesk.platform.internal.UserService;

/**
 * Knowledge in Chromium: an author writes an article and a second person publishes it (confirmed in the
 * dialog); an agent opens a case, sees the article suggested, inserts its snippet into the reply, opens it
 * and marks it helpful.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KnowledgeBrowserTests extends BrowserTestSupport {

    private static final String PASSWORD = "correct-horse-battery";

    @Autowired
    CaseDesk desk;

    @Autowired
    JdbcClient jdbc;

    private String user(String role, List<String> markets) {
        String name = unique(role.toLowerCase());
        asSystem(() -> users.create(new UserService.UserSpec(name, name, null, List.of(role), markets, markets.isEmpty()),
                PASSWORD, false));
        return name;
    }

    private void signOut() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
    }

    @Test
    void anAuthorWritesASecondPersonPublishesAndAnAgentUsesItOnACase() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        String author = user("PROCESS_MANAGER", List.of());
        String approver = user("PROCESS_MANAGER", List.of());
        String agent = user("AGENT", List.of("DE"));
        String word = TestWords.unique("florp");
        String id = "browser-" + word;

        signIn(author, PASSWORD);
        page.navigate(url("/knowledge/new"));
        page.locator("input[name=id]").fill(id);
        page.locator("input[name=title]").fill("Refund via " + word + " not arrived");
        page.locator("textarea[name=body]").fill("We checked the " + word + " refund. It reaches your bank within 5 days.");
        page.locator("select[name=audience]").selectOption("CUSTOMER");
        page.locator("input[name=markets]").fill("DE");
        page.locator("form[action$='/knowledge/articles'] button[type=submit]").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("/knowledge/articles/" + id + "$"));
        page.locator("form[action$='/publish'] button").click();
        page.locator("#confirm-ok").click();
        assertThat(page.locator(".alert-error")).isVisible();
        signOut();

        signIn(approver, PASSWORD);
        page.navigate(url("/knowledge/articles/" + id));
        page.locator("form[action$='/publish'] button").click();
        page.locator("#confirm-ok").click();
        assertThat(page.getByText("Published.", new Page.GetByTextOptions().setExact(true))).isVisible();
        signOut();

        CaseSummary[] c = new CaseSummary[1];
        asSystem(() -> c[0] = desk.open(NewCase.builder("Where is my " + word + " refund?", "DE", CaseSource.API)
                .description("Still nothing on my account.").language("en").build()).summary());
        signIn(agent, PASSWORD);
        page.navigate(url("/cases/" + c[0].key()));
        var suggestion = page.locator("[data-knowledge-suggestions] li[data-article='" + id + "']");
        assertThat(suggestion).isVisible();
        suggestion.locator("[data-insert-reply]").click();
        assertThat(page.locator("[data-reply]")).hasValue(java.util.regex.Pattern.compile(".*reaches your bank within 5 days.*"));
        suggestion.getByRole(AriaRole.LINK).first().click();
        assertThat(page.locator("[data-case-feedback]")).isVisible();
        page.locator("[data-case-feedback] button[value=true]").click();
        assertThat(page.getByText("Thank you, your answer is saved.")).isVisible();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("/knowledge/articles/" + id + "\\?case=" + c[0].key()));

        assertThat(jdbc.sql("select kind from knowledge_usage where article_id = :id and username = :agent order by id")
                .param("id", id).param("agent", agent).query(String.class).list())
                .containsExactly("OPENED_FROM_CASE", "HELPFUL", "OPENED_FROM_CASE");
    }
}
