package dev.paydesk.workforce.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.workforce.ContactData;

/** Demo seeding (idempotent) and the workforce pages rendering charts, the supplier split and the board. */
@SpringBootTest
@AutoConfigureMockMvc
class WorkforceUiTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    ContactData data;

    @Autowired
    MarketCatalog catalog;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void seed() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        ensureMarket("FR", "EUR", "Europe/Paris", "fr");
        ensureMarket("NL", "EUR", "Europe/Amsterdam", "nl");
        if (data.allQueues().stream().noneMatch(q -> q.code().equals("de-payments-phone"))) {
            new DemoWorkforceData(data, catalog, clock).run(new DefaultApplicationArguments());
        }
    }

    @Test
    void demoSeedingIsIdempotent() {
        long rows = jdbc.sql("select count(*) from workforce_interval_stat where queue_code = 'de-payments-phone'")
                .query(Long.class).single();
        new DemoWorkforceData(data, catalog, clock).run(new DefaultApplicationArguments());
        assertThat(jdbc.sql("select count(*) from workforce_interval_stat where queue_code = 'de-payments-phone'")
                .query(Long.class).single()).isEqualTo(rows).isGreaterThan(40L * 3 * 20);
        assertThat(data.suppliers()).extracting(s -> s.code()).contains("clearline", "atlas-bpo", "northdesk");
    }

    @Test
    void pagesRenderForRealtimeManagers() throws Exception {
        var manager = newUser(Role.REALTIME_MANAGER, List.of("DE", "FR", "NL"));
        mvc.perform(get("/workforce").with(user(manager)).param("volume", "100").param("model", "erlang-c")
                        .param("ahtS", "180").param("shrinkage", "0.3").param("maxOccupancy", "0.85"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Payments DE (phone)")))
                .andExpect(content().string(containsString("20 (14 on the phone)")));
        mvc.perform(get("/workforce/queues/de-payments-phone").with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-chart=\"{&quot;labels&quot;:[&quot;")))
                .andExpect(content().string(containsString("&quot;name&quot;:&quot;required (scheduled)&quot;")))
                .andExpect(content().string(containsString("Pro rata")))
                .andExpect(content().string(containsString("clearline opt / pro rata")))
                .andExpect(content().string(containsString("Supplier quality used by the split")));
        mvc.perform(get("/workforce/realtime").with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Realtime board")))
                .andExpect(content().string(containsString("Payments DE (phone)")))
                .andExpect(content().string(containsString("agents on the phone")));
    }

    @Test
    void agentsAndOtherMarketsSeeNothing() throws Exception {
        var agent = newUser(Role.AGENT, List.of("DE"));
        mvc.perform(get("/workforce").with(user(agent))).andExpect(status().isForbidden());
        ensureMarket("PL", "PLN", "Europe/Warsaw", "pl");
        var polishManager = newUser(Role.REALTIME_MANAGER, List.of("PL"));
        mvc.perform(get("/workforce/queues/de-payments-phone").with(user(polishManager)))
                .andExpect(status().isNotFound());
    }
}
