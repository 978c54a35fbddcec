package dev.paydesk.platform.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.paydesk.platform.AdministrationPolicy;
import dev.paydesk.platform.Role;
import dev.paydesk.shared.InvalidInputException;

/**
 * One single sign-on mapping rule: an identity provider's claim value (for example the group
 * {@code payments-de} in the claim {@code groups}) grants Paydesk roles in markets. {@code provider}
 * is a registration id or {@code *} for every provider. A signed-in identity receives the union of
 * every rule it matches; one that matches none is refused.
 */
public record SsoRule(String provider, String claim, String value, Set<Role> roles, Set<String> markets,
                      boolean allMarkets) {

    public static final String ANY_PROVIDER = "*";

    public SsoRule {
        provider = required("provider", provider);
        claim = required("claim", claim);
        value = required("value", value);
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInputException("roles", "a rule grants at least one role");
        }
        roles = Set.copyOf(EnumSet.copyOf(roles));
        Set<String> codes = new LinkedHashSet<>();
        (markets == null ? Set.<String>of() : markets).forEach(m -> codes.add(m.strip().toUpperCase(Locale.ROOT)));
        if (!allMarkets && codes.isEmpty()) {
            throw new InvalidInputException("markets", "a rule grants at least one market (or all markets)");
        }
        markets = allMarkets ? Set.of() : Set.copyOf(codes);
    }

    private static String required(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "a rule needs a " + field);
        }
        return text.strip();
    }

    /** Whether the identity's claims, from {@code registrationId}, carry this rule's value. */
    public boolean matches(String registrationId, Map<String, ?> claims) {
        if (!provider.equals(ANY_PROVIDER) && !provider.equals(registrationId)) {
            return false;
        }
        Object claimed = claims.get(claim);
        if (claimed instanceof Collection<?> many) {
            return many.stream().anyMatch(v -> value.equals(String.valueOf(v)));
        }
        return claimed != null && value.equals(String.valueOf(claimed));
    }

    /** What the rules grant the identity: the union of the matching rules, or empty when none matches. */
    public static Optional<AdministrationPolicy.Grant> grant(List<SsoRule> rules, String registrationId,
                                                            Map<String, ?> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> markets = new LinkedHashSet<>();
        boolean all = false;
        boolean matched = false;
        for (SsoRule rule : rules) {
            if (rule.matches(registrationId, claims)) {
                matched = true;
                roles.addAll(rule.roles());
                markets.addAll(rule.markets());
                all |= rule.allMarkets();
            }
        }
        return matched ? Optional.of(new AdministrationPolicy.Grant(roles, all ? Set.of() : markets, all))
                : Optional.empty();
    }
}
