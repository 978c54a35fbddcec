package dev.paydesk.platform.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AdministrationPolicy;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.Role;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/** Users: creation with roles and market scopes, password changes, enabling, and sign-in lookup. */
@Service
public class UserService implements UserDetailsService, dev.paydesk.platform.UserDirectory {

    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(UserService.class);
    static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final MarketService markets;
    private final UserSessions sessions;
    private final Clock clock;

    UserService(JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit, MarketService markets,
                UserSessions sessions, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.markets = markets;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** What an administrator supplies to create or change a user. */
    public record UserSpec(String username, String displayName, @Nullable String email, List<String> roles,
                           List<String> markets, boolean allMarkets) {
    }

    public static String generatePassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return sb.toString();
    }

    @Override
    public UserAccount loadUserByUsername(String username) {
        return findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    public Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("select * from platform_user where lower(username) = lower(:u)").param("u", username)
                .query(UserService::map).optional();
    }

    public Optional<UserAccount> find(UUID id) {
        return jdbc.sql("select * from platform_user where id = :id").param("id", id).query(UserService::map).optional();
    }

    public UserAccount require(UUID id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /**
     * A user the signed-in caller may see and manage ({@link AdministrationPolicy#mayManage}); any other
     * answers exactly like an unknown id. Without a signed-in caller (CLI, bootstrap) every user.
     */
    public UserAccount requireManaged(UUID id) {
        UserAccount user = require(id);
        caller().ifPresent(c -> AdministrationPolicy.mayManage(c, AdministrationPolicy.Grant.of(user))
                .enforce(() -> notFound(id)));
        return user;
    }

    /** The users the signed-in caller may see and manage; without one, every user. */
    public List<UserAccount> managed() {
        Optional<UserAccount> caller = caller();
        return all().stream().filter(u -> caller.isEmpty() || AdministrationPolicy.mayManage(caller.get(),
                AdministrationPolicy.Grant.of(u)) instanceof AdministrationPolicy.Allowed).toList();
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("user " + id + " does not exist");
    }

    /** The signed-in caller as stored now (not as the session remembers them). */
    private Optional<UserAccount> caller() {
        return CurrentUser.principal().map(p -> find(p.userId()).orElseThrow(
                () -> new org.springframework.security.access.AccessDeniedException("the signed-in user no longer exists")));
    }

    public List<UserAccount> all() {
        return jdbc.sql("select * from platform_user order by lower(username)").query(UserService::map).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from platform_user").query(Long.class).single();
    }

    /** Creates a user with the given initial password, which must be changed at first sign-in. */
    @Transactional
    public UserAccount create(UserSpec spec, String initialPassword, boolean mustChangePassword) {
        Validated v = validate(spec);
        caller().ifPresent(c -> AdministrationPolicy.mayGrant(c, null, null, v.grant())
                .enforce(() -> new NotFoundException("user " + v.username + " does not exist")));
        checkPassword(initialPassword);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into platform_user (id, username, display_name, email, password_hash, roles, markets,
                        all_markets, must_change_password, created_at)
                    values (:id, :username, :display, :email, :hash, :roles, :markets, :all, :must, :now)""")
                    .param("id", id).param("username", v.username).param("display", v.displayName)
                    .param("email", v.email).param("hash", encoder.encode(initialPassword))
                    .param("roles", v.roles.stream().map(Enum::name).toArray(String[]::new))
                    .param("markets", v.markets.toArray(String[]::new)).param("all", v.allMarkets)
                    .param("must", mustChangePassword).param("now", java.sql.Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("a user named '" + v.username + "' already exists");
        }
        UserAccount created = require(id);
        audit.record("user.created", "user", id.toString(), auditMarket(created), null, created.view());
        return created;
    }

    @Transactional
    public UserAccount update(UUID id, UserSpec spec) {
        UserAccount before = requireManaged(id);
        Validated v = validate(spec);
        caller().ifPresent(c -> AdministrationPolicy.mayGrant(c, id, AdministrationPolicy.Grant.of(before), v.grant())
                .enforce(() -> notFound(id)));
        if (!before.username().equalsIgnoreCase(v.username)) {
            throw new InvalidInputException("username", "the username cannot be changed");
        }
        jdbc.sql("""
                update platform_user set display_name = :display, email = :email, roles = :roles, markets = :markets,
                    all_markets = :all, version = version + 1 where id = :id""")
                .param("id", id).param("display", v.displayName).param("email", v.email)
                .param("roles", v.roles.stream().map(Enum::name).toArray(String[]::new))
                .param("markets", v.markets.toArray(String[]::new)).param("all", v.allMarkets).update();
        UserAccount after = require(id);
        audit.record("user.updated", "user", id.toString(), auditMarket(before, after), before.view(), after.view());
        if (!before.roles().equals(after.roles()) || !before.markets().equals(after.markets())
                || before.allMarkets() != after.allMarkets()) {
            endSessions(after, "roles or markets changed");
        }
        return after;
    }

    @Transactional
    public UserAccount setEnabled(UUID id, boolean enabled) {
        UserAccount before = requireManaged(id);
        caller().ifPresent(c -> AdministrationPolicy.mayDisable(c, id, AdministrationPolicy.Grant.of(before))
                .enforce(() -> notFound(id)));
        jdbc.sql("update platform_user set enabled = :e, version = version + 1 where id = :id")
                .param("e", enabled).param("id", id).update();
        UserAccount after = require(id);
        audit.record(enabled ? "user.enabled" : "user.disabled", "user", id.toString(), auditMarket(after), before.view(),
                after.view());
        if (!enabled) {
            endSessions(after, "disabled");
        }
        return after;
    }

    /** A user changes their own password, proving the current one. */
    @Transactional
    public void changePassword(UUID id, String currentPassword, String newPassword) {
        UserAccount user = require(id);
        if (!encoder.matches(currentPassword, user.passwordHash())) {
            throw new InvalidInputException("currentPassword", "the current password is not correct");
        }
        if (currentPassword.equals(newPassword)) {
            throw new InvalidInputException("newPassword", "the new password must differ from the current one");
        }
        PasswordPolicy.check("newPassword", user.username(), newPassword);
        jdbc.sql("update platform_user set password_hash = :h, must_change_password = false, version = version + 1 where id = :id")
                .param("h", encoder.encode(newPassword)).param("id", id).update();
        audit.record("user.password_changed", "user", id.toString(), auditMarket(user), null, null);
    }

    /** An administrator (or the CLI) sets a new one-time password that must be changed at sign-in. */
    @Transactional
    public String resetPassword(UUID id) {
        UserAccount user = requireManaged(id);
        String password = generatePassword();
        while (!PasswordPolicy.accepts(user.username(), password)) {
            password = generatePassword();
        }
        jdbc.sql("update platform_user set password_hash = :h, must_change_password = true, version = version + 1 where id = :id")
                .param("h", encoder.encode(password)).param("id", id).update();
        audit.record("user.password_reset", "user", id.toString(), auditMarket(user), null, null);
        endSessions(user, "password reset");
        return password;
    }

    /** An administrator signs a user out everywhere (API tokens are not affected); returns how many sessions ended. */
    @Transactional
    public int endAllSessions(UUID id) {
        UserAccount user = requireManaged(id);
        audit.record("user.sessions_ended", "user", id.toString(), auditMarket(user), null, null);
        return sessions.endAll(user.username());
    }

    /**
     * Switches password sign-in on or off for one user (off: they sign in through single sign-on only).
     * The same administration policy as disabling applies; sessions stay.
     */
    @Transactional
    public UserAccount setPasswordLogin(UUID id, boolean allowed) {
        UserAccount before = requireManaged(id);
        caller().ifPresent(c -> AdministrationPolicy.mayDisable(c, id, AdministrationPolicy.Grant.of(before))
                .enforce(() -> notFound(id)));
        jdbc.sql("update platform_user set password_login = :p, version = version + 1 where id = :id")
                .param("p", allowed).param("id", id).update();
        UserAccount after = require(id);
        audit.record(allowed ? "user.password_login_on" : "user.password_login_off", "user", id.toString(),
                auditMarket(after), before.view(), after.view());
        return after;
    }

    /**
     * The market an audit entry about users belongs to: their one market; users of several or all markets
     * (and changes between markets) are platform-wide entries, which only all-markets users read.
     */
    private static @Nullable String auditMarket(UserAccount... states) {
        String market = null;
        for (UserAccount u : states) {
            if (u.allMarkets() || u.markets().size() != 1 || (market != null && !market.equals(u.markets().iterator().next()))) {
                return null;
            }
            market = u.markets().iterator().next();
        }
        return market;
    }

    /**
     * Ends every UI session of the user at once (API tokens re-check the user on every request).
     * Runs after the change commits, so a session is never ended for a change that rolled back and a
     * request racing the commit is caught by {@link SessionUserRecheckFilter}.
     */
    private void endSessions(UserAccount user, String reason) {
        Runnable end = () -> {
            int ended = sessions.endAll(user.username());
            if (ended > 0) {
                log.info("Ended {} session(s) of {}: {}", ended, user.username(), reason);
            }
        };
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            end.run();
                        }
                    });
        } else {
            end.run();
        }
    }

    /** Initial passwords are generated one-time passwords; the full policy applies when a person chooses one. */
    private void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("password", "a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    private Validated validate(UserSpec spec) {
        String username = spec.username() == null ? "" : spec.username().trim();
        if (!username.matches("[A-Za-z0-9._@-]{3,64}")) {
            throw new InvalidInputException("username",
                    "a username has 3 to 64 letters, digits, dots, dashes, underscores or @");
        }
        String display = spec.displayName() == null || spec.displayName().isBlank() ? username : spec.displayName().trim();
        String email = spec.email() == null || spec.email().isBlank() ? null : spec.email().trim();
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidInputException("email", "'" + email + "' is not an email address");
        }
        if (spec.roles() == null || spec.roles().isEmpty()) {
            throw new InvalidInputException("roles", "a user needs at least one role");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        spec.roles().forEach(r -> roles.add(Role.parse(r)));
        Set<String> scope = new LinkedHashSet<>();
        for (String m : spec.markets() == null ? List.<String>of() : spec.markets()) {
            String code = m.trim().toUpperCase(Locale.ROOT);
            if (markets.market(code).isEmpty()) {
                throw new InvalidInputException("markets", "market '" + m + "' does not exist");
            }
            scope.add(code);
        }
        if (!spec.allMarkets() && scope.isEmpty()) {
            throw new InvalidInputException("markets", "a user needs at least one market (or all markets)");
        }
        return new Validated(username, display, email, roles, scope, spec.allMarkets());
    }

    private record Validated(String username, String displayName, @Nullable String email, Set<Role> roles,
                             Set<String> markets, boolean allMarkets) {
        AdministrationPolicy.Grant grant() {
            return new AdministrationPolicy.Grant(roles, markets, allMarkets);
        }
    }

    static UserAccount map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        Set<String> markets = Set.copyOf(MarketService.strings(rs.getArray("markets")));
        return new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), rs.getString("password_hash"), roles, markets, rs.getBoolean("all_markets"),
                rs.getBoolean("enabled"), rs.getBoolean("must_change_password"), rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getBoolean("password_login"));
    }

    @Override
    public Optional<dev.paydesk.platform.UserDirectory.User> user(String username) {
        return findByUsername(username).map(UserService::directoryEntry);
    }

    @Override
    public List<dev.paydesk.platform.UserDirectory.User> users() {
        return all().stream().filter(UserAccount::enabled).map(UserService::directoryEntry).toList();
    }

    private static dev.paydesk.platform.UserDirectory.User directoryEntry(UserAccount a) {
        return new dev.paydesk.platform.UserDirectory.User(a.username(), a.displayName(), Optional.ofNullable(a.email()),
                a.roles(), a.markets(), a.allMarkets(), a.enabled(), a.createdAt());
    }
}
