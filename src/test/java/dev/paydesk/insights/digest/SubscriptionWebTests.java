package dev.paydesk.insights.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.UserAccount;

/** Subscriptions through the API and the page: own markets only, sorted and paged, audited, unsubscribe confirmed. */
@SpringBootTest
@AutoConfigureMockMvc
class SubscriptionWebTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void markets() {
        ensureMarket("SI", "EUR", "Europe/Ljubljana", "sl");
        ensureMarket("SK", "EUR", "Europe/Bratislava", "sk");
    }

    private String create(String token, String body) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/v1/insights/subscriptions").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private long audits(String id) {
        return jdbc.sql("select count(*) from platform_audit_log where entity_type = 'insights_subscription' and entity_id = ?")
                .param(id).query(Long.class).single();
    }

    @Test
    void theApiManagesOnlyMyOwnSubscriptionsInMyMarketsAndAuditsEachChange() throws Exception {
        UserAccount me = newUser(Role.REALTIME_MANAGER, List.of("SI", "SK"));
        String token = tokenFor(me);
        String daily = create(token, "{\"markets\":[\"si\"]}");
        String weekly = create(token, "{\"frequency\":\"weekly\",\"markets\":[\"SK\",\"SI\"],\"language\":\"de\",\"sendHour\":6}");
        mvc.perform(post("/api/v1/insights/subscriptions").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"markets\":[\"SI\"]}"))
                .andExpect(status().isConflict());

        mvc.perform(get("/api/v1/insights/subscriptions?sort=markets&dir=desc&size=1").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].markets[0]").value("SI")).andExpect(jsonPath("$.items[0].markets[1]").value("SK"))
                .andExpect(jsonPath("$.items[0].timeZone").value("Europe/Ljubljana"))
                .andExpect(jsonPath("$.items[0].language").value("de"));
        mvc.perform(get("/api/v1/insights/subscriptions?sort=markets&size=1&page=1").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.items[0].id").value(weekly));
        mvc.perform(get("/api/v1/insights/subscriptions?sort=nope").header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        mvc.perform(put("/api/v1/insights/subscriptions/" + daily).header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"markets\":[\"SI\"],\"sendHour\":9,\"targetAlerts\":false}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.sendHour").value(9)).andExpect(jsonPath("$.targetAlerts").value(false));
        for (String bad : List.of("{\"markets\":[\"DE\"]}", "{\"markets\":[]}", "{\"markets\":[\"SI\"],\"sendHour\":24}",
                "{\"markets\":[\"SI\"],\"timeZone\":\"Mars/Base\"}", "{\"markets\":[\"SI\"],\"frequency\":\"hourly\"}",
                "{\"markets\":[\"SI\"],\"language\":\"fr\"}")) {
            mvc.perform(put("/api/v1/insights/subscriptions/" + daily).header("Authorization", "Bearer " + token)
                            .contentType(MediaType.APPLICATION_JSON).content(bad))
                    .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }

        String stranger = tokenFor(newUser(Role.PROCESS_MANAGER, List.of("SI")));
        mvc.perform(get("/api/v1/insights/subscriptions/" + daily).header("Authorization", "Bearer " + stranger))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/insights/subscriptions/" + daily).header("Authorization", "Bearer " + stranger))
                .andExpect(status().isNotFound());

        mvc.perform(delete("/api/v1/insights/subscriptions/" + daily).header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/insights/subscriptions/" + daily).header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound());
        assertThat(audits(daily)).isEqualTo(3);
        assertThat(audits(weekly)).isEqualTo(1);
    }

    @Test
    void thePageSubscribesWithCsrfAndUnsubscribesOnlyWhenConfirmed() throws Exception {
        UserAccount me = newUser(Role.PROCESS_MANAGER, List.of("SI"));
        mvc.perform(get("/insights/subscriptions").with(user(me))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"subscribe\"")))
                .andExpect(content().string(containsString("value=\"SI\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("value=\"SK\""))));
        mvc.perform(post("/insights/subscriptions").with(user(me)).param("markets", "SI"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/insights/subscriptions").with(user(me)).with(csrf()).param("markets", "SK"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/insights/subscriptions").with(user(me)).with(csrf()).param("markets", "SI")
                .param("frequency", "WEEKLY").param("sendHour", "8").param("targetAlerts", "true")).andExpect(status().is3xxRedirection());
        List<String> ids = jdbc.sql("select id::text from insights_subscription where username = ?").param(me.username())
                .query(String.class).list();
        assertThat(ids).hasSize(1);
        mvc.perform(get("/insights/subscriptions?sort=created&dir=desc").with(user(me))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-confirm=")))
                .andExpect(content().string(containsString("08:00")));

        mvc.perform(post("/insights/subscriptions/" + ids.getFirst() + "/delete").with(user(me)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from insights_subscription where username = ?").param(me.username())
                .query(Long.class).single()).isEqualTo(1);
        mvc.perform(post("/insights/subscriptions/" + ids.getFirst() + "/delete").with(user(me)).with(csrf()).param("confirmed", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from insights_subscription where username = ?").param(me.username())
                .query(Long.class).single()).isZero();
    }
}
