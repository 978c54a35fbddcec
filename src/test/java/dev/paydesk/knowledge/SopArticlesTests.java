package dev.paydesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

import tools.jackson.databind.json.JsonMapper;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseSettingsCatalog;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.cases.NewCase;
import dev.paydesk.knowledge.internal.KnowledgeService;
import dev.paydesk.knowledge.internal.SopArticles;
import dev.paydesk.knowledge.internal.SopChecklist;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;

/**
 * SOPs become articles: the import keeps every case's recorded steps, the case page links the SOP article,
 * and publishing an edited checklist (by a second person) is the case desk's next SOP version.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SopArticlesTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseDesk desk;
    @Autowired
    CaseWorkbench workbench;
    @Autowired
    CaseSettingsCatalog catalog;
    @Autowired
    SopArticles sops;
    @Autowired
    KnowledgeService knowledge;
    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void importedSopsKeepRecordedStepsAndPublishedEditsBecomeNewSopVersions() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        String category = "sopcat-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> steps = List.of("Look up the refund at the PSP", "Check the bank statement", "Reply to the customer");
        CaseSummary[] c = new CaseSummary[1];
        long[] sopId = new long[1];
        asSystem(() -> {
            sopId[0] = workbench.publishSop(category, "DE", "Chase a refund", steps).id();
            c[0] = desk.open(NewCase.builder("Refund missing", "DE", CaseSource.API).category(category).language("en").build())
                    .summary();
            workbench.checkSopStep(c[0].id(), sopId[0], 1);
        });

        assertThat(sops.importFromCaseDesk()).isPositive();
        assertThat(sops.importFromCaseDesk()).isZero();
        String id = sops.forCase(category, "DE").orElseThrow().articleId();
        KnowledgeService.ArticleView article = knowledge.article(id);
        assertThat(article.publishedVersion()).isEqualTo(1);
        assertThat(article.tags().categories()).containsExactly(category);
        assertThat(SopChecklist.steps(article.latest().body())).isEqualTo(steps);
        assertThat(recordedSteps(c[0])).isEqualTo(List.of(sopId[0] + ":1:test-setup"));

        var agent = newUser(Role.AGENT, List.of("DE"));
        mvc.perform(get("/cases/" + c[0].key()).with(user(agent))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/knowledge/articles/" + id + "?case=" + c[0].key())));

        String author = tokenFor(newUser(Role.PROCESS_MANAGER, List.of()));
        String approver = tokenFor(newUser(Role.PROCESS_MANAGER, List.of()));
        List<String> edited = List.of("Look up the refund at the PSP", "Check the bank statement for 10 days",
                "Reply to the customer", "Close the case");
        call(author, put("/api/v1/knowledge/articles/" + id), java.util.Map.of("baseVersion", 1, "title", "Chase a refund",
                "body", SopChecklist.markdown("Refunds can take 10 days to reach the bank.", edited)), status().isOk());
        call(approver, post("/api/v1/knowledge/articles/" + id + "/versions/2/publish"), null, status().isOk());
        asSystem(() -> {
            CaseWorkbench.Sop latest = catalog.latestSop(category, "DE").orElseThrow();
            assertThat(latest.version()).isEqualTo(2);
            assertThat(latest.steps().stream().map(CaseWorkbench.Step::text).toList()).isEqualTo(edited);
        });
        assertThat(recordedSteps(c[0])).isEqualTo(List.of(sopId[0] + ":1:test-setup"));

        call(author, put("/api/v1/knowledge/articles/" + id), java.util.Map.of("baseVersion", 2, "title", "Chase a refund",
                "body", "No checklist any more."), status().isOk());
        call(approver, post("/api/v1/knowledge/articles/" + id + "/versions/3/publish"), null, status().isBadRequest());
        assertThat(knowledge.article(id).publishedVersion()).isEqualTo(2);
        asSystem(() -> assertThat(catalog.latestSop(category, "DE").orElseThrow().version()).isEqualTo(2));
    }

    private List<String> recordedSteps(CaseSummary c) {
        return jdbc.sql("select sop_id || ':' || step || ':' || done_by from cases_sop_check where case_id = :id order by sop_id, step")
                .param("id", c.id()).query(String.class).list();
    }

    private void call(String token, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                      @org.jspecify.annotations.Nullable Object body, ResultMatcher expected) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        mvc.perform(request.header("Authorization", "Bearer " + token)).andExpect(expected);
    }
}
