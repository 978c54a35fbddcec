package dev.paydesk.platform.internal;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The OpenID Connect sign-in as Paydesk completes it. Spring Security verifies the ID token (signature
 * against the provider's published keys, issuer, audience, expiry, nonce); {@link SingleSignOn} then
 * maps the identity to a Paydesk user, and the session holds that user exactly as after a password
 * sign-in. A refused sign-in (bad token, no rule, disabled user) is audited and shown on the login page.
 */
final class SsoLogin {

    /** Session attribute with the last refusal's message, shown once by the login page. */
    public static final String ERROR_ATTRIBUTE = "paydesk.sso.error";

    private final SingleSignOn sso;
    private final SecondFactors factors;
    private final Assurance assurance;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SsoLogin(SingleSignOn sso, SecondFactors factors, Assurance assurance) {
        this.sso = sso;
        this.factors = factors;
        this.assurance = assurance;
    }

    /**
     * When an identity provider's sign-in counts as multi-factor: the ID token's {@code amr} (RFC 8176)
     * holds one of {@code amr}, or its {@code acr} is one of {@code acr}.
     */
    record Assurance(java.util.Set<String> amr, java.util.Set<String> acr) {

        boolean multiFactor(java.util.Map<String, Object> claims) {
            Object methods = claims.get("amr");
            if (methods instanceof java.util.Collection<?> values
                    && values.stream().map(String::valueOf).anyMatch(amr::contains)) {
                return true;
            }
            Object level = claims.get("acr");
            return level != null && acr.contains(String.valueOf(level));
        }
    }

    /** An OIDC user that carries the Paydesk user it signed in as. */
    static final class SsoUser extends DefaultOidcUser {
        private final UserAccount account;

        SsoUser(OidcUser oidc, UserAccount account) {
            super(account.getAuthorities(), oidc.getIdToken(), oidc.getUserInfo());
            this.account = account;
        }

        UserAccount account() {
            return account;
        }
    }

    OAuth2UserService<OidcUserRequest, OidcUser> userService() {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser oidc = delegate.loadUser(request);
            String provider = request.getClientRegistration().getRegistrationId();
            try {
                return new SsoUser(oidc, sso.signIn(provider, String.valueOf(oidc.getIdToken().getIssuer()),
                        oidc.getSubject(), oidc.getClaims()));
            } catch (SingleSignOn.RefusedException e) {
                throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", e.getMessage(), null),
                        e.getMessage());
            }
        };
    }

    AuthenticationSuccessHandler successHandler() {
        SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();
        redirect.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            if (authentication.getPrincipal() instanceof SsoUser user) {
                UserAccount account = user.account();
                Authentication signedIn = hold(account, request, response, contexts);
                if (factors.required(account) && !assurance.multiFactor(user.getIdToken().getClaims())) {
                    // the provider did not say it used several factors: Paydesk asks for its own
                    boolean has = factors.hasFactor(account);
                    request.getSession().setAttribute(SecondFactorGate.PENDING,
                            has ? SecondFactorGate.VERIFY : SecondFactorGate.ENROL);
                    redirect(response, request.getContextPath()
                            + (has ? SecondFactorGate.VERIFY_PAGE : SecondFactorGate.ENROL_PAGE));
                    return;
                }
                redirect.onAuthenticationSuccess(request, response, signedIn);
                return;
            }
            redirect.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** Puts the Paydesk user into the security context and the session, exactly as a password sign-in leaves it. */
    static Authentication hold(UserAccount account, HttpServletRequest request, HttpServletResponse response,
                               SecurityContextRepository contexts) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        Authentication signedIn = UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities());
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return signedIn;
    }

    AuthenticationFailureHandler failureHandler() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            String provider = provider(request);
            String reason = reason(exception);
            sso.recordRefusal(provider, request.getRemoteAddr(), reason);
            request.getSession(true).setAttribute(ERROR_ATTRIBUTE, reason);
            redirect(response, request.getContextPath() + "/login?sso-error");
        };
    }

    private static void redirect(HttpServletResponse response, String url) throws IOException {
        response.sendRedirect(url);
    }

    private static String provider(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A readable reason for a refused sign-in, naming what was wrong with the ID token where it was the token. */
    static String reason(AuthenticationException exception) {
        if (!(exception instanceof OAuth2AuthenticationException oauth)) {
            return "sign-in refused: " + exception.getMessage();
        }
        OAuth2Error error = oauth.getError();
        String detail = error.getDescription() == null ? "" : error.getDescription();
        String lower = detail.toLowerCase(Locale.ROOT);
        if ("invalid_nonce".equals(error.getErrorCode())) {
            return "the ID token's nonce does not belong to this sign-in (a replayed or foreign token)";
        }
        if (!"invalid_id_token".equals(error.getErrorCode())) {
            return detail.isEmpty() ? "sign-in refused (" + error.getErrorCode() + ")" : detail;
        }
        if (lower.contains("signature")) {
            return "the ID token's signature does not verify against the identity provider's published keys";
        }
        if (lower.contains("iss=")) {
            return "the ID token was issued by another issuer than the configured identity provider";
        }
        if (lower.contains("aud=") || lower.contains("azp=")) {
            return "the ID token was issued for another application (wrong audience)";
        }
        if (lower.contains("exp=") || lower.contains("expired")) {
            return "the ID token has expired";
        }
        return "the ID token was refused: " + detail;
    }
}
