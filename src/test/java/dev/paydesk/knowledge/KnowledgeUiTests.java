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

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.knowledge.internal.KnowledgeService;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.UserAccount;

/** The knowledge pages: write, preview, a stale save that keeps both texts, publish by a second person, search as you type. */
@SpringBootTest
@AutoConfigureMockMvc
class KnowledgeUiTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    KnowledgeService knowledge;

    @Test
    void writePublishAndFindAnArticleInTheUi() throws Exception {
        UserAccount anna = newUser(Role.PROCESS_MANAGER, List.of());
        UserAccount ben = newUser(Role.PROCESS_MANAGER, List.of());
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        String id = unique("ui-article").toLowerCase();

        mvc.perform(post("/knowledge/preview").with(user(anna)).with(csrf()).param("body", "**bold** <script>alert(1)</script>"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("<strong>bold</strong>")))
                .andExpect(content().string(not(containsString("<script"))));
        mvc.perform(post("/knowledge/articles").with(user(anna)).with(csrf()).param("id", id).param("title", "Quuxpayment refund")
                        .param("body", "First text").param("audience", "CUSTOMER").param("language", "en"))
                .andExpect(status().isFound());
        mvc.perform(post("/knowledge/articles").with(user(ben)).with(csrf()).param("id", id).param("baseVersion", "1")
                .param("title", "Quuxpayment refund").param("body", "Ben's text")).andExpect(status().isFound());
        mvc.perform(post("/knowledge/articles").with(user(anna)).with(csrf()).param("id", id).param("baseVersion", "1")
                        .param("title", "Quuxpayment refund").param("body", "Anna's text"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ben&#39;s text")))
                .andExpect(content().string(containsString("Anna&#39;s text")));

        mvc.perform(post("/knowledge/articles/" + id + "/publish").with(user(ben)).with(csrf()).param("version", "2"))
                .andExpect(status().isFound());
        assertThat(knowledge.article(id).publishedVersion()).isNull();
        mvc.perform(post("/knowledge/articles/" + id + "/publish").with(user(anna)).with(csrf()).param("version", "2"))
                .andExpect(status().isFound());
        assertThat(knowledge.article(id).publishedVersion()).isEqualTo(2);

        mvc.perform(get("/knowledge/results").with(user(agent)).param("q", "quuxpay")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/knowledge/articles/" + id)));
        mvc.perform(get("/knowledge").with(user(agent)).param("sort", "owner")).andExpect(status().isOk())
                .andExpect(content().string(containsString(id)));
        mvc.perform(get("/knowledge/articles/" + id).with(user(agent))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<p>Ben's text</p>")));
        mvc.perform(get("/knowledge/articles/" + id + "/diff").with(user(agent)).param("from", "1").param("to", "2"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("- First text")));
        mvc.perform(get("/knowledge/new").with(user(agent))).andExpect(status().isForbidden());
    }
}
