package dev.paydesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;

/**
 * The second factor with enforcement on (the other tests run with it off, see application-test.properties):
 * required roles must set one up before anything else, other roles are not asked, a code is accepted
 * once, and an administrator's reset needs a second administrator.
 */
@SpringBootTest(properties = "paydesk.security.second-factor.enforced=true")
@AutoConfigureMockMvc
class SecondFactorTests extends PlatformTestSupport {

    static final String PASSWORD = "correct-horse-battery";

    @Autowired
    MockMvc mvc;

    @Autowired
    SecondFactors factors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @BeforeEach
    void markets() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
    }

    private MvcResult login(UserAccount user) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", user.username()).param("password", PASSWORD))
                .andReturn();
    }

    /** The app's key and the code that confirmed the set-up. */
    private record Enrolled(byte[] secret, String confirmedWith) {
    }

    /** Sets up a factor for the user as their app would. */
    private Enrolled enrol(UserAccount user) {
        Enrolled[] enrolled = new Enrolled[1];
        asSystem(() -> {
            byte[] secret = Totp.fromBase32(factors.start(user).secret());
            String code = Totp.code(secret, clock.instant());
            factors.confirm(user, code);
            enrolled[0] = new Enrolled(secret, code);
        });
        return enrolled[0];
    }

    @Test
    void aRoleThatNeedsNoFactorGoesStraightToTheOverview() throws Exception {
        assertThat(login(newUser(Role.AGENT, List.of("DE"))).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void anAdministratorMustSetUpAFactorBeforeAnythingElse() throws Exception {
        MvcResult result = login(newUser(Role.ADMIN, List.of("DE")));
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/account/second-factor");
        Cookie session = result.getResponse().getCookie("SESSION");
        mvc.perform(get("/admin/users").cookie(session)).andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/account/second-factor"));
        mvc.perform(get("/account/second-factor").cookie(session)).andExpect(status().isOk());
    }

    @Test
    void anEnrolledUserIsAskedForACodeWhichWorksOnceAndThenGetsIn() throws Exception {
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        Enrolled enrolled = enrol(agent);
        MvcResult result = login(agent);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor");
        Cookie session = result.getResponse().getCookie("SESSION");
        mvc.perform(get("/").cookie(session)).andExpect(r ->
                assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor"));

        // the code used at enrolment, again (the same code, not one recomputed now: a step may have begun since,
        // and that step's code was never used): refused
        mvc.perform(post("/login/second-factor").with(csrf()).cookie(session).param("code", enrolled.confirmedWith()))
                .andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("already used"));
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'login.second_factor_reused' "
                + "and entity_id = :id").param("id", agent.id().toString()).query(Integer.class).single()).isEqualTo(1);
        mvc.perform(post("/login/second-factor").with(csrf()).cookie(session).param("code", "000000"))
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("not right"));

        // the app's next code (one step of clock drift is allowed)
        String next = Totp.code(enrolled.secret(), clock.instant().plusSeconds(Totp.STEP_SECONDS));
        MvcResult in = mvc.perform(post("/login/second-factor").with(csrf()).cookie(session).param("code", next)).andReturn();
        assertThat(in.getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void aRecoveryCodeWorksOnce() throws Exception {
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        List<String> codes = new java.util.ArrayList<>();
        asSystem(() -> {
            byte[] secret = Totp.fromBase32(factors.start(agent).secret());
            codes.addAll(factors.confirm(agent, Totp.code(secret, clock.instant())));
        });
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(jdbc.sql("select count(*) from platform_recovery_code where user_id = :u and code_hash = :c")
                .param("u", agent.id()).param("c", codes.get(0)).query(Integer.class).single())
                .as("stored hashed, never as typed").isZero();
        assertThat(factors.verify(agent, codes.get(0).toLowerCase())).isEqualTo(SecondFactors.Outcome.ACCEPTED);
        assertThat(factors.verify(agent, codes.get(0))).isEqualTo(SecondFactors.Outcome.WRONG);
        assertThat(factors.status(agent).recoveryCodesLeft()).isEqualTo(9);
    }

    @Test
    void aResetNeedsASecondAdministrator() throws Exception {
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        enrol(agent);
        UserAccount first = newUser(Role.ADMIN, List.of());
        UserAccount second = newUser(Role.ADMIN, List.of());
        String firstToken = tokenFor(first);

        MvcResult asked = mvc.perform(post("/api/v1/users/{id}/second-factor/reset-requests", agent.id())
                .header("Authorization", "Bearer " + firstToken)).andExpect(status().isCreated()).andReturn();
        String requestId = com.jayway.jsonpath.JsonPath.read(asked.getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/v1/users/{id}/second-factor/reset-requests", agent.id())
                .header("Authorization", "Bearer " + firstToken)).andExpect(status().isConflict());

        mvc.perform(post("/api/v1/second-factor-resets/{id}/approve", requestId)
                .header("Authorization", "Bearer " + firstToken)).andExpect(status().isForbidden());
        assertThat(factors.enrolled(agent.id())).as("one administrator alone changes nothing").isTrue();

        mvc.perform(post("/api/v1/second-factor-resets/{id}/approve", requestId)
                .header("Authorization", "Bearer " + tokenFor(second))).andExpect(status().isNoContent());
        assertThat(factors.enrolled(agent.id())).isFalse();
        assertThat(jdbc.sql("select count(*) from platform_audit_log where entity_id = :id and action in "
                        + "('user.second_factor_enrolled', 'user.second_factor_reset_requested', 'user.second_factor_reset')")
                .param("id", agent.id().toString()).query(Integer.class).single()).isEqualTo(3);
    }
}
