package dev.paydesk.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/**
 * Personal API tokens for {@code /api/v1}. A token is 32 random bytes shown once at creation; only
 * its SHA-256 is stored (the token has full entropy, so a slow hash adds nothing).
 */
@Service
public class ApiTokenService {

    static final String PREFIX = "pd_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final UserService users;
    private final Clock clock;

    ApiTokenService(JdbcClient jdbc, AuditLog audit, UserService users, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
    }

    /** A token as listed (never the secret). */
    public record TokenInfo(UUID id, String name, String prefix, Instant createdAt, @Nullable Instant expiresAt,
                            @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {
    }

    /** A freshly issued token: the secret is in {@code token} and is not retrievable later. */
    public record IssuedToken(TokenInfo info, String token) {
    }

    @Transactional
    public IssuedToken issue(UUID userId, String name, @Nullable Instant expiresAt) {
        users.require(userId);
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("name", "a token needs a name of 1 to 100 characters");
        }
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw new InvalidInputException("expiresAt", "a token must expire in the future");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into platform_api_token (id, user_id, name, token_hash, prefix, created_at, expires_at)
                values (:id, :user, :name, :hash, :prefix, :now, :expires)""")
                .param("id", id).param("user", userId).param("name", name.trim()).param("hash", sha256(token))
                .param("prefix", token.substring(0, 10)).param("now", Timestamp.from(now))
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt)).update();
        TokenInfo info = new TokenInfo(id, name.trim(), token.substring(0, 10), now, expiresAt, null, null);
        audit.record("api_token.issued", "user", userId.toString(), null, null, info);
        return new IssuedToken(info, token);
    }

    public List<TokenInfo> tokens(UUID userId) {
        return jdbc.sql("select * from platform_api_token where user_id = :u order by created_at desc")
                .param("u", userId)
                .query((rs, i) -> new TokenInfo(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("prefix"), rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    @Transactional
    public void revoke(UUID userId, UUID tokenId) {
        int updated = jdbc.sql("update platform_api_token set revoked_at = :now where id = :id and user_id = :u and revoked_at is null")
                .param("now", Timestamp.from(clock.instant())).param("id", tokenId).param("u", userId).update();
        if (updated == 0) {
            throw new NotFoundException("no active token " + tokenId);
        }
        audit.record("api_token.revoked", "user", userId.toString(), null, null, tokenId.toString());
    }

    /** How stale a token's "last used" may be: a busy client does not write the token's row on every request. */
    static final java.time.Duration LAST_USED_PRECISION = java.time.Duration.ofMinutes(1);

    /**
     * The user a presented token belongs to, if the token is known, unrevoked, unexpired and the user enabled.
     * "Last used" is written when it is older than {@link #LAST_USED_PRECISION}: a read-only request then stays
     * read-only, and the clients sharing a token do not queue on its row.
     */
    public Optional<UserAccount> authenticate(String token) {
        if (!token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ActiveToken> active = jdbc.sql("""
                select t.id as token_id, t.last_used_at as token_last_used_at, u.* from platform_api_token t
                join platform_user u on u.id = t.user_id
                where t.token_hash = :hash and t.revoked_at is null and (t.expires_at is null or t.expires_at > :now)""")
                .param("now", Timestamp.from(now)).param("hash", sha256(token))
                .query((rs, n) -> new ActiveToken(rs.getObject("token_id", UUID.class), instant(rs.getTimestamp("token_last_used_at")),
                        UserService.map(rs, n))).optional();
        active.filter(t -> t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION)))
                .ifPresent(t -> jdbc.sql("""
                        update platform_api_token set last_used_at = :now
                        where id = :id and (last_used_at is null or last_used_at < :stale)""")
                        .param("now", Timestamp.from(now)).param("id", t.id())
                        .param("stale", Timestamp.from(now.minus(LAST_USED_PRECISION))).update());
        return active.map(ActiveToken::user).filter(UserAccount::enabled);
    }

    private record ActiveToken(UUID id, @Nullable Instant lastUsedAt, UserAccount user) {
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
