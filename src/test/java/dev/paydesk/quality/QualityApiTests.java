package dev.paydesk.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.UserAccount;

/** Scorecards and reviews over the API: versions, bad input stored nowhere, the lifecycle with a dispute, audit. */
@SpringBootTest
@AutoConfigureMockMvc
class QualityApiTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    UserAccount agent;
    UserAccount lead;
    String agentToken;
    String leadToken;
    String otherLeadToken;
    String name;

    @BeforeEach
    void setUp() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        agent = newUser(Role.AGENT, List.of("DE"));
        lead = newUser(Role.PROCESS_MANAGER, List.of("DE"));
        agentToken = tokenFor(agent);
        leadToken = tokenFor(lead);
        otherLeadToken = tokenFor(newUser(Role.PROCESS_MANAGER, List.of("DE")));
        name = unique("Refunds");
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private String scorecard(int greetingWeight) throws Exception {
        String body = """
                {"name": "%s", "categoryGroup": "refund", "market": "DE", "criteria": [
                  {"code": "greeting", "label": "Greets by name", "section": "Tone", "weight": %d, "scale": "YES_NO"},
                  {"code": "accuracy", "label": "Explains correctly", "section": "Content", "weight": 3, "scale": "ONE_TO_FIVE"},
                  {"code": "verification", "label": "SOP verification", "section": "Compliance", "weight": 2,
                   "scale": "YES_NO", "critical": true}]}""".formatted(name, greetingWeight);
        String json = call(post("/api/v1/quality/scorecards"), leadToken, body).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.id");
    }

    /** A case the agent opened, is assigned and resolved. */
    private String resolvedCase() throws Exception {
        String json = call(post("/api/v1/cases").header("Idempotency-Key", UUID.randomUUID().toString()), agentToken,
                "{\"subject\": \"Refund not received\", \"description\": \"where is my money\", \"market\": \"DE\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String key = JsonPath.read(json, "$.key");
        call(put("/api/v1/cases/" + key + "/assignment"), agentToken, "{\"assignee\": \"" + agent.username() + "\"}")
                .andExpect(status().is2xxSuccessful());
        call(put("/api/v1/cases/" + key + "/status"), agentToken, "{\"status\": \"RESOLVED\"}")
                .andExpect(status().is2xxSuccessful());
        return key;
    }

    private static String review(String caseKey, String scorecardId, String greeting, String accuracy, String verification) {
        return """
                {"caseRef": "%s", "scorecardId": "%s", "answers": [
                  {"criterion": "greeting", "value": "%s"}, {"criterion": "accuracy", "value": "%s"},
                  {"criterion": "verification", "value": "%s", "comment": "SOP log checked"}]}"""
                .formatted(caseKey, scorecardId, greeting, accuracy, verification);
    }

    private long reviewsOf(String caseKey) {
        return jdbc.sql("select count(*) from quality_review where case_key = ?").param(caseKey).query(Long.class).single();
    }

    @Test
    void aReviewScoresTheWeightedShareAndKeepsItsScorecardVersion() throws Exception {
        String v1 = scorecard(1);
        String key = resolvedCase();
        String json = call(post("/api/v1/quality/reviews"), leadToken, review(key, v1, "yes", "4", "yes"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.score.earned").value(15))
                .andExpect(jsonPath("$.score.available").value(18))
                .andExpect(jsonPath("$.score.percent").value(83.33))
                .andExpect(jsonPath("$.agent").value(agent.username()))
                .andExpect(jsonPath("$.scorecardVersion").value(1))
                .andReturn().getResponse().getContentAsString();
        String reviewId = JsonPath.read(json, "$.id");
        String v2 = scorecard(2);
        call(get("/api/v1/quality/scorecards/" + v1), leadToken, "").andExpect(jsonPath("$.status").value("RETIRED"));
        call(get("/api/v1/quality/scorecards/" + v2), leadToken, "").andExpect(jsonPath("$.version").value(2));
        call(get("/api/v1/quality/reviews/" + reviewId), agentToken, "")
                .andExpect(status().isOk()).andExpect(jsonPath("$.scorecardVersion").value(1));
    }

    @Test
    void badInputIsAProblemAndStoresNothing() throws Exception {
        long cards = jdbc.sql("select count(*) from quality_scorecard").query(Long.class).single();
        call(post("/api/v1/quality/scorecards"), leadToken, """
                {"name": "Zero", "criteria": [{"code": "a", "label": "A", "weight": 0}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("weights must be positive")));
        call(post("/api/v1/quality/scorecards"), leadToken, """
                {"name": "Negative", "market": "DE", "criteria": [{"code": "a", "label": "A", "weight": -1}]}""")
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from quality_scorecard").query(Long.class).single()).isEqualTo(cards);

        String v1 = scorecard(1);
        String key = resolvedCase();
        call(post("/api/v1/quality/reviews"), leadToken, review(key, v1, "yes", "7", "yes"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("outside its scale")));
        call(post("/api/v1/quality/reviews"), agentToken, review(key, v1, "yes", "3", "yes"))
                .andExpect(status().isForbidden());
        scorecard(1);
        call(post("/api/v1/quality/reviews"), leadToken, review(key, v1, "yes", "3", "yes"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("retired")));
        assertThat(reviewsOf(key)).isZero();
    }

    @Test
    void aReviewerMayNotReviewACaseTheyWorked() throws Exception {
        String v1 = scorecard(1);
        String key = resolvedCase();
        call(post("/api/v1/cases/" + key + "/notes"), leadToken, "{\"body\": \"checked with finance\"}")
                .andExpect(status().is2xxSuccessful());
        call(post("/api/v1/quality/reviews"), leadToken, review(key, v1, "yes", "3", "yes"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("may not review")));
        assertThat(reviewsOf(key)).isZero();
    }

    @Test
    void aDisputedReviewIsDecidedByAnotherLeadAndEveryStepIsAudited() throws Exception {
        String v1 = scorecard(1);
        String key = resolvedCase();
        String json = call(post("/api/v1/quality/reviews"), leadToken, review(key, v1, "yes", "5", "no"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.score.criticalFailed").value(true))
                .andExpect(jsonPath("$.score.percent").value(0.0))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(json, "$.id");
        String stranger = tokenFor(newUser(Role.AGENT, List.of("DE")));
        call(get("/api/v1/quality/reviews/" + id), stranger, "").andExpect(status().isNotFound());
        call(post("/api/v1/quality/reviews/" + id + "/dispute"), stranger, "{\"comment\": \"not mine\"}")
                .andExpect(status().isNotFound());
        call(post("/api/v1/quality/reviews/" + id + "/dispute"), agentToken, "{}").andExpect(status().isBadRequest());
        call(post("/api/v1/quality/reviews/" + id + "/dispute"), agentToken,
                "{\"comment\": \"the verification is in the SOP log at 10:02\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DISPUTED"));
        call(post("/api/v1/quality/reviews/" + id + "/acknowledge"), agentToken, "{}").andExpect(status().isConflict());
        call(post("/api/v1/quality/reviews/" + id + "/decision"), leadToken, "{\"uphold\": true, \"note\": \"mine\"}")
                .andExpect(status().isConflict());
        call(post("/api/v1/quality/reviews/" + id + "/decision"), otherLeadToken,
                "{\"uphold\": false, \"note\": \"log confirms the step\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("OVERTURNED"))
                .andExpect(jsonPath("$.decisionNote").value("log confirms the step"));
        List<String> actions = jdbc.sql("select action from platform_audit_log where entity_id = ? order by seq")
                .param(id).query(String.class).list();
        assertThat(actions).containsExactly("quality.review.submitted", "quality.review.disputed",
                "quality.review.overturned");
    }

    @Test
    void theAgentAcknowledgesAndSeesOnlyTheirOwnReviews() throws Exception {
        String v1 = scorecard(1);
        String key = resolvedCase();
        String json = call(post("/api/v1/quality/reviews"), leadToken, review(key, v1, "na", "3", "yes"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(json, "$.id");
        call(post("/api/v1/quality/reviews/" + id + "/acknowledge"), agentToken, "{\"comment\": \"thanks\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACKNOWLEDGED"));
        call(get("/api/v1/quality/reviews?agent=somebody-else"), agentToken, "")
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id));
    }

    @Test
    void aSamplePreviewNeverGivesTheAgentTheirOwnCaseAndRepeatsForItsSeed() throws Exception {
        // the UTC days from before the case is resolved to after it: midnight may pass in between
        java.time.LocalDate from = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String key = resolvedCase();
        java.time.LocalDate to = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String body = """
                {"market": "DE", "from": "%s", "to": "%s", "seed": 11, "randomShare": 1.0,
                 "reviewers": [{"name": "%s"}, {"name": "%s", "supplier": null}]}"""
                .formatted(from, to, agent.username(), lead.username());
        String first = call(post("/api/v1/quality/samples/preview"), leadToken, body).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> reviewers = JsonPath.read(first, "$[?(@.caseKey == '" + key + "')].reviewer");
        assertThat(reviewers).containsExactly(lead.username());
        String second = call(post("/api/v1/quality/samples/preview"), leadToken, body).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(second).isEqualTo(first);
        call(post("/api/v1/quality/samples/preview"), leadToken, "{\"market\": \"DE\"}")
                .andExpect(status().isBadRequest());
    }
}
