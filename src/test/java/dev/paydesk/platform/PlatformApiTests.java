package dev.paydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.platform.internal.UserAccount;

/** The platform REST API on a real embedded PostgreSQL: authentication, roles, market scope, problem+json. */
@SpringBootTest
@AutoConfigureMockMvc
class PlatformApiTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private String adminToken;

    @BeforeEach
    void setUp() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        ensureMarket("FR", "EUR", "Europe/Paris", "fr");
        adminToken = tokenFor(newUser(Role.ADMIN, List.of()));
    }

    @Test
    void flywayCreatedEveryPlatformTableOnPostgres() {
        String version = jdbc.sql("select version()").query(String.class).single();
        assertThat(version).startsWith("PostgreSQL 17");
        Integer failed = jdbc.sql("select count(*) from flyway_schema_history where not success").query(Integer.class).single();
        assertThat(failed).isZero();
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
                .query(String.class).list();
        assertThat(tables).contains("platform_market", "platform_user", "platform_api_token", "platform_audit_log",
                "platform_audit_head", "event_publication");
    }

    @Test
    void anonymousApiCallsGet401AsProblemJson() throws Exception {
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void anUnknownOrRevokedTokenIsRejected() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer pd_not-a-real-token"))
                .andExpect(status().isUnauthorized());
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        String token = tokenFor(agent);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(agent.username()));
        String id = tokens.tokens(agent.id()).get(0).id().toString();
        mvc.perform(delete("/api/v1/me/tokens/" + id).header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    @Test
    void lastUsedIsRecordedOnFirstUseButAReadDoesNotRewriteItWithinAMinute() throws Exception {
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        String token = tokenFor(agent);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        java.time.Instant first = tokens.tokens(agent.id()).get(0).lastUsedAt();
        assertThat(first).as("recorded on first use").isNotNull();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        assertThat(tokens.tokens(agent.id()).get(0).lastUsedAt()).as("not rewritten within a minute").isEqualTo(first);
        jdbc.sql("update platform_api_token set last_used_at = last_used_at - interval '2 minutes' where user_id = ?")
                .param(agent.id()).update();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        assertThat(tokens.tokens(agent.id()).get(0).lastUsedAt()).as("written again once older than a minute")
                .isAfter(first.minus(java.time.Duration.ofMinutes(2)));
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        String token = tokenFor(agent);
        Integer plain = jdbc.sql("select count(*) from platform_api_token where encode(token_hash, 'escape') like :t or prefix = :t")
                .param("t", "%" + token.substring(3) + "%").query(Integer.class).single();
        assertThat(plain).isZero();
    }

    @Test
    void aWrongRoleGets403() throws Exception {
        String agentToken = tokenFor(newUser(Role.AGENT, List.of("DE")));
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + agentToken))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/markets").header("Authorization", "Bearer " + agentToken)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aMarketOutsideTheUsersScopeIsInvisible() throws Exception {
        String token = tokenFor(newUser(Role.PROCESS_MANAGER, List.of("DE")));
        mvc.perform(get("/api/v1/markets/DE").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/markets/FR").header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/markets/FR/holidays/2026-12-24").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Christmas Eve\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/markets").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$[*].code", hasItem("DE")))
                .andExpect(jsonPath("$[?(@.code == 'FR')]").isEmpty());
    }

    @Test
    void anInvalidMarketCodeIsABadRequestNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/markets").header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"XQ\",\"name\":\"Nowhere\",\"currency\":\"EUR\",\"timeZone\":\"Europe/Berlin\",\"languages\":[\"de\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("code"))
                .andExpect(jsonPath("$.detail", containsString("ISO 3166")));
    }

    @Test
    void anUnknownTimeZoneIsABadRequest() throws Exception {
        mvc.perform(post("/api/v1/markets").header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"AT\",\"name\":\"Austria\",\"currency\":\"EUR\",\"timeZone\":\"Europe/Vienne\",\"languages\":[\"de\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("timeZone"));
        assertThat(markets.market("AT")).isEmpty();
    }

    @Test
    void aDuplicateUserIsAConflict() throws Exception {
        String name = unique("dup");
        String body = "{\"username\":\"" + name + "\",\"displayName\":\"D\",\"roles\":[\"agent\"],\"markets\":[\"DE\"]}";
        mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.oneTimePassword").isString())
                .andExpect(jsonPath("$.user.mustChangePassword").value(true));
        mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace(name, name.toUpperCase())))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("already exists")));
    }

    @Test
    void anUnknownRoleOrMarketIsABadRequest() throws Exception {
        mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + unique("x") + "\",\"roles\":[\"wizard\"],\"markets\":[\"DE\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("roles"));
        mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + unique("x") + "\",\"roles\":[\"agent\"],\"markets\":[\"ZZ\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("markets"));
    }

    @Test
    void germanPublicHolidaysComeFromTheHolidayLibrary() throws Exception {
        mvc.perform(get("/api/v1/markets/DE/calendar?year=2026").header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.holidays['2026-04-03']").exists())
                .andExpect(jsonPath("$.holidays['2026-12-25']").exists())
                .andExpect(jsonPath("$.holidays['2026-04-02']").doesNotExist());
    }

    @Test
    void healthIsPublicButMetricsNeedAnAdmin() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        String agentToken = tokenFor(newUser(Role.AGENT, List.of("DE")));
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + agentToken))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isOk()).andExpect(content().string(containsString("jvm_memory")));
    }
}
