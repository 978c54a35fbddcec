package dev.paydesk.quality;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.paydesk.BrowserTestSupport;
import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.NewCase;
import dev.paydesk.platform.internal.UserService;

/**
 * Quality review in Chromium: a lead writes a scorecard and draws a sample, the quality reviewer reviews the
 * sampled case, the agent sees the review and disputes a score, the lead overturns it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QualityBrowserTests extends BrowserTestSupport {

    private static final String MARKET = "SI"; // a market of its own (never LU: other tests check LU cannot be created)
    private static final String PASSWORD = "correct-horse-battery";

    @Autowired
    CaseDesk desk;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSampledCaseIsReviewedDisputedAndOverturned() {
        ensureMarket(MARKET, "EUR", "Europe/Ljubljana", "en");
        String lead = unique("lead");
        String reviewer = unique("reviewer");
        String agent = unique("agent");
        CaseSummary[] opened = new CaseSummary[1];
        // the case is resolved on this UTC day, or on the next if midnight passes before the sample is drawn
        String resolvedFrom = LocalDate.now(ZoneOffset.UTC).toString();
        asSystem(() -> {
            users.create(new UserService.UserSpec(lead, "Lea Lead", null, List.of("PROCESS_MANAGER"), List.of(MARKET), false),
                    PASSWORD, false);
            users.create(new UserService.UserSpec(reviewer, "Quinn Quality", null, List.of("QUALITY_REVIEWER"), List.of(MARKET),
                    false), PASSWORD, false);
            users.create(new UserService.UserSpec(agent, "Ago Agent", null, List.of("AGENT"), List.of(MARKET), false),
                    PASSWORD, false);
            opened[0] = desk.open(NewCase.builder("Refund not received", MARKET, CaseSource.API)
                    .description("where is my money").language("en").customer("c-" + UUID.randomUUID(), null).build()).summary();
            desk.assign(opened[0].id(), null, agent);
            desk.changeStatus(opened[0].id(), CaseStatus.RESOLVED, null);
        });
        String key = opened[0].key();
        String card = unique("Browser card");

        signIn(lead, PASSWORD);
        page.navigate(url("/quality/scorecards/new"));
        page.locator("input[name=name]").fill(card);
        page.locator("input[name=market]").fill(MARKET);
        page.locator("input[name=code]").first().fill("greeting");
        page.locator("input[name=label]").first().fill("Greets by name");
        page.locator("input[name=section]").first().fill("Tone");
        page.locator("input[name=code]").nth(1).fill("accuracy");
        page.locator("input[name=label]").nth(1).fill("Explains correctly");
        page.locator("select[name=scale]").nth(1).selectOption("ONE_TO_FIVE");
        page.locator("input[name=weight]").nth(1).fill("3");
        page.locator("button[type=submit]", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Save as new version")).click();
        assertThat(page.locator("h1")).hasText(card + " version 1");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        page.navigate(url("/quality/assignments?view=all"));
        page.locator("form[action$='/quality/samples'] input[name=market]").fill(MARKET);
        page.locator("input[name=from]").fill(resolvedFrom);
        page.locator("input[name=to]").fill(today);
        page.locator("button[type=submit]", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Draw sample")).click();
        page.locator("#confirm-ok").click();
        assertThat(page.locator(".alert-success")).containsText("cases sampled in " + MARKET);
        signOut();

        signIn(reviewer, PASSWORD);
        // all assignments of the market: in the whole suite, reviewers of every market from other tests share the sample
        page.navigate(url("/quality/assignments?view=all&q=" + key));
        page.locator("tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(key)).getByText("Review this case").click();
        assertThat(page.locator("h1")).hasText("Review " + key);
        page.locator("input[name='answer.greeting'][value='no']").check();
        page.locator("input[name='answer.accuracy'][value='4']").check();
        // greeting no (0 of weight 1) and accuracy 4 of 5 (weight 3): 12 of 16 points
        assertThat(page.locator("#score-preview")).containsText("75");
        page.locator("input[name='comment.greeting']").fill("No name in the reply");
        page.locator("button[type=submit]", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Submit review")).click();
        page.locator("#confirm-ok").click();
        assertThat(page.locator(".alert-success")).hasText("Review submitted.");
        signOut();

        signIn(agent, PASSWORD);
        page.navigate(url("/quality?view=mine"));
        page.locator("tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(key)).locator("a").first().click();
        assertThat(page.locator("#review-score")).containsText("%");
        page.locator("select[name=criterion]").selectOption("greeting");
        page.locator("textarea[name=reason]").fill("I greeted by name in the first reply");
        page.locator("button[type=submit]", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Dispute")).click();
        page.locator("#confirm-ok").click();
        assertThat(page.locator("#review-status")).hasText("Disputed");
        signOut();

        signIn(lead, PASSWORD);
        page.navigate(url("/quality?view=disputed"));
        page.locator("tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(key)).locator("a").first().click();
        assertThat(page.locator("#agent-comment")).containsText("[greeting] I greeted by name");
        page.locator("textarea[name=note]").fill("The greeting is in the first reply");
        page.locator("button[type=submit]", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Overturn the review")).click();
        page.locator("#confirm-ok").click();
        assertThat(page.locator("#review-status")).hasText("Overturned");
        assertThat(jdbc.sql("select count(*) from quality_assignment where case_key = ? and review_id is not null")
                .param(key).query(Long.class).single()).isEqualTo(1);
    }

    private void signOut() {
        context.clearCookies();
    }
}
