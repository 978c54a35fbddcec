package dev.paydesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.NewCase;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.UserAccount;

/**
 * Knowledge's panel on the case page: the case's market and text pick the published article, opening it
 * from the case counts as such, and "did this help" is recorded, audited and shown.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseSuggestionsTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseDesk desk;

    @Autowired
    dev.paydesk.cases.CaseWorkbench workbench;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dev.paydesk.knowledge.internal.KnowledgeUsage usage;

    private String publish(String author, String approver, String json) throws Exception {
        String created = mvc.perform(post("/api/v1/knowledge/articles").header("Authorization", "Bearer " + author)
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");
        mvc.perform(post("/api/v1/knowledge/articles/" + id + "/versions/1/publish").header("Authorization", "Bearer " + approver))
                .andExpect(status().isOk());
        return id;
    }

    @Test
    void anAgentSeesTheCasesArticleOpensItAndMarksItHelpful() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        String author = tokenFor(newUser(Role.PROCESS_MANAGER, List.of()));
        String approver = tokenFor(newUser(Role.PROCESS_MANAGER, List.of()));
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        String word = TestWords.unique("quibble");
        String german = publish(author, approver, """
                {"title": "Refund %s not arrived", "body": "Check the %s refund with the provider, then tell the customer.",
                 "audience": "customer", "language": "en", "tags": {"markets": ["DE"]}}""".formatted(word, word));
        String french = publish(author, approver, """
                {"title": "Refund %s in France", "body": "The %s refund for French customers.",
                 "audience": "internal", "language": "en", "tags": {"markets": ["FR"]}}""".formatted(word, word));
        CaseSummary[] c = new CaseSummary[1];
        asSystem(() -> c[0] = desk.open(NewCase.builder("My " + word + " refund has not arrived", "DE", CaseSource.API)
                .description("I was promised a refund two weeks ago.").language("en").build()).summary());
        String key = c[0].key();

        mvc.perform(get("/cases/" + key).with(user(agent))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/knowledge/articles/" + german + "?case=" + key)))
                .andExpect(content().string(containsString("data-insert-reply")))
                .andExpect(content().string(not(containsString("/knowledge/articles/" + french))));

        // market scope: the article tagged for France is not there for an agent of Germany, anywhere
        mvc.perform(get("/knowledge/articles/" + french).with(user(agent))).andExpect(status().isNotFound());
        mvc.perform(get("/knowledge/results").param("q", word).with(user(agent))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/knowledge/articles/" + german)))
                .andExpect(content().string(not(containsString("/knowledge/articles/" + french))));
        UserAccount everywhere = newUser(Role.AGENT, List.of());
        mvc.perform(get("/knowledge/results").param("q", word).with(user(everywhere))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/knowledge/articles/" + french)));

        mvc.perform(get("/knowledge/articles/" + german).param("case", key).with(user(agent))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-case-feedback")));
        mvc.perform(post("/knowledge/articles/" + german + "/feedback").with(user(agent)).with(csrf())
                        .param("case", key).param("helpful", "true"))
                .andExpect(redirectedUrl("/cases/" + key));
        mvc.perform(get("/cases/" + key).with(user(agent))).andExpect(status().isOk())
                .andExpect(content().string(containsString("You marked this as helpful")));

        assertThat(jdbc.sql("select kind from knowledge_usage where article_id = :id and case_key = :key order by id")
                .param("id", german).param("key", key).query(String.class).list())
                .containsExactly("OPENED_FROM_CASE", "HELPFUL");
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'knowledge.article.feedback' and entity_id = :id")
                .param("id", german).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/knowledge").param("q", word).with(user(agent))).andExpect(status().isOk());
        assertThat(jdbc.sql("select hits from knowledge_search_log where query = :q").param("q", word).query(Integer.class).list())
                .singleElement().isNotEqualTo(0);
        String nothing = "nothing " + word;
        asSystem(() -> usage.searched(nothing, 0));
        UserAccount manager = newUser(Role.PROCESS_MANAGER, List.of());
        mvc.perform(get("/knowledge/reports").param("sort", "helpful").with(user(manager))).andExpect(status().isOk())
                .andExpect(content().string(containsString(nothing)))
                .andExpect(content().string(containsString("/knowledge/articles/" + german)));
        mvc.perform(get("/knowledge/reports").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(post("/knowledge/articles/" + german + "/feedback").with(user(agent)).with(csrf())
                .param("case", "../evil").param("helpful", "true")).andExpect(status().isBadRequest());
    }

    @Test
    void aMacroLinksArticlesThatTheCasePageShowsInTheCasesLanguageAndTheReadersMarkets() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        String author = tokenFor(newUser(Role.PROCESS_MANAGER, List.of()));
        String approver = tokenFor(newUser(Role.PROCESS_MANAGER, List.of()));
        UserAccount lead = newUser(Role.PROCESS_MANAGER, List.of());
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        String word = TestWords.unique("macrolink");
        String chase = publish(author, approver, """
                {"title": "Chasing a %s refund", "body": "Ask the provider.", "audience": "internal", "language": "en",
                 "tags": {"markets": ["DE"]}}""".formatted(word));
        mvc.perform(put("/api/v1/knowledge/articles/" + chase + "/translations/de").header("Authorization", "Bearer " + author)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"Eine %s-Erstattung nachverfolgen\", \"body\": \"Beim Anbieter fragen.\", \"sourceVersion\": 1}"
                        .formatted(word))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/knowledge/articles/" + chase + "/translations/de/publish").header("Authorization", "Bearer " + approver))
                .andExpect(status().isOk());
        String french = publish(author, approver, """
                {"title": "French %s rules", "body": "Only for France.", "audience": "internal", "language": "en",
                 "tags": {"markets": ["FR"]}}""".formatted(word));
        String code = "m-" + word;

        // an unknown article is refused naming the field, and nothing is saved
        mvc.perform(post("/cases/settings/macros").with(user(lead)).with(csrf()).param("code", code).param("language", "de")
                        .param("title", "Erstattung").param("body", "Wir prüfen {{case.key}}.").param("articles", chase + ", no-such-" + word))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("no article no-such-" + word)));
        assertThat(jdbc.sql("select count(*) from cases_macro where code = :c").param("c", code).query(Long.class).single()).isZero();

        mvc.perform(post("/cases/settings/macros").with(user(lead)).with(csrf()).param("code", code).param("language", "de")
                        .param("title", "Erstattung").param("body", "Wir prüfen {{case.key}}.").param("articles", chase + ", " + french))
                .andExpect(status().isFound());
        mvc.perform(get("/cases/settings/macros/" + code + "/de").with(user(lead))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + chase + ", " + french + "\"")));

        CaseSummary[] c = new CaseSummary[1];
        asSystem(() -> c[0] = desk.open(NewCase.builder("Erstattung fehlt", "DE", CaseSource.API).language("de").build()).summary());
        // the agent of Germany sees the German title of the German article and not the French one
        mvc.perform(get("/cases/" + c[0].key() + "/reply-draft").param("macro", code).with(user(agent))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Wir prüfen " + c[0].key() + ".")))
                .andExpect(content().string(containsString("Eine " + word + "-Erstattung nachverfolgen")))
                .andExpect(content().string(containsString("/knowledge/articles/" + chase)))
                .andExpect(content().string(not(containsString("/knowledge/articles/" + french))));
        mvc.perform(get("/cases/" + c[0].key()).param("macro", code).with(user(agent))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Eine " + word + "-Erstattung nachverfolgen")));
        // someone of every market sees both
        mvc.perform(get("/cases/" + c[0].key() + "/reply-draft").param("macro", code).with(user(lead))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/knowledge/articles/" + french)));
        // the links come from the macro as the caller loaded it, not from loading the macros again: a macro held in
        // memory only (never saved) still shows its article
        var unsaved = new dev.paydesk.cases.CaseWorkbench.Macro("unsaved-" + word, "de", "x", "y", List.of(chase));
        assertThat(as(agent, () -> workbench.macroArticles(unsaved, "de")))
                .extracting(dev.paydesk.cases.ArticleDirectory.ArticleLink::id).containsExactly(chase);
    }
}
