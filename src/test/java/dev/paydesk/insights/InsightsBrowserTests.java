package dev.paydesk.insights;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.paydesk.BrowserTestSupport;
import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.NewCase;
import dev.paydesk.platform.internal.UserService;

/** The dashboards in Chromium as a lead and as an agent, following one drill-down to its list. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InsightsBrowserTests extends BrowserTestSupport {

    private static final String MARKET = "EE";

    @Autowired
    CaseDesk desk;
    @Autowired
    JdbcClient jdbc;

    private String lead;
    private String agent;

    @BeforeEach
    void data() {
        ensureMarket(MARKET, "EUR", "Europe/Tallinn", "et");
        lead = unique("lead");
        agent = unique("agent");
        asSystem(() -> {
            users.create(new UserService.UserSpec(lead, "Lea Lead", null, List.of("PROCESS_MANAGER"), List.of(MARKET), false),
                    "correct-horse-battery", false);
            users.create(new UserService.UserSpec(agent, "Ago Agent", null, List.of("AGENT"), List.of(MARKET), false),
                    "correct-horse-battery", false);
            for (int i = 0; i < 4; i++) {
                desk.open(NewCase.builder("Payment declined " + i, MARKET, CaseSource.API)
                        .description("declined at checkout").language("en").customer("c-" + UUID.randomUUID(), null)
                        .provider("ADYEN").build());
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from insights_case_fact where market = ?")
                .param(MARKET).query(Long.class).single() >= 4);
    }

    @Test
    void aLeadSeesTheOverviewOnTheHomePageAndEveryDashboardAndFollowsADrillDown() {
        signIn(lead, "correct-horse-battery");
        page.navigate(url("/"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Operations, last 7 days"))).isVisible();
        for (String[] p : new String[][]{{"overview", "Operations overview"}, {"cases", "Case desk"}, {"money", "Money"},
                {"disputes", "Disputes"}, {"suppliers", "Suppliers"}}) {
            page.navigate(url("/insights/" + p[0] + "?market=" + MARKET));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(p[1]).setLevel(1))).isVisible();
            assertThat(page.locator(".kpi-tile").first()).isVisible();
        }
        page.navigate(url("/insights/cases?market=" + MARKET));
        String shown = page.locator("[data-kpi=cases_opened] .kpi-link").textContent().strip().replace(",", "");
        page.locator("[data-kpi=cases_opened] .kpi-link").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Cases opened"))).isVisible();
        String total = page.locator("#records-total").getAttribute("data-total");
        assertThat(total).isEqualTo(shown);
        assertThat(page.locator("table.drilldown tbody tr").count()).isEqualTo(Math.min(50, Integer.parseInt(total)));
        assertThat(Integer.parseInt(total)).isGreaterThanOrEqualTo(4);
    }

    @Test
    void anAgentSeesTheDashboardsScopedToTheirQueues() {
        signIn(agent, "correct-horse-battery");
        for (String p : List.of("overview", "cases", "money", "disputes", "suppliers")) {
            page.navigate(url("/insights/" + p));
            assertThat(page.locator(".kpi-tile").first()).isVisible();
        }
        page.navigate(url("/insights/money"));
        assertThat(page.getByText("agents see case desk figures of their queues only").first()).isVisible();
    }
}
