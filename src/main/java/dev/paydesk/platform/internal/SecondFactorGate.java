package dev.paydesk.platform.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The second step of a password sign-in. When the password was right and the user has a second factor
 * (or their role requires one), the session is marked: until a code is accepted on
 * {@code /login/second-factor} (or, for a required factor not yet set up, until it is set up on
 * {@code /account/second-factor}) every other page redirects there.
 */
public final class SecondFactorGate extends OncePerRequestFilter {

    /** Session attribute: {@link #VERIFY} or {@link #ENROL} while the second step is open. */
    public static final String PENDING = "paydesk.second-factor.pending";
    public static final String VERIFY = "verify";
    public static final String ENROL = "enrol";
    static final String VERIFY_PAGE = "/login/second-factor";
    static final String ENROL_PAGE = "/account/second-factor";

    private final SecondFactors factors;

    SecondFactorGate(SecondFactors factors) {
        this.factors = factors;
    }

    /** After a right password: straight on, or to the second step. */
    AuthenticationSuccessHandler successHandler() {
        SavedRequestAwareAuthenticationSuccessHandler onward = new SavedRequestAwareAuthenticationSuccessHandler();
        onward.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            if (authentication.getPrincipal() instanceof UserAccount user) {
                String pending = factors.hasFactor(user) ? VERIFY : factors.required(user) ? ENROL : null;
                if (pending != null) {
                    request.getSession().setAttribute(PENDING, pending);
                    response.sendRedirect(request.getContextPath() + (pending.equals(VERIFY) ? VERIFY_PAGE : ENROL_PAGE));
                    return;
                }
            }
            onward.onAuthenticationSuccess(request, response, authentication);
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Object pending = session == null ? null : session.getAttribute(PENDING);
        if (pending != null && auth != null && auth.getPrincipal() instanceof UserAccount user) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (ENROL.equals(pending) && factors.hasFactor(user) && !path.startsWith("/webauthn/")) {
                // a passkey registered on the set-up page fulfils the requirement
                session.removeAttribute(PENDING);
                chain.doFilter(request, response);
                return;
            }
            String page = VERIFY.equals(pending) ? VERIFY_PAGE : ENROL_PAGE;
            boolean passkeyStep = VERIFY.equals(pending)
                    ? path.equals("/login/webauthn") || path.equals("/webauthn/authenticate/options")
                    : path.startsWith("/webauthn/register");
            if (!path.equals(page) && !path.startsWith(page + "/") && !path.equals("/logout") && !passkeyStep
                    && !PasswordChangeRequiredFilter.isAsset(path)) {
                response.sendRedirect(request.getContextPath() + page);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
