package dev.paydesk.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Where a passkey registration keeps its challenge between the options request and the answer. Spring
 * Security 7.0 keeps it in the HTTP session, but its {@link PublicKeyCredentialCreationOptions} is not
 * {@link java.io.Serializable} (spring-security issue 16431), so it cannot go into Paydesk's JDBC
 * sessions. It stays in this node's memory instead, keyed by session id, for five minutes and at most
 * 10,000 at once. Consequence: with several Paydesk nodes, the two requests of one registration must
 * reach the same node (sticky sessions); sign-in with a passkey is not affected.
 */
final class PasskeyCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final int MAX_OPEN = 10_000;

    private record Open(PublicKeyCredentialCreationOptions options, Instant until) {
    }

    private final ConcurrentHashMap<String, Open> open = new ConcurrentHashMap<>();
    private final Clock clock;

    PasskeyCreationOptions(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void save(HttpServletRequest request, HttpServletResponse response,
                     @Nullable PublicKeyCredentialCreationOptions options) {
        HttpSession session = request.getSession();
        Instant now = clock.instant();
        open.values().removeIf(o -> o.until().isBefore(now));
        if (options == null) {
            open.remove(session.getId());
        } else if (open.size() < MAX_OPEN || open.containsKey(session.getId())) {
            open.put(session.getId(), new Open(options, now.plus(LIFETIME)));
        }
    }

    @Override
    public @Nullable PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Open o = session == null ? null : open.get(session.getId());
        return o == null || o.until().isBefore(clock.instant()) ? null : o.options();
    }
}
