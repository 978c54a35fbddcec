package dev.paydesk.platform.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.platform.AuditVerification;
import dev.paydesk.platform.internal.ApiTokenService;
import dev.paydesk.platform.internal.AuditQueries;
import dev.paydesk.platform.internal.JdbcAuditLog;
import dev.paydesk.platform.internal.UserAccount;
import dev.paydesk.platform.internal.UserService;
import dev.paydesk.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.paydesk.platform.access.AdminOnly;
import dev.paydesk.platform.access.AdminOrAuditor;

/** REST API of the platform: the caller, users, API tokens, audit log (markets and calendars: MarketsApiController). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Platform", description = "The caller, users, API tokens and the audit log")
class PlatformApiController {

    private final UserService users;
    private final ApiTokenService tokens;
    private final JdbcAuditLog audit;
    private final AuditQueries auditQueries;

    PlatformApiController(UserService users, ApiTokenService tokens, JdbcAuditLog audit, AuditQueries auditQueries) {
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.auditQueries = auditQueries;
    }

    // ---- the caller -------------------------------------------------------------------------

    @GetMapping("/me")
    @Operation(summary = "The authenticated user")
    UserAccount.View me(@AuthenticationPrincipal UserAccount me) {
        return me.view();
    }

    record TokenRequest(String name, @Nullable Instant expiresAt) {
    }

    @PostMapping("/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a personal API token; the secret is returned once")
    ApiTokenService.IssuedToken issueToken(@AuthenticationPrincipal UserAccount me, @RequestBody TokenRequest req) {
        return tokens.issue(me.id(), req.name(), req.expiresAt());
    }

    @GetMapping("/me/tokens")
    List<ApiTokenService.TokenInfo> myTokens(@AuthenticationPrincipal UserAccount me) {
        return tokens.tokens(me.id());
    }

    @DeleteMapping("/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(@AuthenticationPrincipal UserAccount me, @PathVariable UUID id) {
        tokens.revoke(me.id(), id);
    }

    // ---- users (admin) ----------------------------------------------------------------------

    @GetMapping("/users")
    @AdminOrAuditor
    List<UserAccount.View> users() {
        return users.managed().stream().map(UserAccount::view).toList();
    }

    record NewUser(String username, @Nullable String displayName, @Nullable String email, List<String> roles,
                   @Nullable List<String> markets, @Nullable Boolean allMarkets) {
        boolean all() {
            return Boolean.TRUE.equals(allMarkets);
        }
    }

    record CreatedUser(UserAccount.View user, String oneTimePassword) {
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @AdminOnly
    @Operation(summary = "Create a user; returns a one-time password that must be changed at first sign-in")
    CreatedUser createUser(@RequestBody NewUser req) {
        String password = UserService.generatePassword();
        UserAccount created = users.create(new UserService.UserSpec(req.username(), req.displayName(), req.email(),
                req.roles(), req.markets() == null ? List.of() : req.markets(), req.all()), password, true);
        return new CreatedUser(created.view(), password);
    }

    @GetMapping("/users/{id}")
    @AdminOrAuditor
    UserAccount.View user(@PathVariable UUID id) {
        return users.requireManaged(id).view();
    }

    @PutMapping("/users/{id}")
    @AdminOnly
    UserAccount.View updateUser(@PathVariable UUID id, @RequestBody NewUser req) {
        return users.update(id, new UserService.UserSpec(req.username(), req.displayName(), req.email(), req.roles(),
                req.markets() == null ? List.of() : req.markets(), req.all())).view();
    }

    record EnabledRequest(@Nullable Boolean enabled) {
    }

    @PutMapping("/users/{id}/enabled")
    @AdminOnly
    UserAccount.View enableUser(@PathVariable UUID id, @RequestBody EnabledRequest req) {
        if (req.enabled() == null) {
            throw new InvalidInputException("enabled", "enabled must be true or false");
        }
        return users.setEnabled(id, req.enabled()).view();
    }

    // ---- audit ------------------------------------------------------------------------------

    @GetMapping("/audit")
    @AdminOrAuditor
    List<JdbcAuditLog.Entry> audit(@RequestParam(required = false) @Nullable String entityType,
                                   @RequestParam(required = false) @Nullable String entityId,
                                   @RequestParam(required = false) @Nullable String actor,
                                   @RequestParam(defaultValue = "100") int limit) {
        return auditQueries.search(entityType, entityId, actor, limit);
    }

    @PostMapping("/audit/verify")
    @AdminOrAuditor
    @Operation(summary = "Walk the hash chain and report the first broken link")
    AuditVerification verify() {
        return audit.verify();
    }
}
