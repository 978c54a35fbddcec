package dev.paydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.platform.internal.UserAccount;
import dev.paydesk.shared.Money;
import dev.paydesk.workforce.ContactData;
import dev.paydesk.workforce.Supplier;

/** Admins give users a supplier (one workforce knows, or in-house) and teams in the user form. */
@SpringBootTest
@AutoConfigureMockMvc
class UserAffiliationTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAffiliations affiliations;

    @Autowired
    ContactData workforce;

    @Test
    void anAdminSetsSupplierAndTeamsAndAnUnknownSupplierIsAFieldError() throws Exception {
        String code = unique("bpo").toLowerCase();
        asSystem(() -> workforce.createSupplier(new Supplier(code, "Test BPO", List.of("payments"),
                Money.of(2000, "EUR"), 80, 0.7, 0, 10)));
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        UserAccount admin = newUser(Role.ADMIN, List.of());
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));

        String form = mvc.perform(get("/admin/users/" + agent.id()).with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("name=\"supplier\"").contains("value=\"" + code + "\"").contains("name=\"teams\"");

        mvc.perform(post("/admin/users/" + agent.id()).with(user(admin)).with(csrf())
                        .param("username", agent.username()).param("displayName", "Agent X").param("roles", "AGENT")
                        .param("markets", "DE").param("supplier", code).param("teams", " Night shift, Payments 1 ,,"))
                .andExpect(redirectedUrl("/admin/users"));
        assertThat(affiliations.of(agent.username()))
                .isEqualTo(new UserAffiliations.Affiliation(Optional.of(code), List.of("Night shift", "Payments 1")));
        assertThat(affiliations.all().get(agent.username().toLowerCase()).supplier()).contains(code);

        String rejected = mvc.perform(post("/admin/users/" + agent.id()).with(user(admin)).with(csrf())
                        .param("username", agent.username()).param("displayName", "Renamed").param("roles", "AGENT")
                        .param("markets", "DE").param("supplier", "no-such-bpo").param("teams", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(rejected).contains("unknown supplier").contains("no-such-bpo");
        // nothing of the rejected form was saved
        assertThat(users.require(agent.id()).displayName()).isEqualTo("Agent X");
        assertThat(affiliations.of(agent.username()).supplier()).contains(code);

        mvc.perform(post("/admin/users/" + agent.id()).with(user(admin)).with(csrf())
                        .param("username", agent.username()).param("displayName", "Agent X").param("roles", "AGENT")
                        .param("markets", "DE").param("supplier", "").param("teams", ""))
                .andExpect(redirectedUrl("/admin/users"));
        assertThat(affiliations.of(agent.username())).isEqualTo(UserAffiliations.Affiliation.IN_HOUSE);
    }

    @Test
    void theApiSetsAndReadsTheAffiliationAndNamesTheBadField() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        String code = unique("api").toLowerCase();
        asSystem(() -> workforce.createSupplier(new Supplier(code, "API BPO", List.of("payments"),
                Money.of(2000, "EUR"), 80, 0.7, 0, 10)));
        String admin = tokenFor(newUser(Role.ADMIN, List.of()));
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        String url = "/api/v1/users/" + agent.id() + "/affiliation";

        mvc.perform(put(url).header("Authorization", "Bearer " + admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"supplier\": \"nope-bpo\", \"teams\": []}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("supplier"));
        mvc.perform(put(url).header("Authorization", "Bearer " + admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"supplier\": \"" + code + "\", \"teams\": [\"Day\", \"Chat\"]}"))
                .andExpect(status().isOk());
        mvc.perform(get(url).header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.supplier").value(code))
                .andExpect(jsonPath("$.teams[0]").value("Chat")).andExpect(jsonPath("$.teams[1]").value("Day"));
    }
}
