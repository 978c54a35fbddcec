package dev.paydesk.platform.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.SingleSignOn;
import dev.paydesk.platform.internal.SsoRule;
import dev.paydesk.platform.internal.UserAccount;
import dev.paydesk.platform.internal.UserService;
import dev.paydesk.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import dev.paydesk.platform.access.AdminOnly;

/** Single sign-on administration: the claim-to-role rules, and password sign-in per user. */
@RestController
@RequestMapping("/api/v1")
@AdminOnly
class SingleSignOnApiController {

    private final SingleSignOn sso;
    private final UserService users;

    SingleSignOnApiController(SingleSignOn sso, UserService users) {
        this.sso = sso;
        this.users = users;
    }

    /** A rule as the API reads and writes it. */
    record RuleBody(@Nullable String provider, @Nullable String claim, @Nullable String value,
                    @Nullable List<String> roles, @Nullable List<String> markets, boolean allMarkets) {

        static RuleBody of(SsoRule r) {
            return new RuleBody(r.provider(), r.claim(), r.value(), r.roles().stream().map(Enum::name).sorted().toList(),
                    r.markets().stream().sorted().toList(), r.allMarkets());
        }

        SsoRule rule() {
            Set<Role> parsed = roles == null ? Set.of()
                    : roles.stream().map(Role::parse).collect(Collectors.toSet());
            return new SsoRule(provider, claim, value, parsed, markets == null ? Set.of() : Set.copyOf(markets),
                    allMarkets);
        }
    }

    @GetMapping("/sso/rules")
    @Operation(summary = "The rules mapping identity-provider claims (e.g. groups) to Paydesk roles and markets")
    List<RuleBody> rules() {
        return sso.rules().stream().map(RuleBody::of).toList();
    }

    @PutMapping("/sso/rules")
    @Operation(summary = "Replace every sign-on rule at once (administrators of all markets only; audited)")
    List<RuleBody> replace(@RequestBody @Nullable List<RuleBody> body) {
        if (body == null) {
            throw new InvalidInputException("rules", "send a JSON array of rules (may be empty)");
        }
        for (RuleBody rule : body) {
            if (rule == null) {
                throw new InvalidInputException("rules", "a rule may not be null");
            }
        }
        return sso.replaceRules(body.stream().map(RuleBody::rule).toList()).stream().map(RuleBody::of).toList();
    }

    /** Whether a user may sign in with a password. */
    record PasswordLogin(@Nullable Boolean enabled) {
    }

    @PutMapping("/users/{id}/password-login")
    @Operation(summary = "Switch password sign-in on or off for a user (off: single sign-on only; audited)")
    UserAccount.View passwordLogin(@PathVariable UUID id, @RequestBody @Nullable PasswordLogin body) {
        if (body == null || body.enabled() == null) {
            throw new InvalidInputException("enabled", "send {\"enabled\": true|false}");
        }
        return users.setPasswordLogin(id, body.enabled()).view();
    }
}
