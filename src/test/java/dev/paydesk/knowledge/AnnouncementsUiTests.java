package dev.paydesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.UserAccount;

/** Announcements in the UI: published to a role and market, seen only there, confirmed once, readers listed. */
@SpringBootTest
@AutoConfigureMockMvc
@SuppressWarnings("unchecked")
class AnnouncementsUiTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAnnouncementReachesItsRoleAndMarketAndShowsWhoRead() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        ensureMarket("NL", "EUR", "Europe/Amsterdam", "nl");
        UserAccount manager = newUser(Role.PROCESS_MANAGER, List.of());
        UserAccount german = newUser(Role.AGENT, List.of("DE"));
        UserAccount dutch = newUser(Role.AGENT, List.of("NL"));
        UserAccount auditor = newUser(Role.AUDITOR, List.of());
        String title = "iDEAL launch " + UUID.randomUUID().toString().substring(0, 6);

        mvc.perform(post("/knowledge/announcements").with(user(manager)).with(csrf()).param("title", title)
                .param("body", "From Monday <script>x</script>**iDEAL** is live.").param("roles", "AGENT").param("markets", "DE"))
                .andExpect(status().isFound());
        mvc.perform(post("/knowledge/announcements").with(user(german)).with(csrf()).param("title", "Not mine")
                .param("body", "x")).andExpect(status().isForbidden());
        mvc.perform(post("/knowledge/announcements").with(user(manager)).with(csrf()).param("title", "")
                .param("body", "")).andExpect(status().isFound());

        mvc.perform(get("/knowledge/announcements").with(user(german))).andExpect(status().isOk())
                .andExpect(content().string(containsString(title)))
                .andExpect(content().string(containsString("<strong>iDEAL</strong>")))
                .andExpect(content().string(not(containsString("<script>x"))));
        mvc.perform(get("/knowledge/announcements").with(user(dutch))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(title))));

        UUID id = jdbc.sql("select id from knowledge_announcement where title = :t").param("t", title).query(UUID.class).single();
        mvc.perform(post("/knowledge/announcements/" + id + "/read").with(user(german)).with(csrf())).andExpect(status().isFound());
        mvc.perform(post("/knowledge/announcements/" + id + "/read").with(user(german)).with(csrf())).andExpect(status().isFound());
        mvc.perform(get("/knowledge/announcements").with(user(german))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(title))));
        mvc.perform(post("/knowledge/announcements/" + id + "/read").with(user(dutch)).with(csrf())).andExpect(status().isNotFound());

        mvc.perform(get("/knowledge/announcements").with(user(auditor)).param("sort", "title")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/knowledge/announcements/" + id)));
        mvc.perform(get("/knowledge/announcements/" + id).with(user(auditor))).andExpect(status().isOk())
                .andExpect(content().string(containsString(german.username())))
                .andExpect(content().string(not(containsString(dutch.username()))));
        mvc.perform(get("/knowledge/announcements/" + id).with(user(german))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from knowledge_announcement_read where announcement_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Autowired
    dev.paydesk.workforce.ContactData workforce;

    @Autowired
    dev.paydesk.platform.internal.UserAffiliationService affiliations;

    @Test
    void anAnnouncementForASupplierReachesItsAgentsOnlyAndCountsReadersPerSupplier() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        String bpo = unique("bpo").toLowerCase();
        asSystem(() -> workforce.createSupplier(new dev.paydesk.workforce.Supplier(bpo, "Announce BPO", List.of("payments"),
                dev.paydesk.shared.Money.of(2000, "EUR"), 80, 0.7, 0, 10)));
        UserAccount manager = newUser(Role.PROCESS_MANAGER, List.of());
        UserAccount outsourced = newUser(Role.AGENT, List.of("DE"));
        UserAccount colleague = newUser(Role.AGENT, List.of("DE"));
        UserAccount inHouse = newUser(Role.AGENT, List.of("DE"));
        for (UserAccount u : List.of(outsourced, colleague)) {
            affiliations.set(u.id(), new dev.paydesk.platform.UserAffiliations.Affiliation(java.util.Optional.of(bpo), List.of()));
        }
        String title = "Klarna refunds at " + bpo;

        // the form offers the suppliers; an unknown one is refused, naming the field
        mvc.perform(get("/knowledge/announcements").with(user(manager))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + bpo + "\"")));
        mvc.perform(post("/api/v1/knowledge/announcements").header("Authorization", "Bearer " + tokenFor(manager))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"x\", \"body\": \"y\", \"suppliers\": [\"no-such-bpo\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("suppliers")));

        mvc.perform(post("/knowledge/announcements").with(user(manager)).with(csrf()).param("title", title)
                .param("body", "New chase process.").param("roles", "AGENT").param("markets", "DE").param("suppliers", bpo))
                .andExpect(status().isFound());
        mvc.perform(get("/knowledge/announcements").with(user(outsourced))).andExpect(status().isOk())
                .andExpect(content().string(containsString(title)));
        mvc.perform(get("/knowledge/announcements").with(user(inHouse))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(title))));
        UUID id = jdbc.sql("select id from knowledge_announcement where title = :t").param("t", title).query(UUID.class).single();
        mvc.perform(post("/knowledge/announcements/" + id + "/read").with(user(inHouse)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/knowledge/announcements/" + id + "/read").with(user(outsourced)).with(csrf())).andExpect(status().isFound());

        String rates = mvc.perform(get("/api/v1/knowledge/announcements/read-rates").header("Authorization", "Bearer " + tokenFor(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String base = "$[?(@.id == '" + id + "')]";
        assertThat((List<Integer>) com.jayway.jsonpath.JsonPath.read(rates, base + ".targeted")).containsExactly(2);
        assertThat((List<Integer>) com.jayway.jsonpath.JsonPath.read(rates, base + ".perSupplier['" + bpo + "'].confirmed")).containsExactly(1);
        assertThat((List<Integer>) com.jayway.jsonpath.JsonPath.read(rates, base + ".perSupplier['" + bpo + "'].targeted")).containsExactly(2);
        assertThat((List<Object>) com.jayway.jsonpath.JsonPath.read(rates, base + ".perSupplier['in-house']")).isEmpty();
        mvc.perform(get("/knowledge/announcements").with(user(manager))).andExpect(status().isOk())
                .andExpect(content().string(containsString(bpo + " 1/2")));
    }
}
