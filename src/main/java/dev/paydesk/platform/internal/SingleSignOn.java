package dev.paydesk.platform.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AdministrationPolicy;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.Role;
import dev.paydesk.shared.InvalidInputException;

/**
 * Single sign-on accounts: the mapping rules (changed only by an all-markets administrator) and the
 * sign-in of an identity an OpenID Connect provider vouched for. An identity is linked to one Paydesk
 * user by (provider, subject); the first sign-in of an identity the rules grant something creates its
 * user just in time, with the granted roles and markets and without password sign-in; every later
 * sign-in brings the user's roles and markets in line with the rules again.
 */
@Service
public class SingleSignOn {

    private final JdbcClient jdbc;
    private final UserService users;
    private final MarketService markets;
    private final AuditLog audit;
    private final Clock clock;

    SingleSignOn(JdbcClient jdbc, UserService users, MarketService markets, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.markets = markets;
        this.audit = audit;
        this.clock = clock;
    }

    /** Why an identity the provider vouched for may not sign in (shown to the person, audited). */
    public static final class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message);
        }
    }

    public List<SsoRule> rules() {
        return jdbc.sql("select * from platform_sso_rule order by position").query((rs, n) -> new SsoRule(
                rs.getString("provider"), rs.getString("claim"), rs.getString("claim_value"),
                EnumSet.copyOf(MarketService.strings(rs.getArray("roles")).stream().map(Role::valueOf).toList()),
                Set.copyOf(MarketService.strings(rs.getArray("markets"))), rs.getBoolean("all_markets"))).list();
    }

    /** Replaces every rule at once; only an all-markets administrator may. */
    @Transactional
    public List<SsoRule> replaceRules(List<SsoRule> rules) {
        var caller = CurrentUser.principal();
        if (caller.isPresent() && !(caller.get().hasRole(Role.ADMIN) && caller.get().allMarkets())) {
            throw new AccessDeniedException("only an administrator of all markets may change the sign-on rules");
        }
        for (SsoRule rule : rules) {
            for (String code : rule.markets()) {
                if (markets.market(code).isEmpty()) {
                    throw new InvalidInputException("markets", "market '" + code + "' does not exist");
                }
            }
        }
        List<SsoRule> before = rules();
        jdbc.sql("delete from platform_sso_rule").update();
        int position = 0;
        for (SsoRule rule : rules) {
            jdbc.sql("""
                    insert into platform_sso_rule (id, position, provider, claim, claim_value, roles, markets, all_markets)
                    values (:id, :pos, :provider, :claim, :value, :roles, :markets, :all)""")
                    .param("id", UUID.randomUUID()).param("pos", position++).param("provider", rule.provider())
                    .param("claim", rule.claim()).param("value", rule.value())
                    .param("roles", rule.roles().stream().map(Enum::name).sorted().toArray(String[]::new))
                    .param("markets", rule.markets().stream().sorted().toArray(String[]::new))
                    .param("all", rule.allMarkets()).update();
        }
        List<SsoRule> after = rules();
        audit.record("sso.rules_changed", "sso_rules", "all", null, before, after);
        return after;
    }

    /**
     * Signs in an identity the provider vouched for (its ID token already verified): the linked user,
     * or one created now; throws {@link RefusedException} when the rules grant nothing, the user is
     * disabled, or the name is taken by a user not linked to this identity.
     */
    @Transactional(noRollbackFor = RefusedException.class)
    public UserAccount signIn(String provider, String issuer, String subject, Map<String, ?> claims) {
        Optional<AdministrationPolicy.Grant> grant = SsoRule.grant(rules(), provider, claims);
        if (grant.isEmpty()) {
            throw refused("your identity provider's groups grant no Paydesk role; "
                    + "ask an administrator to add a sign-on rule");
        }
        Optional<UUID> linked = jdbc.sql("select user_id from platform_user_identity where provider = :p and subject = :s")
                .param("p", provider).param("s", subject).query(UUID.class).optional();
        UserAccount user = linked.isPresent() ? align(users.require(linked.get()), grant.get())
                : create(provider, issuer, subject, claims, grant.get());
        if (!user.enabled()) {
            throw refused("the Paydesk account " + user.username() + " is disabled");
        }
        jdbc.sql("update platform_user_identity set last_login_at = :now where provider = :p and subject = :s")
                .param("now", Timestamp.from(clock.instant())).param("p", provider).param("s", subject).update();
        audit.record("login.sso", "user", user.id().toString(), null, null,
                Map.of("provider", provider, "issuer", issuer, "subject", subject));
        return user;
    }

    /** Records a refused single sign-on (bad token, no rule) in the audit log. */
    @Transactional
    public void recordRefusal(String provider, @Nullable String address, String reason) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("provider", provider);
        details.put("address", address == null ? "unknown" : address);
        details.put("reason", reason);
        audit.record("login.sso_refused", "sso", provider, null, null, details);
    }

    private static RefusedException refused(String reason) {
        return new RefusedException(reason);
    }

    private UserAccount align(UserAccount user, AdministrationPolicy.Grant grant) {
        if (AdministrationPolicy.Grant.of(user).equals(grant)) {
            return user;
        }
        return users.update(user.id(), spec(user.username(), user.displayName(), user.email(), grant));
    }

    private UserAccount create(String provider, String issuer, String subject, Map<String, ?> claims,
                               AdministrationPolicy.Grant grant) {
        String username = username(claims, subject);
        if (users.findByUsername(username).isPresent()) {
            throw refused("a Paydesk user named " + username
                    + " exists but is not linked to this sign-on identity; an administrator must resolve it");
        }
        String display = claims.get("name") instanceof String n && !n.isBlank() ? n : username;
        String email = claims.get("email") instanceof String e && !e.isBlank() ? e : null;
        UserAccount created = users.create(spec(username, display, email, grant), UserService.generatePassword(), false);
        created = users.setPasswordLogin(created.id(), false);
        jdbc.sql("""
                insert into platform_user_identity (provider, subject, user_id, issuer, linked_at, last_login_at)
                values (:p, :s, :u, :iss, :now, :now)""")
                .param("p", provider).param("s", subject).param("u", created.id()).param("iss", issuer)
                .param("now", Timestamp.from(clock.instant())).update();
        audit.record("user.identity_linked", "user", created.id().toString(), null, null,
                Map.of("provider", provider, "issuer", issuer, "subject", subject));
        return created;
    }

    private static UserService.UserSpec spec(String username, String display, @Nullable String email,
                                             AdministrationPolicy.Grant grant) {
        return new UserService.UserSpec(username, display, email, grant.roles().stream().map(Enum::name).toList(),
                List.copyOf(grant.markets()), grant.allMarkets());
    }

    /** The provider's preferred username, else the e-mail address, else the subject, as a valid username. */
    static String username(Map<String, ?> claims, String subject) {
        String raw = claims.get("preferred_username") instanceof String p && !p.isBlank() ? p
                : claims.get("email") instanceof String e && !e.isBlank() ? e : subject;
        String cleaned = raw.strip().replaceAll("[^A-Za-z0-9._@-]", "-");
        cleaned = cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
        return cleaned.length() < 3 ? (cleaned + "-sso") : cleaned;
    }
}
