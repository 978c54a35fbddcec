package dev.paydesk.platform;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
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

    /** Throws 403 unless the current user is scoped to {@code market}. */
    public static void requireMarket(String market) {
        PaydeskPrincipal p = principal().orElseThrow(() -> new AccessDeniedException("not signed in"));
        if (!p.canAccessMarket(market)) {
            throw new AccessDeniedException("no access to market " + market);
        }
    }

    public static boolean canAccessMarket(String market) {
        return principal().map(p -> p.canAccessMarket(market)).orElse(false);
    }
}
