package dev.paydesk.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.UserAccount;

/** Insight → Root causes: the Pareto of recent contacts, filtered and market-scoped, and its CSV export. */
@SpringBootTest
@AutoConfigureMockMvc
class RootCauseUiTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    Incidents incidents;

    @Test
    void managersSeeTheParetoOfTheirMarketsAndExportIt() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        ensureMarket("FR", "EUR", "Europe/Paris", "fr");
        String provider = unique("psp");
        String refunds = unique("refund_missing");
        String doubles = unique("double_charge");
        Instant now = Instant.now();
        asSystem(() -> {
            for (int i = 0; i < 30; i++) {
                incidents.observe(refunds + "-" + i, new Cell(refunds, provider, "FR", "card"),
                        now.minus(Duration.ofHours(i % 48)));
            }
            for (int i = 0; i < 10; i++) {
                incidents.observe(doubles + "-" + i, new Cell(doubles, provider, "FR", "paypal"), now.minus(Duration.ofDays(3)));
            }
            // outside a 7-day window
            incidents.observe(doubles + "-old", new Cell(doubles, provider, "FR", "paypal"), now.minus(Duration.ofDays(20)));
        });

        UserAccount french = newUser(Role.PROCESS_MANAGER, List.of("FR"));
        mvc.perform(get("/triage/root-cause").with(user(french)).param("days", "7").param("provider", provider))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(refunds)))
                .andExpect(content().string(containsString("75.0 %")))
                .andExpect(content().string(containsString("25.0 %")))
                .andExpect(content().string(containsString("2 of 2 categories make up 80 % of 40 contacts")));

        // the trends: one chart per category whose data are the daily counts, and the same counts as a table
        String html = mvc.perform(get("/triage/root-cause").with(user(french)).param("days", "7").param("provider", provider))
                .andReturn().getResponse().getContentAsString();
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
        var charts = page.select(".sparkline[data-chart]");
        assertThat(charts).hasSize(2);
        var table = page.select("details table").first();
        assertThat(table).isNotNull();
        var rows = table.select("tbody tr");
        assertThat(rows.size()).as("UTC days touched by 7 × 24 hours ending at the next full hour").isBetween(7, 8);
        for (int column = 0; column < 2; column++) {
            long tableSum = 0;
            for (var row : rows) {
                tableSum += Long.parseLong(row.select("td").get(column).text());
            }
            var chart = tools.jackson.databind.json.JsonMapper.builder().build().readTree(charts.get(column).attr("data-chart"));
            long chartSum = 0;
            for (var v : chart.get("series").get(0).get("values")) {
                chartSum += v.asLong();
            }
            assertThat(chart.get("series").get(0).get("values").size()).isEqualTo(rows.size());
            assertThat(chartSum).isEqualTo(tableSum);
            assertThat(tableSum).isEqualTo(column == 0 ? 30 : 10);
        }

        String csv = mvc.perform(get("/triage/root-cause.csv").with(user(french)).param("days", "28").param("provider", provider))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsString();
        String refundShare = String.format(java.util.Locale.ROOT, "%.4f", 30 / 41.0);
        assertThat(csv.split("\r\n")).containsExactly("category,contacts,share,cumulative_share",
                refunds + ",30," + refundShare + "," + refundShare,
                doubles + ",11," + String.format(java.util.Locale.ROOT, "%.4f", 11 / 41.0) + ",1.0000");

        mvc.perform(get("/triage/root-cause").with(user(french)).param("provider", provider).param("method", "paypal"))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(refunds))));

        UserAccount admin = newUser(Role.ADMIN, List.of());
        mvc.perform(get("/triage/root-cause").with(user(admin)).param("provider", provider))
                .andExpect(status().isOk()).andExpect(content().string(containsString(refunds)));

        UserAccount german = newUser(Role.REALTIME_MANAGER, List.of("DE"));
        mvc.perform(get("/triage/root-cause").with(user(german)).param("provider", provider))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(refunds))));
        mvc.perform(get("/triage/root-cause").with(user(german)).param("market", "FR")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(refunds))));
        mvc.perform(get("/triage/root-cause").with(user(newUser(Role.AGENT, List.of())))).andExpect(status().isForbidden());
    }
}
