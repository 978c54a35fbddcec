package dev.paydesk.platform;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import dev.paydesk.shared.NotFoundException;

/**
 * Who may grant, edit or disable what, in one place: nobody acts beyond their own markets and roles.
 * <ul>
 * <li>A caller manages (edits, disables, resets) only users whose markets all lie within the caller's
 * markets; any other user is answered as if it did not exist.</li>
 * <li>A caller grants only markets within their own scope; only an all-markets caller grants all markets
 * or manages an all-markets user.</li>
 * <li>A caller grants only roles they hold; an administrator may grant any role (within their markets).</li>
 * <li>Nobody changes their own roles or markets, or disables themselves.</li>
 * <li>A per-market setting (calendar, holiday, routing rule, SLA policy, agent) is edited only within the
 * caller's markets; a setting for every market (no market) only by an all-markets caller.</li>
 * </ul>
 * Which role may administer at all (admin for users, admin or process manager for calendars) is decided
 * by the endpoints; this policy decides the scope. Background work without a signed-in user (CLI with
 * shell access, first-start bootstrap, demo data) is not restricted.
 */
public final class AdministrationPolicy {

    private AdministrationPolicy() {
    }

    /** The roles and markets a user holds, or is to be given. */
    public record Grant(Set<Role> roles, Set<String> markets, boolean allMarkets) {
        public Grant {
            roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
            markets = Set.copyOf(markets);
        }

        public static Grant of(PaydeskPrincipal p) {
            return new Grant(p.roles(), p.markets(), p.allMarkets());
        }

        boolean scopeEquals(Grant other) {
            return allMarkets == other.allMarkets && (allMarkets || markets.equals(other.markets));
        }
    }

    /** What the policy decided. */
    public sealed interface Decision permits Allowed, Hidden, Refused {

        /**
         * Throws unless allowed: a hidden target as the given not-found exception (exactly what an
         * unknown one answers), a refusal as 403.
         */
        default void enforce(Supplier<NotFoundException> notFound) {
            switch (this) {
                case Allowed a -> { }
                case Hidden h -> throw notFound.get();
                case Refused r -> throw new AccessDeniedException(r.reason());
            }
        }
    }

    /** The caller may go ahead. */
    public record Allowed() implements Decision {
    }

    /** The target lies outside the caller's markets: answer as if it did not exist. */
    public record Hidden() implements Decision {
    }

    /** The caller sees the target but the change goes beyond their own scope or roles. */
    public record Refused(String reason) implements Decision {
    }

    private static final Allowed ALLOWED = new Allowed();
    private static final Hidden HIDDEN = new Hidden();

    /** Whether the caller may see and manage (edit, disable, reset) a user holding {@code target}. */
    public static Decision mayManage(PaydeskPrincipal caller, Grant target) {
        return covers(caller, target) ? ALLOWED : HIDDEN;
    }

    /**
     * Whether the caller may give a user {@code proposed}; {@code current} is what the user holds now
     * (null when the user is being created), {@code targetId} the user's id (null when created).
     */
    public static Decision mayGrant(PaydeskPrincipal caller, @Nullable UUID targetId, @Nullable Grant current,
                                    Grant proposed) {
        if (current != null && !covers(caller, current)) {
            return HIDDEN;
        }
        if (current != null && caller.userId().equals(targetId)
                && (!current.roles().equals(proposed.roles()) || !current.scopeEquals(proposed))) {
            return new Refused("nobody changes their own roles or markets");
        }
        if (proposed.allMarkets() && !caller.allMarkets()) {
            return new Refused("only an all-markets user grants all markets");
        }
        if (!covers(caller, proposed)) {
            Set<String> beyond = new java.util.TreeSet<>(proposed.markets());
            beyond.removeAll(caller.markets());
            return new Refused("markets " + beyond + " are outside your own markets");
        }
        if (!caller.hasRole(Role.ADMIN) && !caller.roles().containsAll(proposed.roles())) {
            Set<Role> beyond = EnumSet.copyOf(proposed.roles());
            beyond.removeAll(caller.roles());
            return new Refused("you may only grant roles you hold; not " + beyond);
        }
        return ALLOWED;
    }

    /** Whether the caller may disable or enable a user holding {@code target}. */
    public static Decision mayDisable(PaydeskPrincipal caller, UUID targetId, Grant target) {
        if (!covers(caller, target)) {
            return HIDDEN;
        }
        if (caller.userId().equals(targetId)) {
            return new Refused("nobody disables or enables themselves");
        }
        return ALLOWED;
    }

    /** Whether the caller may edit a setting of {@code market}; null means a setting for every market. */
    public static Decision mayEditSetting(PaydeskPrincipal caller, @Nullable String market) {
        if (market == null) {
            return caller.allMarkets() ? ALLOWED
                    : new Refused("a setting for every market needs an all-markets user; name a market");
        }
        return caller.canAccessMarket(market) ? ALLOWED : HIDDEN;
    }

    /** Whether the caller may add a new market: only all-markets users (nobody else would see it). */
    public static Decision mayCreateMarket(PaydeskPrincipal caller) {
        return caller.allMarkets() ? ALLOWED : new Refused("only an all-markets user adds markets");
    }

    private static boolean covers(PaydeskPrincipal caller, Grant target) {
        if (caller.allMarkets()) {
            return true;
        }
        return !target.allMarkets() && caller.markets().containsAll(target.markets());
    }
}
