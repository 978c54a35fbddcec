package dev.paydesk.platform.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

import dev.paydesk.platform.AuditLog;

/**
 * A passkey sign-in as Paydesk completes it. Spring Security's WebAuthn filter has verified the
 * assertion (challenge of this session, origin among the allowed ones, relying-party id, signature by
 * the registered public key, signature counter); here the session gets the Paydesk user exactly as after
 * a password sign-in, with a new session id. A passkey is possession of a device plus its user
 * verification and cannot be phished, so it satisfies the second-factor requirement: any pending
 * second step of an earlier password sign-in is closed. Refusals are audited and answered 401.
 */
final class PasskeyLogin {

    private final UserService users;
    private final AuditLog audit;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

    PasskeyLogin(UserService users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    AuthenticationSuccessHandler successHandler() {
        return (request, response, authentication) -> {
            UserAccount account = users.findByUsername(authentication.getName()).filter(UserAccount::enabled).orElse(null);
            if (account == null) {
                SecurityContext empty = SecurityContextHolder.createEmptyContext();
                SecurityContextHolder.setContext(empty);
                contexts.saveContext(empty, request, response);
                refuse(request, response, "the passkey's user is unknown or disabled");
                return;
            }
            request.changeSessionId();
            request.getSession().removeAttribute(SecondFactorGate.PENDING);
            SsoLogin.hold(account, request, response, contexts);
            audit.record("login.passkey", "user", account.id().toString(), null, null,
                    Map.of("address", request.getRemoteAddr()));
            SavedRequest saved = savedRequests.getRequest(request, response);
            String target = saved == null ? request.getContextPath() + "/" : saved.getRedirectUrl();
            response.setContentType("application/json");
            response.getWriter().write("{\"authenticated\":true,\"redirectUrl\":\"" + target.replace("\"", "%22") + "\"}");
        };
    }

    AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> refuse(request, response,
                exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String reason) throws java.io.IOException {
        audit.record("login.passkey_refused", "login", request.getRemoteAddr(), null, null, Map.of("reason", reason));
        ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "passkey-refused", "Passkey refused",
                "The passkey sign-in was refused: " + reason, request.getRequestURI());
    }
}
