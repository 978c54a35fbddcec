package dev.paydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
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
import org.springframework.test.web.servlet.MvcResult;

import dev.paydesk.platform.internal.UserAccount;
import dev.paydesk.platform.internal.UserService;
import jakarta.servlet.http.Cookie;

/**
 * UI sessions in PostgreSQL (Spring Session JDBC) and sign-in protection: changes to a user end their
 * sessions and stop their tokens at once; repeated failures lock an account; problem+json from the
 * security filters. The cookie's flags are checked on a real server in {@link SessionCookieOverHttpTests}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionsAndSignInTests extends PlatformTestSupport {

    static final String PASSWORD = "correct-horse-battery";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void markets() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        ensureMarket("FR", "EUR", "Europe/Paris", "fr");
    }

    private MvcResult login(String username, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password))
                .andReturn();
    }

    private Cookie signIn(UserAccount user) throws Exception {
        MvcResult result = login(user.username(), PASSWORD);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        Cookie session = result.getResponse().getCookie("SESSION");
        assertThat(session).as("Spring Session cookie").isNotNull();
        return session;
    }

    private int storedSessions(UserAccount user) {
        return jdbc.sql("select count(*) from spring_session where principal_name = :u").param("u", user.username())
                .query(Integer.class).single();
    }

    @Test
    void sessionsAreStoredInPostgresUnderTheUsersName() throws Exception {
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        Cookie session = signIn(agent);
        assertThat(storedSessions(agent)).isEqualTo(1);
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
    }

    @Test
    void disablingAUserEndsTheirOpenSessionAndStopsTheirTokenAtOnce() throws Exception {
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        Cookie session = signIn(agent);
        String token = tokenFor(agent);
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        asSystem(() -> users.setEnabled(agent.id(), false));

        assertThat(storedSessions(agent)).isZero();
        mvc.perform(get("/").cookie(session)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/account/tokens").cookie(session).with(csrf()).param("name", "after-disable"))
                .andExpect(status().isFound());
        assertThat(tokens.tokens(agent.id())).extracting(t -> t.name()).doesNotContain("after-disable");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aRoleChangeEndsTheSessionsAndTheNewRolesApplyAtOnce() throws Exception {
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        Cookie session = signIn(agent);
        String token = tokenFor(agent);
        mvc.perform(get("/admin/users").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());

        asSystem(() -> users.update(agent.id(), new UserService.UserSpec(agent.username(), agent.displayName(), null,
                List.of("ADMIN"), List.of("DE"), false)));

        assertThat(storedSessions(agent)).isZero();
        mvc.perform(get("/admin/users").cookie(session)).andExpect(status().isFound());
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        Cookie fresh = signIn(agent);
        mvc.perform(get("/admin/users").cookie(fresh)).andExpect(status().isOk());
    }

    @Test
    void aMarketChangeAndAPasswordResetEndTheSessions() throws Exception {
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        Cookie first = signIn(agent);
        asSystem(() -> users.update(agent.id(), new UserService.UserSpec(agent.username(), agent.displayName(), null,
                List.of("AGENT"), List.of("FR"), false)));
        mvc.perform(get("/").cookie(first)).andExpect(status().isFound());

        Cookie second = signIn(agent);
        asSystem(() -> users.resetPassword(agent.id()));
        assertThat(storedSessions(agent)).isZero();
        mvc.perform(get("/").cookie(second)).andExpect(status().isFound());
    }

    @Test
    void aChangeMadeDirectlyInTheDatabaseIsCaughtOnTheNextRequest() throws Exception {
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        Cookie session = signIn(agent);
        jdbc.sql("update platform_user set enabled = false where id = :id").param("id", agent.id()).update();
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login?expired"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilAnAdminUnlocksIt() throws Exception {
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        for (int i = 0; i < 5; i++) {
            assertThat(login(agent.username(), "wrong-password-" + i).getResponse().getRedirectedUrl())
                    .isEqualTo("/login?error");
        }
        assertThat(login(agent.username(), PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/login?locked");
        mvc.perform(get("/login?locked")).andExpect(content().string(containsString("Too many failed sign-ins")));
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'login.locked' and entity_id = :u")
                .param("u", agent.username().toLowerCase()).query(Integer.class).single()).isEqualTo(1);

        UserAccount admin = newUser(Role.ADMIN, List.of());
        String adminToken = tokenFor(admin);
        mvc.perform(get("/api/v1/login-locks").header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].key", hasItem(agent.username().toLowerCase())));
        Cookie adminSession = signIn(admin);
        mvc.perform(get("/admin/users").cookie(adminSession)).andExpect(content().string(containsString("locked until")));

        mvc.perform(delete("/api/v1/users/" + agent.id() + "/lock").header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isNoContent());
        assertThat(login(agent.username(), PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(jdbc.sql("select actor from platform_audit_log where action = 'login.unlocked' and entity_id = :u")
                .param("u", agent.username().toLowerCase()).query(String.class).single()).isEqualTo(admin.username());
    }

    @Test
    void anAdminUnlocksThroughTheUsersPage() throws Exception {
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        for (int i = 0; i < 5; i++) {
            login(agent.username(), "wrong-password-" + i);
        }
        Cookie adminSession = signIn(newUser(Role.ADMIN, List.of()));
        mvc.perform(post("/admin/users/" + agent.id() + "/unlock").cookie(adminSession).with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));
        assertThat(login(agent.username(), PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void unknownUsernamesLockLikeKnownOnesSoLockoutsDoNotRevealAccounts() throws Exception {
        String nobody = unique("nobody");
        for (int i = 0; i < 5; i++) {
            login(nobody, "wrong-password-" + i);
        }
        assertThat(login(nobody, "wrong-password-x").getResponse().getRedirectedUrl()).isEqualTo("/login?locked");
    }

    @Test
    void aChosenPasswordMustFollowThePolicy() throws Exception {
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        Cookie session = signIn(agent);
        for (String weak : List.of("aaaaaaaaaaaa", "Password2026!", agent.username() + "-secret!", "qwertyuiop123")) {
            mvc.perform(post("/account/password").cookie(session).with(csrf()).param("currentPassword", PASSWORD)
                            .param("newPassword", weak).param("repeatPassword", weak))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("password")));
            assertThat(users.require(agent.id()).version()).isEqualTo(agent.version());
        }
        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("currentPassword", PASSWORD)
                        .param("newPassword", "ledger-otter-quietly-42").param("repeatPassword", "ledger-otter-quietly-42"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void filterErrorsAreProblemJsonInUtf8WithTheAdvicesShape() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer pd_not-a-real-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().encoding("UTF-8"))
                .andExpect(jsonPath("$.type").value("https://paydesk.dev/problems/invalid-token"))
                .andExpect(jsonPath("$.title").value("Invalid token"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").isString())
                .andExpect(jsonPath("$.instance").value("/api/v1/me"))
                .andExpect(jsonPath("$.properties").doesNotExist());
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized()).andExpect(content().encoding("UTF-8"))
                .andExpect(jsonPath("$.type").value("https://paydesk.dev/problems/unauthorized"))
                .andExpect(jsonPath("$.properties").doesNotExist());
        String agentToken = tokenFor(newUser(Role.AGENT, List.of("DE")));
        mvc.perform(get("/actuator/metrics").header("Authorization", "Bearer " + agentToken))
                .andExpect(status().isForbidden()).andExpect(content().encoding("UTF-8"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://paydesk.dev/problems/forbidden"))
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void anAdminEndsEverySessionOfAUserAtOnce() throws Exception {
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        Cookie laptop = signIn(agent);
        signIn(agent);
        assertThat(storedSessions(agent)).isEqualTo(2);
        UserAccount admin = newUser(Role.ADMIN, List.of("DE"));

        mvc.perform(delete("/api/v1/users/{id}/sessions", agent.id()).header("Authorization", "Bearer " + tokenFor(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ended").value(2));

        assertThat(storedSessions(agent)).isZero();
        mvc.perform(get("/").cookie(laptop)).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'user.sessions_ended' and entity_id = :id")
                .param("id", agent.id().toString()).query(Integer.class).single()).isEqualTo(1);
    }
}
