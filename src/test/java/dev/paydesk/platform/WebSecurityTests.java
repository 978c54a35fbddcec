package dev.paydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.paydesk.platform.internal.UserAccount;
import dev.paydesk.platform.internal.UserService;
import jakarta.servlet.http.Cookie;

/** The browser UI: sign-in, CSRF, roles, market scope, one-time passwords, security headers. */
@SpringBootTest
@AutoConfigureMockMvc
class WebSecurityTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void markets() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        ensureMarket("FR", "EUR", "Europe/Paris", "fr");
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin/users")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isFound());
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("Sign in")));
    }

    @Test
    void anEndpointForAnyRoleRefusesASignedInUserWithoutAPaydeskRole() throws Exception {
        mvc.perform(get("/api/v1/insights/catalogue").with(user("no-role").authorities(List.of())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/insights/catalogue").with(user("reviewer").roles("QUALITY_REVIEWER")))
                .andExpect(status().isOk());
    }

    @Test
    void aUserSignsInWithTheirPasswordAndNotWithAWrongOne() throws Exception {
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        mvc.perform(formLogin().user(agent.username()).password("wrong-password-123"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin().user(agent.username()).password("correct-horse-battery"))
                .andExpect(authenticated().withUsername(agent.username()));
    }

    @Test
    void aDisabledUserCannotSignIn() throws Exception {
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        asSystem(() -> users.setEnabled(agent.id(), false));
        mvc.perform(formLogin().user(agent.username()).password("correct-horse-battery")).andExpect(unauthenticated());
    }

    @Test
    void formsWithoutACsrfTokenAreRejected() throws Exception {
        UserAccount admin = newUser(Role.ADMIN, List.of());
        mvc.perform(post("/markets").with(user(admin)).param("code", "BE").param("name", "Belgium")
                        .param("currency", "EUR").param("timeZone", "Europe/Brussels").param("languages", "nl,fr"))
                .andExpect(status().isForbidden());
        assertThat(markets.market("BE")).isEmpty();
        mvc.perform(post("/login").param("username", admin.username()).param("password", "correct-horse-battery"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAdminAddsAMarketThroughTheForm() throws Exception {
        UserAccount admin = newUser(Role.ADMIN, List.of());
        mvc.perform(post("/markets").with(user(admin)).with(csrf()).param("code", "be").param("name", "Belgium")
                        .param("currency", "EUR").param("timeZone", "Europe/Brussels").param("languages", "nl, fr"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/markets/BE"));
        assertThat(markets.market("BE")).hasValueSatisfying(m -> assertThat(m.languages()).containsExactly("nl", "fr"));
        mvc.perform(get("/markets/BE").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Belgium")));
    }

    @Test
    void aBadFormValueIsShownAsAReadableMessage() throws Exception {
        UserAccount admin = newUser(Role.ADMIN, List.of());
        mvc.perform(post("/markets").with(user(admin)).with(csrf()).param("code", "LU").param("name", "Luxembourg")
                        .param("currency", "EURO").param("timeZone", "Europe/Luxembourg").param("languages", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is not an ISO 4217 currency code")));
        assertThat(markets.market("LU")).isEmpty();
    }

    @Test
    void theAdminAreaNeedsTheAdminRole() throws Exception {
        UserAccount specialist = newUser(Role.SPECIALIST, List.of("DE"));
        mvc.perform(get("/admin/users").with(user(specialist))).andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(user(specialist))).andExpect(status().isForbidden());
        UserAccount auditor = newUser(Role.AUDITOR, List.of());
        mvc.perform(get("/audit").with(user(auditor))).andExpect(status().isOk());
    }

    @Test
    void aMarketOutsideTheUsersScopeIsNotFound() throws Exception {
        UserAccount specialist = newUser(Role.SPECIALIST, List.of("DE"));
        mvc.perform(get("/markets/DE").with(user(specialist))).andExpect(status().isOk());
        mvc.perform(get("/markets/FR").with(user(specialist))).andExpect(status().isNotFound());
        UserAccount processManager = newUser(Role.PROCESS_MANAGER, List.of("DE"));
        mvc.perform(post("/markets/FR/holidays").with(user(processManager)).with(csrf())
                .param("day", "2026-12-24").param("name", "Christmas Eve").param("closed", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/markets/DE/holidays").with(user(specialist)).with(csrf())
                .param("day", "2026-12-24").param("name", "Christmas Eve").param("closed", "true"))
                .andExpect(status().isForbidden());
    }

    @Test
    void navigationShowsOnlyWhatTheRoleMayUse() throws Exception {
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        String page = mvc.perform(get("/").with(user(agent))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Overview").doesNotContain("/admin/users").doesNotContain("Audit log");
    }

    @Test
    void aOneTimePasswordMustBeChangedBeforeAnythingElse() throws Exception {
        UserAccount[] created = new UserAccount[1];
        String initial = UserService.generatePassword();
        asSystem(() -> created[0] = users.create(new UserService.UserSpec(unique("new"), "New", null,
                List.of("AGENT"), List.of("DE"), false), initial, true));
        MvcResult login = mvc.perform(formLogin().user(created[0].username()).password(initial))
                .andExpect(authenticated()).andReturn();
        Cookie session = login.getResponse().getCookie("SESSION"); // Spring Session: the session travels as its cookie
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("currentPassword", initial)
                        .param("newPassword", "short").param("repeatPassword", "short"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("at least 12")));
        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("currentPassword", initial)
                        .param("newPassword", "a-much-better-passphrase").param("repeatPassword", "a-much-better-passphrase"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        assertThat(users.require(created[0].id()).mustChangePassword()).isFalse();
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }
}
