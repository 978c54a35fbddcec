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

    @Test
    void processManagerAddsAndEditsACategory() throws Exception {
        UserAccount pm = newUser(Role.PROCESS_MANAGER, List.of());
        String code = unique("payout");

        mvc.perform(post("/triage/taxonomy").with(user(pm)).with(csrf()).param("code", code)
                        .param("names", "en=Payout late; de=Auszahlung verspätet").param("defaultQueue", "merchant-care"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/triage/taxonomy"));
        assertThat(taxonomy.category(code).name("de")).isEqualTo("Auszahlung verspätet");

        mvc.perform(get("/triage/taxonomy").with(user(pm))).andExpect(status().isOk())
                .andExpect(content().string(containsString(code)));
        mvc.perform(get("/triage/taxonomy/" + code).with(user(pm))).andExpect(status().isOk())
                .andExpect(content().string(containsString("merchant-care")));
        mvc.perform(post("/triage/taxonomy/" + code).with(user(pm)).with(csrf()).param("code", code).param("version", "0")
                        .param("names", "en=Payout delayed").param("sopRef", "SOP-9"))
                .andExpect(status().isFound());
        Category edited = taxonomy.category(code);
        assertThat(edited.sopRef()).isEqualTo("SOP-9");
        assertThat(edited.active()).isFalse();
        assertThat(edited.version()).isEqualTo(1);
    }

    @Test
    void invalidInputIsShownInTheForm() throws Exception {
        UserAccount pm = newUser(Role.PROCESS_MANAGER, List.of());
        mvc.perform(post("/triage/taxonomy").with(user(pm)).with(csrf()).param("code", unique("x")).param("names", "just a name"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("en=Name")));
    }

    @Test
    void agentsCannotOpenTheEditorOrTheModelPage() throws Exception {
        UserAccount agent = newUser(Role.AGENT, List.of());
        mvc.perform(get("/triage/taxonomy").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/triage/models").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/triage/models").with(user(newUser(Role.ADMIN, List.of())))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Classifier versions")));
    }
}
