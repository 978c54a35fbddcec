package dev.paydesk.platform.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The absolute lifetime of a signed-in UI session (the idle timeout is the servlet session timeout):
 * a session older than {@code paydesk.security.session.absolute-timeout} ends, however busy it was,
 * and the browser goes to the login page. Also notes, once per session, the device (User-Agent) and
 * client address it was signed in from, for "your sessions".
 */
final class SessionLifetimeFilter extends OncePerRequestFilter {

    private final Duration absoluteTimeout;
    private final Clock clock;

    SessionLifetimeFilter(Duration absoluteTimeout, Clock clock) {
        this.absoluteTimeout = absoluteTimeout;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && auth != null && auth.getPrincipal() instanceof UserAccount) {
            if (clock.millis() - session.getCreationTime() > absoluteTimeout.toMillis()) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
            if (session.getAttribute(SessionDirectory.DEVICE) == null) {
                String agent = request.getHeader("User-Agent");
                session.setAttribute(SessionDirectory.DEVICE, agent == null ? "unknown"
                        : agent.substring(0, Math.min(agent.length(), 200)));
                session.setAttribute(SessionDirectory.ADDRESS, String.valueOf(request.getRemoteAddr()));
            }
        }
        chain.doFilter(request, response);
    }
}
