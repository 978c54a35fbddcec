package dev.paydesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.paydesk.platform.Role;

/** The absolute session lifetime and the device note, with a clock the test sets; no Spring context. */
class SessionLifetimeFilterTests {

    private final UserAccount agent = new UserAccount(UUID.randomUUID(), "agent-x", "Agent", null, "hash",
            Set.of(Role.AGENT), Set.of("DE"), false, true, false, 0, Instant.EPOCH, true);

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private MockHttpServletResponse request(MockHttpSession session, Duration sinceSignIn) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(agent, null, agent.getAuthorities()));
        Clock clock = Clock.fixed(Instant.ofEpochMilli(session.getCreationTime()).plus(sinceSignIn), ZoneOffset.UTC);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/cases");
        request.setSession(session);
        request.addHeader("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) TestBrowser/1.0");
        request.setRemoteAddr("192.0.2.7");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SessionLifetimeFilter(Duration.ofHours(12), clock).doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void aSessionWithinItsLifetimeGoesOnAndNotesItsDevice() throws Exception {
        MockHttpSession session = new MockHttpSession();
        MockHttpServletResponse response = request(session, Duration.ofHours(11).plusMinutes(59));
        assertThat(response.getRedirectedUrl()).isNull();
        assertThat(session.isInvalid()).isFalse();
        assertThat(session.getAttribute(SessionDirectory.DEVICE)).asString().contains("TestBrowser/1.0");
        assertThat(session.getAttribute(SessionDirectory.ADDRESS)).isEqualTo("192.0.2.7");
    }

    @Test
    void aSessionOlderThanTheAbsoluteTimeoutEndsHoweverBusyItWas() throws Exception {
        MockHttpSession session = new MockHttpSession();
        MockHttpServletResponse response = request(session, Duration.ofHours(12).plusSeconds(1));
        assertThat(response.getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(session.isInvalid()).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }
}
