package dev.paydesk.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.NewCase;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.UserAccount;

/**
 * Categories with many cases but no article: counted per market as cases_opened counts them (the drill-down
 * lists exactly that many), gone once an article tagged with the category for the market is published, still
 * there for a market the article is not tagged for; only the reader's markets; managers only.
 */
@SpringBootTest
@AutoConfigureMockMvc
@SuppressWarnings("unchecked")
class KnowledgeGapsTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseDesk desk;

    @Test
    void busyCategoriesWithoutAnArticleAreListedUntilOneIsPublishedForTheirMarket() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        ensureMarket("PT", "EUR", "Europe/Lisbon", "pt");
        String busy = "gap_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String quiet = busy + "_quiet";
        asSystem(() -> {
            for (int i = 0; i < 4; i++) {
                desk.open(NewCase.builder("Refund missing " + i, "DE", CaseSource.API).category(busy).language("de").build());
            }
            for (int i = 0; i < 3; i++) {
                desk.open(NewCase.builder("Refund missing PT " + i, "PT", CaseSource.API).category(busy).language("de").build());
            }
            desk.open(NewCase.builder("Once", "DE", CaseSource.API).category(quiet).language("de").build());
        });
        UserAccount manager = newUser(Role.PROCESS_MANAGER, List.of());
        String token = tokenFor(manager);
        await().atMost(Duration.ofSeconds(30)).until(() -> gaps(token, busy).size() == 2);

        List<Integer> cases = JsonPath.read(api(token), "$[?(@.category == '" + busy + "' && @.market == 'DE')].cases");
        assertThat(cases).containsExactly(4);
        assertThat(gaps(token, quiet)).as("fewer cases than minCases").isEmpty();
        List<String> records = JsonPath.read(api(token), "$[?(@.category == '" + busy + "' && @.market == 'DE')].records");
        // the number drills down to exactly that many cases
        mvc.perform(get(records.getFirst()).with(user(manager))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-total=\"4\"")));

        // a German agent's manager sees Germany only; the page lists the gap; agents may not look
        UserAccount germanLead = newUser(Role.PROCESS_MANAGER, List.of("DE"));
        assertThat(gaps(tokenFor(germanLead), busy)).containsExactly("DE");
        mvc.perform(get("/insights/knowledge-gaps").param("q", busy).param("minCases", "2").with(user(manager))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-gap=\"DE/" + busy + "\"")))
                .andExpect(content().string(containsString("data-gap=\"PT/" + busy + "\"")));
        String csv = mvc.perform(get("/insights/knowledge-gaps/export.csv").param("minCases", "2").with(user(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("market,category,cases_opened").contains("DE," + busy + ",4").contains("PT," + busy + ",3");
        mvc.perform(get("/insights/knowledge-gaps").with(user(newUser(Role.AGENT, List.of("DE"))))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/insights/knowledge-gaps").param("days", "0").header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("days")));

        // an article for the category in Germany closes the German gap only
        String author = tokenFor(newUser(Role.PROCESS_MANAGER, List.of()));
        String created = mvc.perform(post("/api/v1/knowledge/articles").header("Authorization", "Bearer " + author)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"title": "Refund missing in Germany", "body": "Check with the provider.", "language": "de",
                                 "tags": {"markets": ["DE"], "categories": ["%s"]}}""".formatted(busy)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");
        assertThat(gaps(token, busy)).as("a draft covers nothing").hasSize(2);
        mvc.perform(post("/api/v1/knowledge/articles/" + id + "/versions/1/publish").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        assertThat(gaps(token, busy)).containsExactly("PT");
        mvc.perform(get("/insights/knowledge-gaps").param("q", busy).param("minCases", "2").with(user(manager))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-gap=\"DE/" + busy + "\""))));
    }

    private String api(String token) throws Exception {
        return mvc.perform(get("/api/v1/insights/knowledge-gaps").param("minCases", "2").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The markets listed as gaps for the category. */
    private List<String> gaps(String token, String category) throws Exception {
        return JsonPath.read(api(token), "$[?(@.category == '" + category + "')].market");
    }
}
