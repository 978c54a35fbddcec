package dev.paydesk.platform.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.Role;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/**
 * The second factor: a TOTP authenticator (RFC 6238, see {@link Totp}) with ten one-time recovery
 * codes, required at password sign-in for users who enrolled one and, when enforcement is on, for
 * every holder of a configured role (default: administrators and process managers, who approve money
 * actions). A code is accepted once: its time step is remembered and a code of that step or an
 * earlier one is refused. Enrolment, use of a recovery code and resets are audited; an administrator's
 * reset of someone's factor takes effect only when a second administrator approves it.
 */
@Service
public class SecondFactors {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int RECOVERY_CODES = 10;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final UserService users;
    private final Clock clock;
    private final Passkeys passkeys;
    private final TotpSecrets secrets;
    private final Set<Role> requiredRoles;
    private final boolean enforced;

    SecondFactors(JdbcClient jdbc, AuditLog audit, UserService users, Clock clock, Passkeys passkeys, TotpSecrets secrets,
                  @Value("${paydesk.security.second-factor.required-roles:ADMIN,PROCESS_MANAGER}") List<String> requiredRoles,
                  @Value("${paydesk.security.second-factor.enforced:true}") boolean enforced,
                  @Value("${paydesk.demo.enabled:false}") boolean demo,
                  @Value("${paydesk.security.second-factor.enforced-in-demo:false}") boolean enforcedInDemo) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
        this.passkeys = passkeys;
        this.secrets = secrets;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        requiredRoles.stream().filter(r -> !r.isBlank()).map(Role::parse).forEach(roles::add);
        this.requiredRoles = roles;
        // demo users of every role sign in with their password only, unless asked otherwise
        this.enforced = enforced && (!demo || enforcedInDemo);
    }

    /** What a user's second factor looks like. */
    public record Status(boolean enrolled, boolean required, int recoveryCodesLeft, boolean passkey) {

        /** Whether any second factor (TOTP or a passkey) is set up. */
        public boolean anyFactor() {
            return enrolled || passkey;
        }
    }

    /** A started enrolment: the secret to type into an authenticator app, and the same as an otpauth URI. */
    public record Enrolment(String secret, String uri) {
    }

    /** How a typed code fared. */
    public enum Outcome { ACCEPTED, REUSED, WRONG }

    /** An administrator's request to reset someone's factor, waiting for a second administrator. */
    public record ResetRequest(UUID id, UUID userId, String username, String requestedBy, Instant requestedAt) {
    }

    public Status status(UserAccount user) {
        int left = jdbc.sql("select count(*) from platform_recovery_code where user_id = :u and used_at is null")
                .param("u", user.id()).query(Integer.class).single();
        return new Status(enrolled(user.id()), required(user), left, passkeys.has(user.username()));
    }

    /** Whether the user has any second factor: a confirmed TOTP authenticator or a passkey. */
    public boolean hasFactor(UserAccount user) {
        return enrolled(user.id()) || passkeys.has(user.username());
    }

    public boolean enrolled(UUID userId) {
        return jdbc.sql("select count(*) from platform_totp where user_id = :u and confirmed").param("u", userId)
                .query(Integer.class).single() > 0;
    }

    /** Whether the user's roles require a second factor (only while enforcement is on). */
    public boolean required(UserAccount user) {
        return enforced && user.roles().stream().anyMatch(requiredRoles::contains);
    }

    @Transactional
    public Enrolment start(UserAccount user) {
        if (enrolled(user.id())) {
            throw new ConflictException("a second factor is already set up; an administrator's reset (approved by a "
                    + "second administrator) removes it");
        }
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        jdbc.sql("""
                insert into platform_totp (user_id, secret, secret_format, confirmed, created_at)
                values (:u, :s, 1, false, :now)
                on conflict (user_id) do update set secret = excluded.secret, secret_format = 1,
                    created_at = excluded.created_at""")
                .param("u", user.id()).param("s", secrets.encrypt(user.id(), secret)).param("now", Timestamp.from(clock.instant())).update();
        String base32 = Totp.base32(secret);
        String label = URLEncoder.encode("Paydesk:" + user.username(), StandardCharsets.UTF_8).replace("+", "%20");
        return new Enrolment(base32, "otpauth://totp/" + label + "?secret=" + base32
                + "&issuer=Paydesk&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS);
    }

    /** Confirms an enrolment with a first code; returns the recovery codes, shown this once. */
    @Transactional
    public List<String> confirm(UserAccount user, String code) {
        byte[] secret = secret(user.id(), false)
                .orElseThrow(() -> new InvalidInputException("code", "start the set-up first"));
        OptionalLong step = Totp.matchingStep(secret, code, clock.instant());
        if (step.isEmpty()) {
            throw new InvalidInputException("code", "that code is not right; check that your device's clock is correct");
        }
        jdbc.sql("update platform_totp set confirmed = true, last_used_step = :s where user_id = :u")
                .param("s", step.getAsLong()).param("u", user.id()).update();
        jdbc.sql("delete from platform_recovery_code where user_id = :u").param("u", user.id()).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = recoveryCode();
            codes.add(recovery);
            jdbc.sql("insert into platform_recovery_code (user_id, code_hash) values (:u, :h)")
                    .param("u", user.id()).param("h", hash(recovery)).update();
        }
        audit.record("user.second_factor_enrolled", "user", user.id().toString(), null, null,
                Map.of("factor", "totp", "recoveryCodes", RECOVERY_CODES));
        return codes;
    }

    /** Checks a code typed at sign-in: a current TOTP code not used before, or an unused recovery code. */
    @Transactional
    public Outcome verify(UserAccount user, String code) {
        byte[] secret = secret(user.id(), true).orElse(null);
        if (secret == null) {
            return Outcome.WRONG;
        }
        OptionalLong step = Totp.matchingStep(secret, code, clock.instant());
        if (step.isPresent()) {
            int claimed = jdbc.sql("update platform_totp set last_used_step = :s where user_id = :u and last_used_step < :s")
                    .param("s", step.getAsLong()).param("u", user.id()).update();
            if (claimed == 0) {
                audit.record("login.second_factor_reused", "user", user.id().toString(), null, null,
                        Map.of("step", step.getAsLong()));
                return Outcome.REUSED;
            }
            return Outcome.ACCEPTED;
        }
        String normalised = code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (normalised.length() == 10) {
            int used = jdbc.sql("""
                    update platform_recovery_code set used_at = :now
                    where user_id = :u and code_hash = :h and used_at is null""")
                    .param("now", Timestamp.from(clock.instant())).param("u", user.id()).param("h", hash(normalised))
                    .update();
            if (used == 1) {
                audit.record("user.recovery_code_used", "user", user.id().toString(), null, null, null);
                return Outcome.ACCEPTED;
            }
        }
        return Outcome.WRONG;
    }

    /** The user's TOTP key, decrypted (see {@link TotpSecrets}). */
    private java.util.Optional<byte[]> secret(UUID userId, boolean confirmed) {
        return jdbc.sql("select secret, secret_format from platform_totp where user_id = :u and confirmed = :c")
                .param("u", userId).param("c", confirmed)
                .query((rs, n) -> secrets.decrypt(userId, rs.getBytes("secret"), rs.getInt("secret_format")))
                .optional();
    }

    /** An administrator asks to remove a user's factor; a second administrator must approve. */
    @Transactional
    public ResetRequest requestReset(UUID userId) {
        UserAccount user = users.requireManaged(userId);
        UUID caller = callerId();
        if (!enrolled(userId)) {
            throw new ConflictException(user.username() + " has no second factor to reset");
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into platform_factor_reset (id, user_id, requested_by, requested_at)
                    values (:id, :u, :by, :now)""")
                    .param("id", id).param("u", userId).param("by", caller).param("now", Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("a reset of " + user.username() + "'s second factor is already waiting for approval");
        }
        audit.record("user.second_factor_reset_requested", "user", userId.toString(), null, null, Map.of("request", id));
        return openResets().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /** A second administrator (not the one who asked) approves: the factor and its recovery codes are removed. */
    @Transactional
    public void approveReset(UUID requestId) {
        ResetRequest request = openResets().stream().filter(r -> r.id().equals(requestId)).findFirst()
                .orElseThrow(() -> new NotFoundException("no open second-factor reset " + requestId));
        UUID caller = callerId();
        String requester = jdbc.sql("select requested_by::text from platform_factor_reset where id = :id")
                .param("id", requestId).query(String.class).single();
        if (caller.toString().equals(requester)) {
            throw new AccessDeniedException("a second administrator must approve this reset, not the one who asked for it");
        }
        if (caller.equals(request.userId())) {
            throw new AccessDeniedException("nobody approves the reset of their own second factor");
        }
        jdbc.sql("delete from platform_totp where user_id = :u").param("u", request.userId()).update();
        jdbc.sql("delete from platform_recovery_code where user_id = :u").param("u", request.userId()).update();
        jdbc.sql("update platform_factor_reset set approved_by = :by, approved_at = :now where id = :id")
                .param("by", caller).param("now", Timestamp.from(clock.instant())).param("id", requestId).update();
        audit.record("user.second_factor_reset", "user", request.userId().toString(), null, null,
                Map.of("request", requestId, "requestedBy", request.requestedBy()));
    }

    /** Open reset requests for the users the caller manages. */
    public List<ResetRequest> openResets() {
        Set<UUID> managed = users.managed().stream().map(UserAccount::id).collect(java.util.stream.Collectors.toSet());
        return jdbc.sql("""
                select r.id, r.user_id, u.username, by_user.username as requested_by, r.requested_at
                from platform_factor_reset r join platform_user u on u.id = r.user_id
                join platform_user by_user on by_user.id = r.requested_by
                where r.approved_at is null order by r.requested_at""")
                .query((rs, n) -> new ResetRequest(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getString("username"), rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant()))
                .list().stream().filter(r -> managed.contains(r.userId())).toList();
    }

    private static UUID callerId() {
        return CurrentUser.principal().map(p -> p.userId())
                .orElseThrow(() -> new AccessDeniedException("a signed-in administrator must do this"));
    }

    private static String recoveryCode() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            sb.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return sb.insert(5, '-').toString();
    }

    /** SHA-256 of the code without separators: recovery codes are random (50 bits), so a fast hash suffices. */
    static String hash(String code) {
        try {
            String normalised = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
