package dev.paydesk.platform.internal;

import java.io.IOException;
import java.util.Optional;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Re-checks the signed-in user of a UI session against the database on every request: a user who
 * was disabled or deleted meanwhile is signed out (their session ends, the browser goes to the login
 * page), and a changed account (roles, markets, one-time password) replaces the one in the session.
 * Disabling and role or market changes also delete the user's sessions outright ({@link UserSessions});
 * this check covers a request already in flight and changes made directly in the database.
 */
class SessionUserRecheckFilter extends OncePerRequestFilter {

    private final UserService users;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionUserRecheckFilter(UserService users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (auth != null && auth.getPrincipal() instanceof UserAccount signedIn
                && !PasswordChangeRequiredFilter.isAsset(path)) {
            Optional<UserAccount> current = users.find(signedIn.id()).filter(UserAccount::enabled);
            if (current.isEmpty()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
            UserAccount fresh = current.get();
            if (fresh.version() != signedIn.version()) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null,
                        fresh.getAuthorities()));
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
