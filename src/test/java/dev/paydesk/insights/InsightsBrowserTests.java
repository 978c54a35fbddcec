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
    @Autowired
    dev.paydesk.workforce.ContactData workforce;

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
        supplierIntervals();
    }

    /**
     * When the three intervals start: two days ago, read once for all the tests of the class (read per test, a run
     * across midnight UTC added three more intervals on another day).
     */
    private static final java.time.Instant INTERVALS_FROM = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2)
            .atStartOfDay(java.time.ZoneOffset.UTC).plusHours(10).toInstant();

    /** Three intervals of one supplier in an EE queue, through workforce's API (and its event). */
    private void supplierIntervals() {
        asSystem(() -> {
            if (workforce.allQueues().stream().noneMatch(q -> q.code().equals("ee-browser-phone"))) {
                workforce.createSupplier(new dev.paydesk.workforce.Supplier("ee-browser-bpo", "Tallinn BPO",
                        List.of("payments"), dev.paydesk.shared.Money.of(2500, "EUR"), 80, 0.7, 0, 20));
                workforce.createQueue(new dev.paydesk.workforce.ContactQueue("ee-browser-phone", "EE phone",
                        dev.paydesk.workforce.Channel.PHONE, "payments", MARKET, "et", 30, 300, 120, 0.8, 20));
            }
            // the same three intervals for every test (re-sent: replaced, not added), inside the default 28-day period
            java.time.Instant start = INTERVALS_FROM;
            workforce.record(List.of(
                    new dev.paydesk.workforce.IntervalStat("ee-browser-phone", "ee-browser-bpo", start, 10, 9, 1, 7, 2700, 180, 2.0),
                    new dev.paydesk.workforce.IntervalStat("ee-browser-phone", "ee-browser-bpo", start.plusSeconds(1800), 8, 8, 0, 8, 2400, 40, 2.0),
                    new dev.paydesk.workforce.IntervalStat("ee-browser-phone", "ee-browser-bpo", start.plusSeconds(3600), 0, 0, 0, 0, 0, 0, 1.0)));
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from insights_interval_fact where queue = ?")
                .param("ee-browser-phone").query(Long.class).single() >= 3);
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
            // /js/charts.js draws the day chart from the shared.LineChart JSON
            assertThat(page.locator("#insights-chart svg")).isVisible();
        }
        // charts that arrive by htmx are drawn too (money figures as bars, chargeback ratios as lines), and the
        // suppliers page's bar and line charts
        page.navigate(url("/insights/money?market=" + MARKET));
        assertThat(page.locator("#money-chart svg")).isVisible();
        page.navigate(url("/insights/disputes?market=" + MARKET));
        assertThat(page.locator("#ratios-chart svg")).isVisible();
        page.navigate(url("/insights/suppliers?market=" + MARKET));
        assertThat(page.locator("#supplier-sl-chart svg")).isVisible();
        assertThat(page.locator("#supplier-wape-chart svg")).isVisible();
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
    void aLeadFollowsASupplierScorecardValueToItsIntervalRows() {
        signIn(lead, "correct-horse-battery");
        page.navigate(url("/insights/suppliers?market=" + MARKET));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Supplier scorecard"))).isVisible();
        var cell = page.locator("[data-supplier=ee-browser-bpo] [data-kpi=supplier_service_level] .kpi-link");
        String sample = cell.getAttribute("data-sample");
        // 15 of 18 offered contacts answered within the threshold; the third interval offered none
        assertThat(cell.textContent().strip()).isEqualTo("83.3 %");
        cell.click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Service level (SL)"))).isVisible();
        assertThat(page.locator("#records-total").getAttribute("data-total")).isEqualTo(sample).isEqualTo("2");
        assertThat(page.locator("table.drilldown tbody tr").count()).isEqualTo(2);
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
