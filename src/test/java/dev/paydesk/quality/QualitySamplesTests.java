package dev.paydesk.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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
import dev.paydesk.quality.internal.SamplingService;
import dev.paydesk.quality.sampling.SamplingRules;

/** Stored samples: assignments to the market's quality reviewers, idempotent per period, done by the review; the weekly job. */
@SpringBootTest
@AutoConfigureMockMvc
class QualitySamplesTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SamplingService sampling;

    @Autowired
    dev.paydesk.platform.internal.UserAffiliationService affiliations;

    @Autowired
    dev.paydesk.workforce.ContactData workforce;

    @Autowired
    dev.paydesk.workforce.MeasuredQuality measuredQuality;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    /** The targeted picks that need other modules' facts: an agent in their first days, a case whose dispute was lost. */
    @Test
    void aNewAgentsCaseAndACaseWithALostDisputeArePickedForThatReason() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        UserAccount lead = newUser(Role.PROCESS_MANAGER, List.of("DE"));
        UserAccount newcomer = newUser(Role.AGENT, List.of("DE")); // created just now: in their first days
        String newcomerCase = QualityFixtures.resolvedCase(mvc, tokenFor(newcomer), newcomer.username());

        // a dispute that ends lost, linked to a case its (not new) agent resolves
        String dp = "dp_" + unique("lost").replace("-", "");
        java.time.Instant at = java.time.Instant.now().minus(java.time.Duration.ofDays(2));
        for (String[] step : new String[][] {{"charge.dispute.created", "needs_response"}, {"charge.dispute.closed", "lost"}}) {
            tx.executeWithoutResult(x -> events.publishEvent(new dev.paydesk.payments.DisputeNotified(dev.paydesk.payments.Provider.STRIPE,
                    "stripe-eu", "evt_" + dp + step[1], dp, "ch_" + dp, "ORD-" + dp, step[0], step[1], "fraudulent",
                    dev.paydesk.shared.Money.of(4_990, "EUR"), at.plus(java.time.Duration.ofDays(10)), at, "{}")));
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from disputes_dispute where provider_dispute_id = ? and status = 'LOST'").param(dp)
                .query(Long.class).single() == 1);
        String disputeId = jdbc.sql("select id::text from disputes_dispute where provider_dispute_id = ?").param(dp)
                .query(String.class).single();
        UserAccount veteran = newUser(Role.AGENT, List.of("DE"));
        jdbc.sql("update platform_user set created_at = now() - interval '400 days' where id = ?").param(veteran.id()).update();
        String token = tokenFor(veteran);
        String json = mvc.perform(QualityFixtures.json(post("/api/v1/cases").header("Idempotency-Key", UUID.randomUUID().toString()),
                token, "{\"subject\": \"Chargeback lost\", \"market\": \"DE\"}")).andReturn().getResponse().getContentAsString();
        String lostCase = JsonPath.read(json, "$.key");
        call(post("/api/v1/cases/" + lostCase + "/links"), token, "{\"kind\": \"DISPUTE\", \"ref\": \"" + disputeId + "\"}")
                .andExpect(status().is2xxSuccessful());
        call(put("/api/v1/cases/" + lostCase + "/assignment"), token, "{\"assignee\": \"" + veteran.username() + "\"}")
                .andExpect(status().is2xxSuccessful());
        call(put("/api/v1/cases/" + lostCase + "/status"), token, "{\"status\": \"RESOLVED\"}").andExpect(status().is2xxSuccessful());

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String picks = call(post("/api/v1/quality/samples/preview"), tokenFor(lead), """
                {"market": "DE", "from": "%s", "to": "%s", "seed": 3, "randomShare": 0, "minPerAgent": 0,
                 "newAgentDays": 30, "reviewers": [{"name": "%s"}]}""".formatted(today.minusDays(1), today,
                newUser(Role.QUALITY_REVIEWER, List.of("DE")).getUsername()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Object>>read(picks, "$[?(@.caseKey == '" + newcomerCase + "')].reason")).containsExactly("new_agent");
        assertThat(JsonPath.<List<Object>>read(picks, "$[?(@.caseKey == '" + lostCase + "')].reason")).containsExactly("dispute_lost");
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        return mvc.perform(QualityFixtures.json(request, token, body));
    }

    @Test
    void aStoredSampleAssignsTheMarketsReviewersAndTheReviewCompletesIt() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        UserAccount lead = newUser(Role.PROCESS_MANAGER, List.of("DE"));
        UserAccount reviewer = newUser(Role.QUALITY_REVIEWER, List.of("DE"));
        String agentToken = tokenFor(agent);
        String key = QualityFixtures.resolvedCase(mvc, agentToken, agent.username());

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // a period no other test samples: the sample of a period is stored once
        LocalDate from = today.minusDays(400 + ThreadLocalRandom.current().nextInt(5000));
        String body = """
                {"market": "DE", "from": "%s", "to": "%s", "seed": 7, "randomShare": 1.0,
                 "reviewers": [{"name": "%s"}, {"name": "%s"}]}""".formatted(from, today, agent.username(), reviewer.username());
        String first = call(post("/api/v1/quality/samples"), tokenFor(lead), body).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        List<String> assigned = JsonPath.read(first, "$.assignments[?(@.caseKey == '" + key + "')].reviewer");
        assertThat(assigned).containsExactly(reviewer.username());
        String again = call(post("/api/v1/quality/samples"), tokenFor(lead), body).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(again, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
        call(post("/api/v1/quality/samples"), tokenFor(lead), "{\"market\": \"DE\"}").andExpect(status().isBadRequest());

        String reviewerToken = tokenFor(reviewer);
        String mine = call(get("/api/v1/quality/samples/assignments?mine=true"), reviewerToken, "")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Object> open = JsonPath.read(mine, "$[?(@.caseKey == '" + key + "' && @.reviewId == null)]");
        assertThat(open).hasSize(1);
        call(get("/api/v1/quality/samples/assignments"), agentToken, "").andExpect(status().isForbidden());

        String card = JsonPath.read(call(post("/api/v1/quality/scorecards"), tokenFor(lead), """
                {"name": "%s", "market": "DE", "criteria": [{"code": "tone", "label": "Tone", "weight": 1}]}"""
                .formatted(unique("Sampled"))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String review = call(post("/api/v1/quality/reviews"), reviewerToken, """
                {"caseRef": "%s", "scorecardId": "%s", "answers": [{"criterion": "tone", "value": "yes"}]}"""
                .formatted(key, card)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID reviewId = UUID.fromString(JsonPath.read(review, "$.id"));
        assertThat(jdbc.sql("select review_id from quality_assignment where case_key = ?").param(key)
                .query(UUID.class).list()).containsOnly(reviewId);
    }

    @Test
    void theWeeklyJobSamplesEveryMarketsPreviousWeekOnce() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        LocalDate wednesday = LocalDate.of(2031, 3, 12);
        List<Sample> first = sampling.weekly(wednesday, SamplingRules.standard(null));
        assertThat(first).isNotEmpty().allSatisfy(s -> {
            assertThat(s.from()).isEqualTo(LocalDate.of(2031, 3, 3));
            assertThat(s.to()).isEqualTo(LocalDate.of(2031, 3, 9));
            assertThat(s.createdBy()).isEqualTo("system");
        });
        List<Sample> second = sampling.weekly(wednesday.plusDays(1), SamplingRules.standard(null));
        assertThat(second).extracting(Sample::id).containsExactlyElementsOf(first.stream().map(Sample::id).toList());
    }

    @Test
    void withTheOptionNoReviewerOfTheAgentsSupplierIsAssigned() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        String bpo = unique("bpo").toLowerCase();
        asSystem(() -> workforce.createSupplier(new dev.paydesk.workforce.Supplier(bpo, "Sampling BPO", List.of("payments"),
                dev.paydesk.shared.Money.of(2000, "EUR"), 80, 0.7, 0, 10)));
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        UserAccount lead = newUser(Role.PROCESS_MANAGER, List.of("DE"));
        UserAccount colleague = newUser(Role.QUALITY_REVIEWER, List.of("DE"));
        var same = affiliations.validate(bpo, "");
        affiliations.set(agent.id(), same);
        affiliations.set(colleague.id(), same);
        String key = QualityFixtures.resolvedCase(mvc, tokenFor(agent), agent.username());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String body = """
                {"market": "DE", "from": "%s", "to": "%s", "seed": 7, "randomShare": 1.0, "allowSameSupplier": %s,
                 "reviewers": [{"name": "%s"}]}""";
        String allowed = call(post("/api/v1/quality/samples/preview"), tokenFor(lead),
                body.formatted(today.minusDays(1), today, true, colleague.username()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Object>>read(allowed, "$[?(@.caseKey == '" + key + "')].reviewer"))
                .containsExactly(colleague.username());
        String excluded = call(post("/api/v1/quality/samples/preview"), tokenFor(lead),
                body.formatted(today.minusDays(1), today, false, colleague.username()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<java.util.Map<String, Object>> picked = JsonPath.read(excluded, "$[?(@.caseKey == '" + key + "')]");
        assertThat(picked).hasSize(1);
        assertThat(picked.getFirst().get("reviewer")).isNull();
    }

    @Test
    void reviewsOfASuppliersAgentsMakeItsIqsInReportsAndForWorkforce() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        String bpo = unique("iqs").toLowerCase();
        asSystem(() -> workforce.createSupplier(new dev.paydesk.workforce.Supplier(bpo, "IQS BPO", List.of("payments"),
                dev.paydesk.shared.Money.of(2000, "EUR"), 80, 0.7, 0, 10)));
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        UserAccount lead = newUser(Role.PROCESS_MANAGER, List.of("DE"));
        UserAccount reviewer = newUser(Role.QUALITY_REVIEWER, List.of("DE"));
        String team = unique("Team");
        affiliations.set(agent.id(), affiliations.validate(bpo, team));
        String key = QualityFixtures.resolvedCase(mvc, tokenFor(agent), agent.username());
        String card = JsonPath.read(call(post("/api/v1/quality/scorecards"), tokenFor(lead), """
                {"name": "%s", "market": "DE", "criteria": [{"code": "tone", "label": "Tone", "weight": 1},
                 {"code": "fix", "label": "Fix", "weight": 1}]}"""
                .formatted(unique("Supplier IQS"))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        // one of two equally weighted criteria met: 50 %
        call(post("/api/v1/quality/reviews"), tokenFor(reviewer), """
                {"caseRef": "%s", "scorecardId": "%s", "answers": [{"criterion": "tone", "value": "yes"},
                 {"criterion": "fix", "value": "no"}]}""".formatted(key, card)).andExpect(status().isCreated());

        String bySupplier = call(get("/api/v1/quality/reports/iqs?by=supplier"), tokenFor(lead), "")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Object>>read(bySupplier, "$[?(@.group == '" + bpo + "')].iqs")).containsExactly(50.0);
        String byTeam = call(get("/api/v1/quality/reports/iqs?by=team"), tokenFor(lead), "")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Object>>read(byTeam, "$[?(@.group == '" + team + "')].reviews")).containsExactly(1);

        LocalDate dayBefore = LocalDate.now(ZoneOffset.UTC);
        var measured = measuredQuality.iqsBySupplier().get(bpo);
        assertThat(measured).isNotNull();
        assertThat(measured.iqs()).isEqualTo(50.0);
        assertThat(measured.reviews()).isEqualTo(1);
        // up to today, read by the service itself: midnight may pass between its read and ours
        assertThat(measured.to()).isBetween(dayBefore, LocalDate.now(ZoneOffset.UTC));
    }
}
