package dev.paydesk.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.UserAccount;

/** The taxonomy editor pages: process managers edit, agents are kept out, errors are shown in the form. */
@SpringBootTest
@AutoConfigureMockMvc
class TaxonomyUiTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    Taxonomy taxonomy;

    @Autowired
    Incidents incidents;

    @Test
    void processManagerAddsAndEditsACategory() throws Exception {
        UserAccount pm = newUser(Role.PROCESS_MANAGER, List.of());
        String code = unique("payout");

        mvc.perform(post("/triage/taxonomy").with(user(pm)).with(csrf()).param("code", code)
                        .param("names", "en=Payout late; de=Auszahlung verspätet").param("defaultQueue", "merchant-care"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Default queue: there is no queue &#39;merchant-care&#39;")));
        assertThat(taxonomy.find(code)).isEmpty();
        mvc.perform(post("/triage/taxonomy").with(user(pm)).with(csrf()).param("code", code)
                        .param("names", "en=Payout late; de=Auszahlung verspätet").param("defaultQueue", "finance"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/triage/taxonomy"));
        assertThat(taxonomy.category(code).name("de")).isEqualTo("Auszahlung verspätet");

        mvc.perform(get("/triage/taxonomy").with(user(pm))).andExpect(status().isOk())
                .andExpect(content().string(containsString(code)));
        mvc.perform(get("/triage/taxonomy/" + code).with(user(pm))).andExpect(status().isOk())
                .andExpect(content().string(containsString("finance")));
        mvc.perform(post("/triage/taxonomy/" + code).with(user(pm)).with(csrf()).param("code", code).param("version", "0")
                        .param("names", "en=Payout delayed").param("sopRef", "SOP-9"))
                .andExpect(status().isFound());
        Category edited = taxonomy.category(code);
        assertThat(edited.sopRef()).isEqualTo("SOP-9");
        assertThat(edited.active()).isFalse();
        assertThat(edited.version()).isEqualTo(1);
    }

    @Test
    void theListIsSortedAndPagedOnTheServer() throws Exception {
        UserAccount pm = newUser(Role.PROCESS_MANAGER, List.of());
        String prefix = unique("sortpage");
        for (int i = 0; i < 26; i++) {
            taxonomy.create(new CategorySpec(prefix + String.format(".%02d", i), null,
                    java.util.Map.of("en", "Sorted " + i), null, null, null));
        }
        String first = mvc.perform(get("/triage/taxonomy").with(user(pm)).param("q", prefix)
                        .param("sort", "code").param("dir", "desc").param("size", "25"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        first = table(first);
        assertThat(first).contains(prefix + ".25", prefix + ".01").doesNotContain(prefix + ".00<")
                .contains("aria-sort=\"descending\"");
        assertThat(first.indexOf(prefix + ".25")).isLessThan(first.indexOf(prefix + ".01"));
        String second = mvc.perform(get("/triage/taxonomy").with(user(pm)).param("q", prefix)
                        .param("sort", "code").param("dir", "desc").param("size", "25").param("page", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(table(second)).contains(prefix + ".00").doesNotContain(prefix + ".01<");
        String ascending = mvc.perform(get("/triage/taxonomy").with(user(pm)).param("q", prefix)
                        .param("sort", "code").param("size", "25"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(table(ascending)).contains(prefix + ".00<").doesNotContain(prefix + ".25<");
        mvc.perform(get("/triage/taxonomy").with(user(pm)).param("sort", "nonsense"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("nonsense")));
    }

    /** The list table only (the parent choice of the add form lists every category). */
    private static String table(String html) {
        return html.substring(html.indexOf("<table"), html.indexOf("</table>"));
    }

    @Test
    void theAfterActionMessageIsInTheUsersLanguage() throws Exception {
        UserAccount pm = newUser(Role.PROCESS_MANAGER, List.of());
        String code = unique("flash");
        mvc.perform(post("/triage/taxonomy").with(user(pm)).with(csrf()).locale(java.util.Locale.GERMANY)
                        .param("code", code).param("names", "en=Flash; de=Meldung"))
                .andExpect(status().isFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flash", "Kategorie " + code + " hinzugefügt."));
        mvc.perform(post("/triage/taxonomy").with(user(pm)).with(csrf()).locale(java.util.Locale.UK)
                        .param("code", code + "b").param("names", "en=Flash"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flash", "Category " + code + "b added."));
    }

    @Test
    void theErrorPagesAreInTheUsersLanguage() throws Exception {
        UserAccount pm = newUser(Role.PROCESS_MANAGER, List.of());
        mvc.perform(get("/triage/taxonomy/" + unique("missing")).with(user(pm)).locale(java.util.Locale.GERMANY))
                .andExpect(status().isNotFound()).andExpect(content().string(containsString("404 · Nicht gefunden")));
        mvc.perform(post("/triage/incidents/abc/close").with(user(pm)).with(csrf()).locale(java.util.Locale.GERMANY))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id: der Wert ist hier nicht gültig")));
        mvc.perform(post("/triage/incidents/abc/close").with(user(pm)).with(csrf()).locale(java.util.Locale.UK))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id: the value is not valid here")));
    }

    @Test
    void invalidInputIsShownInTheForm() throws Exception {
        UserAccount pm = newUser(Role.PROCESS_MANAGER, List.of());
        mvc.perform(post("/triage/taxonomy").with(user(pm)).with(csrf()).param("code", unique("x")).param("names", "just a name"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("en=Name")));
    }

    @Test
    void managersSeeAndCloseIncidentsInTheirMarkets() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        ensureMarket("FR", "EUR", "Europe/Paris", "fr");
        String category = unique("spike");
        java.time.Instant hour = java.time.Instant.parse("2032-01-05T10:00:00Z");
        Cell cell = new Cell(category, "psp", "FR", "card");
        java.util.List<Incident> opened = new java.util.ArrayList<>();
        asSystem(() -> {
            for (int i = 0; i < 40; i++) {
                incidents.observe(category + "-" + i, cell, hour.plusSeconds(i));
            }
            opened.addAll(incidents.detect(hour).stream().filter(i -> i.cell().equals(cell)).toList());
        });
        assertThat(opened).hasSize(1);

        UserAccount germanManager = newUser(Role.REALTIME_MANAGER, List.of("DE"));
        mvc.perform(get("/triage/incidents").with(user(germanManager))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(category))));
        UserAccount frenchManager = newUser(Role.REALTIME_MANAGER, List.of("FR"));
        mvc.perform(get("/triage/incidents").with(user(frenchManager))).andExpect(status().isOk())
                .andExpect(content().string(containsString(category)));
        mvc.perform(post("/triage/incidents/" + opened.getFirst().id() + "/close").with(user(germanManager)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/triage/incidents/" + opened.getFirst().id() + "/close").with(user(frenchManager)).with(csrf()))
                .andExpect(status().isFound());
        assertThat(incidents.incident(opened.getFirst().id()).status()).isEqualTo("CLOSED");
    }

    @Test
    void agentsCannotOpenTheEditorOrTheModelPage() throws Exception {
        UserAccount agent = newUser(Role.AGENT, List.of());
        mvc.perform(get("/triage/taxonomy").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/triage/models").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/triage/incidents").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/triage/models").with(user(newUser(Role.ADMIN, List.of())))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Classifier versions")));
    }
}
