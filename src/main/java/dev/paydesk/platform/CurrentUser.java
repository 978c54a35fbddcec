package dev.paydesk.platform;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Access to the signed-in user and market-scope checks, for every module. */
public final class CurrentUser {

    private CurrentUser() {
    }

    /**
     * The markets the signed-in user may see: null means every market; an empty list (nobody signed
     * in) means none. For filtering reads with {@code market in (...)}.
     */
    public static java.util.@org.jspecify.annotations.Nullable List<String> marketScope() {
        PaydeskPrincipal p = principal().orElse(null);
        if (p == null) {
            return java.util.List.of();
        }
        return p.allMarkets() ? null : java.util.List.copyOf(p.markets());
    }

    public static Optional<PaydeskPrincipal> principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof PaydeskPrincipal p) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The name recorded in the audit log: the username, or {@code system} for background work. */
    public static String actorName() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return "system";
        }
        return principal().map(PaydeskPrincipal::username).orElse(auth.getName());
    }

    /**
     * Throws {@code notFound} unless the signed-in user covers {@code market}: a record of another
     * market answers exactly like an unknown one, so its id is not confirmed. A record without a
     * market is visible to all-markets users only; nobody signed in sees nothing.
     */
    public static void requireInScope(@org.jspecify.annotations.Nullable String market,
                                      java.util.function.Supplier<dev.paydesk.shared.NotFoundException> notFound) {
        PaydeskPrincipal p = principal().orElseThrow(notFound);
        boolean visible = market == null ? p.allMarkets() : p.canAccessMarket(market);
        if (!visible) {
            throw notFound.get();
        }
    }

    /**
     * Applies an {@link AdministrationPolicy} rule to the signed-in user; background work without one
     * (CLI, bootstrap, demo data) is not restricted.
     */
    public static void enforce(java.util.function.Function<PaydeskPrincipal, AdministrationPolicy.Decision> rule,
                               java.util.function.Supplier<dev.paydesk.shared.NotFoundException> notFound) {
        principal().ifPresent(p -> rule.apply(p).enforce(notFound));
    }

    public static boolean canAccessMarket(String market) {
        return principal().map(p -> p.canAccessMarket(market)).orElse(false);
    }
}
