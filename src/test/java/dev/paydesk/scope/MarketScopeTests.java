package dev.paydesk.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
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

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.UserAccount;
import tools.jackson.databind.json.JsonMapper;

/** Issue 21 #1, #7, #8 and #18: market scope holds for administration, the audit log, case links and 404s. */
@SpringBootTest
@AutoConfigureMockMvc
class MarketScopeTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CaseDesk desk;

    private static ScopedRecords de;
    private static ScopedRecords fr;

    @BeforeEach
    void records() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        ensureMarket("FR", "EUR", "Europe/Paris", "fr");
        if (de == null) {
            String root = tokenFor(newUser(Role.ADMIN, List.of()));
            de = ScopedRecords.create(mvc, jdbc, root, "DE");
            fr = ScopedRecords.create(mvc, jdbc, root, "FR");
        }
    }

    private ResultActions call(String token, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token));
    }

    private ResultActions send(String token, MockHttpServletRequestBuilder request, String json) throws Exception {
        return call(token, request.contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String userJson(String username, String roles, String markets, boolean all) {
        return "{\"username\": \"" + username + "\", \"roles\": [" + roles + "], \"markets\": [" + markets
                + "], \"allMarkets\": " + all + "}";
    }

    // ---- #1 -----------------------------------------------------------------------------------

    @Test
    void aMarketScopedAdminCannotGiveThemselvesAllMarkets() throws Exception {
        UserAccount admin = newUser(Role.ADMIN, List.of("DE"));
        String token = tokenFor(admin);
        send(token, put("/api/v1/users/" + admin.id()), userJson(admin.username(), "\"ADMIN\"", "\"DE\"", true))
                .andExpect(status().isForbidden());
        send(token, put("/api/v1/users/" + admin.id()), userJson(admin.username(), "\"ADMIN\"", "\"DE\",\"FR\"", false))
                .andExpect(status().isForbidden());
        assertThat(users.require(admin.id()).allMarkets()).isFalse();
        assertThat(users.require(admin.id()).markets()).containsExactly("DE");
        call(token, get("/api/v1/cases/" + fr.caseKey())).andExpect(status().isNotFound());
    }

    @Test
    void aMarketScopedAdminCreatesUsersOnlyWithinTheirMarkets() throws Exception {
        String token = tokenFor(newUser(Role.ADMIN, List.of("DE")));
        send(token, post("/api/v1/users"), userJson(unique("root"), "\"ADMIN\"", "", true)).andExpect(status().isForbidden());
        send(token, post("/api/v1/users"), userJson(unique("fr"), "\"AGENT\"", "\"FR\"", false))
                .andExpect(status().isForbidden());
        send(token, post("/api/v1/users"), userJson(unique("de"), "\"AGENT\"", "\"DE\"", false))
                .andExpect(status().isCreated());
    }

    @Test
    void anotherMarketsUserIsUnknownToAMarketScopedAdmin() throws Exception {
        String token = tokenFor(newUser(Role.ADMIN, List.of("DE")));
        UserAccount frAgent = newUser(Role.AGENT, List.of("FR"));
        UserAccount both = newUser(Role.AGENT, List.of("DE", "FR"));
        UUID unknown = UUID.randomUUID();
        String hidden = send(token, put("/api/v1/users/" + frAgent.id() + "/enabled"), "{\"enabled\": false}")
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        String missing = send(token, put("/api/v1/users/" + unknown + "/enabled"), "{\"enabled\": false}")
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertSameAnswer(hidden, frAgent.id().toString(), missing, unknown.toString());
        send(token, put("/api/v1/users/" + both.id() + "/enabled"), "{\"enabled\": false}").andExpect(status().isNotFound());
        send(token, put("/api/v1/users/" + frAgent.id()), userJson(frAgent.username(), "\"AGENT\"", "\"DE\"", false))
                .andExpect(status().isNotFound());
        call(token, get("/api/v1/users/" + frAgent.id())).andExpect(status().isNotFound());
        call(token, get("/api/v1/users")).andExpect(content().string(not(containsString(frAgent.username()))));
        assertThat(users.require(frAgent.id()).enabled()).isTrue();
        assertThat(users.require(both.id()).enabled()).isTrue();
    }

    @Test
    void theAdminPagesApplyTheSameRule() throws Exception {
        UserAccount admin = newUser(Role.ADMIN, List.of("DE"));
        UserAccount frAgent = newUser(Role.AGENT, List.of("FR"));
        mvc.perform(get("/admin/users/" + frAgent.id()).with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(post("/admin/users/" + frAgent.id() + "/enabled").param("enabled", "false").with(user(admin))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/users/" + admin.id()).param("username", admin.username()).param("roles", "ADMIN")
                        .param("markets", "DE").param("allMarkets", "true").with(user(admin))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("nobody changes their own roles")));
        assertThat(users.require(admin.id()).allMarkets()).isFalse();
        assertThat(users.require(frAgent.id()).enabled()).isTrue();
    }

    @Test
    void aMarketScopedAdminEditsOnlyTheirMarketsCalendars() throws Exception {
        String token = tokenFor(newUser(Role.ADMIN, List.of("DE")));
        send(token, put("/api/v1/markets/FR/holidays/2027-01-04"), "{\"name\": \"Taken\"}").andExpect(status().isNotFound());
        send(token, put("/api/v1/markets/FR/opening-hours"), "[]").andExpect(status().isNotFound());
        send(token, put("/api/v1/markets/FR"), "{\"code\": \"FR\", \"name\": \"Taken\", \"currency\": \"EUR\", "
                + "\"timeZone\": \"Europe/Paris\", \"languages\": [\"fr\"]}").andExpect(status().isNotFound());
        send(token, post("/api/v1/markets"), "{\"code\": \"LU\", \"name\": \"Luxembourg\", \"currency\": \"EUR\", "
                + "\"timeZone\": \"Europe/Luxembourg\", \"languages\": [\"fr\"]}").andExpect(status().isForbidden());
        assertThat(markets.overrides("FR")).noneMatch(o -> o.name().equals("Taken"));
        assertThat(markets.market("LU")).isEmpty();
        send(token, put("/api/v1/markets/DE/holidays/2027-01-04"), "{\"name\": \"Team day\"}").andExpect(status().isOk());
    }

    @Test
    void aProcessManagerEditsOnlyAgentsAndSettingsOfTheirMarkets() throws Exception {
        String token = tokenFor(newUser(Role.PROCESS_MANAGER, List.of("DE")));
        UserAccount frAgent = newUser(Role.AGENT, List.of("FR"));
        UserAccount deAgent = newUser(Role.AGENT, List.of("DE"));
        String agent = "{\"capacity\": 99, \"languages\": [], \"providers\": [], \"active\": true, \"queues\": []}";
        send(token, put("/api/v1/case-settings/agents/" + frAgent.username()), agent).andExpect(status().isNotFound());
        send(token, put("/api/v1/case-settings/agents/" + deAgent.username()), agent).andExpect(status().isOk());
        call(token, get("/api/v1/case-settings/agents")).andExpect(content().string(not(containsString(frAgent.username()))));
        send(token, post("/api/v1/case-settings/routing-rules"), "{\"id\": 0, \"position\": 1, \"market\": \"FR\", \"queue\": \"general\"}")
                .andExpect(status().isNotFound());
        send(token, post("/api/v1/case-settings/sla-policies"), "{\"id\": 0, \"name\": \"Everywhere\", \"warnBeforeMinutes\": 0, "
                + "\"resolutionMinutes\": 60, \"pauseReasons\": []}").andExpect(status().isForbidden());
        send(token, put("/api/v1/case-settings/queues/scope-q"), "{\"name\": \"Q\", \"strategy\": \"MANUAL\"}")
                .andExpect(status().isForbidden());
    }

    @Test
    void aDowntimeForEveryQueueNeedsAnAllMarketsManager() throws Exception {
        String downtime = "{\"title\": \"PSP outage\", \"startsAt\": \"2027-02-01T10:00:00Z\", "
                + "\"endsAt\": \"2027-02-01T11:00:00Z\", \"volumeUplift\": 0.5, \"ahtChange\": 0}";
        send(tokenFor(newUser(Role.REALTIME_MANAGER, List.of("DE"))), post("/api/v1/workforce/downtimes"), downtime)
                .andExpect(status().isForbidden());
        send(tokenFor(newUser(Role.REALTIME_MANAGER, List.of())), post("/api/v1/workforce/downtimes"), downtime)
                .andExpect(status().isCreated());
    }

    // ---- #7 -----------------------------------------------------------------------------------

    @Test
    void anAuditorReadsTheAuditEntriesOfTheirMarketsOnly() throws Exception {
        UserAccount auditor = newUser(Role.AUDITOR, List.of("FR"));
        String body = call(tokenFor(auditor), get("/api/v1/audit?limit=1000")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> markets = JsonPath.read(body, "$[*].market");
        List<String> ids = JsonPath.read(body, "$[*].entityId");
        assertThat(markets).isNotEmpty().containsOnly("FR");
        assertThat(ids).contains(fr.caseKey()).doesNotContain(de.caseKey());
        assertThat(body).doesNotContain("scope-de@example.com");
        mvc.perform(get("/audit").param("entityId", de.caseKey()).with(user(auditor))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("case " + de.caseKey()))));
        mvc.perform(get("/audit").param("entityId", fr.caseKey()).with(user(auditor))).andExpect(status().isOk())
                .andExpect(content().string(containsString("case " + fr.caseKey())));
        String all = call(tokenFor(newUser(Role.AUDITOR, List.of())), get("/api/v1/audit?entityId=" + de.caseKey()))
                .andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(all, "$[*].entityId")).contains(de.caseKey());
    }

    // ---- #8 -----------------------------------------------------------------------------------

    @Test
    void linkingAnotherMarketsRecordAnswersNotFound() throws Exception {
        String token = tokenFor(newUser(Role.SPECIALIST, List.of("DE")));
        String links = "/api/v1/cases/" + de.caseKey() + "/links";
        send(token, post(links), "{\"kind\": \"ORDER\", \"ref\": \"" + fr.orderRef() + "\"}").andExpect(status().isNotFound());
        send(token, post(links), "{\"kind\": \"CASE\", \"ref\": \"" + fr.caseKey() + "\"}").andExpect(status().isNotFound());
        send(token, post(links), "{\"kind\": \"DISPUTE\", \"ref\": \"" + fr.disputeId() + "\"}").andExpect(status().isNotFound());
        send(token, post("/api/v1/cases"), "{\"subject\": \"x\", \"market\": \"DE\", \"links\": [{\"kind\": \"ORDER\", \"ref\": \""
                + fr.orderRef() + "\"}]}").andExpect(status().isNotFound());
        send(token, post(links), "{\"kind\": \"ORDER\", \"ref\": \"" + de.orderRef() + "\"}").andExpect(status().isNoContent());
        assertThat(desk.find(de.caseKey()).orElseThrow().links()).extracting(CaseLink::ref)
                .doesNotContain(fr.orderRef(), fr.caseKey(), fr.disputeId().toString());
    }

    @Test
    void theCasePageShowsNoBalanceOfALinkedOrderOfAnotherMarket() throws Exception {
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        String key = JsonPath.read(send(tokenFor(agent), post("/api/v1/cases"), "{\"subject\": \"Linked\", \"market\": \"DE\"}")
                .andReturn().getResponse().getContentAsString(), "$.key");
        asSystem(() -> desk.link(desk.resolve(key).orElseThrow(), new CaseLink(LinkKind.ORDER, fr.orderRef())));
        mvc.perform(get("/cases/" + key).with(user(agent))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/payments/orders/" + fr.orderRef()))))
                .andExpect(content().string(not(containsString("42.00"))))
                .andExpect(content().string(containsString("not in your markets")));
    }

    // ---- #18 ----------------------------------------------------------------------------------

    @Test
    void anotherMarketsCaseOrDisputeAnswersExactlyLikeAnUnknownOne() throws Exception {
        String disputes = tokenFor(newUser(Role.DISPUTE_SPECIALIST, List.of("DE")));
        UUID unknown = UUID.randomUUID();
        assertSameAnswer(
                call(disputes, get("/api/v1/disputes/" + fr.disputeId())).andExpect(status().isNotFound())
                        .andReturn().getResponse().getContentAsString(), fr.disputeId().toString(),
                call(disputes, get("/api/v1/disputes/" + unknown)).andExpect(status().isNotFound())
                        .andReturn().getResponse().getContentAsString(), unknown.toString());
        String agent = tokenFor(newUser(Role.AGENT, List.of("DE")));
        assertSameAnswer(
                call(agent, get("/api/v1/cases/" + fr.caseKey())).andExpect(status().isNotFound())
                        .andReturn().getResponse().getContentAsString(), fr.caseKey(),
                call(agent, get("/api/v1/cases/PD-999999999")).andExpect(status().isNotFound())
                        .andReturn().getResponse().getContentAsString(), "PD-999999999");
        send(agent, post("/api/v1/cases/" + fr.caseKey() + "/notes"), "{\"body\": \"probe\"}").andExpect(status().isNotFound());
        UserAccount deAgent = newUser(Role.AGENT, List.of("DE"));
        mvc.perform(get("/cases/" + fr.caseKey()).with(user(deAgent))).andExpect(status().isNotFound());
    }

    /** Both bodies are equal once each names its own id: same status, type, title and message. */
    private static void assertSameAnswer(String hidden, String hiddenId, String missing, String missingId) {
        JsonMapper json = JsonMapper.builder().build();
        @SuppressWarnings("unchecked")
        Map<String, Object> a = json.readValue(hidden.replace(hiddenId, "{id}"), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> b = json.readValue(missing.replace(missingId, "{id}"), Map.class);
        assertThat(a).isEqualTo(b).containsKeys("type", "title", "status", "detail");
    }
}
