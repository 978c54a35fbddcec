package dev.paydesk.platform;

import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.paydesk.platform.internal.ApiTokenService;
import dev.paydesk.platform.internal.MarketService;
import dev.paydesk.platform.internal.UserAccount;
import dev.paydesk.platform.internal.UserService;

/** Builds users, markets and tokens for integration tests on the shared test database. */
public abstract class PlatformTestSupport {

    @Autowired
    protected UserService users;

    @Autowired
    protected MarketService markets;

    @Autowired
    protected ApiTokenService tokens;

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates the market unless it exists (tests share one database). */
    protected void ensureMarket(String code, String currency, String zone, String language) {
        asSystem(() -> {
            if (markets.market(code).isEmpty()) {
                markets.create(new MarketService.MarketSpec(code, code + " market", currency, zone, List.of(language), null));
            }
        });
    }

    protected UserAccount newUser(Role role, List<String> marketCodes) {
        UserAccount[] created = new UserAccount[1];
        asSystem(() -> created[0] = users.create(new UserService.UserSpec(unique(role.name().toLowerCase()), "Test user",
                null, List.of(role.name()), marketCodes, marketCodes.isEmpty()), "correct-horse-battery", false));
        return created[0];
    }

    protected String tokenFor(UserAccount user) {
        String[] token = new String[1];
        asSystem(() -> token[0] = tokens.issue(user.id(), "test", null).token());
        return token[0];
    }

    protected static void asSystem(Runnable action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "test-setup", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            action.run();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    /** Runs the action signed in as the user, with their roles, and gives back its result. */
    protected static <T> T as(PaydeskPrincipal user, java.util.function.Supplier<T> action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(r -> new org.springframework.security.core.authority.SimpleGrantedAuthority(r.authority())).toList()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
