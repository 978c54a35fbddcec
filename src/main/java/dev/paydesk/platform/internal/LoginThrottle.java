package dev.paydesk.platform.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AuditLog;

/**
 * Failed sign-ins per account and per client address. After the second failure in a row the next
 * attempt must wait (1 s, 2 s, 4 s … up to a maximum); at the threshold the account or address is
 * locked for a while. A lockout is audited, shown to administrators and can be lifted by one.
 * Unknown usernames are counted like known ones, so the answers do not tell which accounts exist.
 */
@Component
@EnableConfigurationProperties(LoginThrottle.Settings.class)
public class LoginThrottle {

    /** What is counted: the username as typed (lower case), or the client address. */
    public enum Kind { ACCOUNT, ADDRESS }

    /** A current lockout. */
    public record Lock(Kind kind, String key, int failures, Instant lockedUntil) {
    }

    /**
     * Sign-in protection settings ({@code paydesk.login.*}).
     *
     * @param maxFailures failures in a row that lock an account
     * @param addressMaxFailures failures in a row from one client address that lock the address
     * @param lockout how long a lockout lasts; also how long a failure is remembered
     * @param delayBase wait after the second failure, doubled after each further one
     * @param delayMax the longest wait between attempts before the lockout
     */
    @ConfigurationProperties("paydesk.login")
    public record Settings(int maxFailures, int addressMaxFailures, Duration lockout, Duration delayBase,
                           Duration delayMax) {

        public Settings {
            maxFailures = maxFailures <= 0 ? 5 : maxFailures;
            addressMaxFailures = addressMaxFailures <= 0 ? 20 : addressMaxFailures;
            lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
            delayBase = delayBase == null ? Duration.ofSeconds(1) : delayBase;
            delayMax = delayMax == null ? Duration.ofSeconds(30) : delayMax;
        }

        int threshold(Kind kind) {
            return kind == Kind.ACCOUNT ? maxFailures : addressMaxFailures;
        }

        /** The wait before the next attempt after {@code failures} failures in a row. */
        Duration delayAfter(int failures) {
            if (failures < 2 || delayBase.isZero()) {
                return Duration.ZERO;
            }
            Duration delay = delayBase.multipliedBy(1L << Math.min(failures - 2, 20));
            return delay.compareTo(delayMax) > 0 ? delayMax : delay;
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Settings settings;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, AuditLog audit, Settings settings, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** How long the caller must wait before this sign-in may be tried, if at all. */
    public Optional<Duration> refusal(String username, String address) {
        Instant now = clock.instant();
        return List.of(row(Kind.ACCOUNT, accountKey(username)), row(Kind.ADDRESS, address)).stream()
                .flatMap(Optional::stream)
                .map(r -> r.allowedFrom(settings).isAfter(now) ? Duration.between(now, r.allowedFrom(settings)) : null)
                .filter(java.util.Objects::nonNull)
                .max(Duration::compareTo);
    }

    /** Counts a failed sign-in for the account and the address; locks either at its threshold. */
    @Transactional
    public void failed(String username, String address) {
        count(Kind.ACCOUNT, accountKey(username));
        count(Kind.ADDRESS, address);
    }

    /** A successful sign-in clears the account's failures (the address keeps its count until it ages out). */
    @Transactional
    public void succeeded(String username) {
        jdbc.sql("delete from platform_login_throttle where kind = 'ACCOUNT' and key = :key")
                .param("key", accountKey(username)).update();
    }

    /** Lifts a lockout and forgets the failures; true when there was anything to lift. */
    @Transactional
    public boolean unlock(Kind kind, String key) {
        String normalised = kind == Kind.ACCOUNT ? accountKey(key) : key;
        int removed = jdbc.sql("delete from platform_login_throttle where kind = :kind and key = :key")
                .param("kind", kind.name()).param("key", normalised).update();
        if (removed > 0) {
            audit.record("login.unlocked", "login_" + kind.name().toLowerCase(Locale.ROOT), normalised, null, null, null);
        }
        return removed > 0;
    }

    /** Current lockouts, soonest-ending first. */
    public List<Lock> locks() {
        return jdbc.sql("""
                select kind, key, failures, locked_until from platform_login_throttle
                where locked_until > :now order by locked_until""")
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> new Lock(Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** The lockout of an account, if it is locked now. */
    public Optional<Instant> lockedUntil(String username) {
        Instant now = clock.instant();
        return row(Kind.ACCOUNT, accountKey(username)).map(Row::lockedUntil).filter(u -> u != null && u.isAfter(now));
    }

    private void count(Kind kind, String key) {
        Instant now = clock.instant();
        Row row = jdbc.sql("""
                insert into platform_login_throttle as t (kind, key, failures, last_failure_at)
                values (:kind, :key, 1, :now)
                on conflict (kind, key) do update set
                    failures = case when t.last_failure_at < :forgotten then 1 else t.failures + 1 end,
                    last_failure_at = :now
                returning failures, last_failure_at, locked_until""")
                .param("kind", kind.name()).param("key", key).param("now", Timestamp.from(now))
                .param("forgotten", Timestamp.from(now.minus(settings.lockout())))
                .query((rs, i) -> new Row(rs.getInt(1), rs.getTimestamp(2).toInstant(), instant(rs.getTimestamp(3))))
                .single();
        boolean locked = row.lockedUntil() != null && row.lockedUntil().isAfter(now);
        if (row.failures() >= settings.threshold(kind) && !locked) {
            Instant until = now.plus(settings.lockout());
            jdbc.sql("update platform_login_throttle set locked_until = :until where kind = :kind and key = :key")
                    .param("until", Timestamp.from(until)).param("kind", kind.name()).param("key", key).update();
            audit.record("login.locked", "login_" + kind.name().toLowerCase(Locale.ROOT), key, null, null,
                    Map.of("failures", row.failures(), "lockedUntil", until.toString()));
        }
    }

    private Optional<Row> row(Kind kind, String key) {
        return jdbc.sql("select failures, last_failure_at, locked_until from platform_login_throttle where kind = :kind and key = :key")
                .param("kind", kind.name()).param("key", key)
                .query((rs, i) -> new Row(rs.getInt(1), rs.getTimestamp(2).toInstant(), instant(rs.getTimestamp(3))))
                .optional();
    }

    /** Usernames are matched case-insensitively; a string longer than any username is cut. */
    static String accountKey(String username) {
        String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return key.length() > 100 ? key.substring(0, 100) : key;
    }

    private record Row(int failures, Instant lastFailureAt, @org.jspecify.annotations.Nullable Instant lockedUntil) {

        Instant allowedFrom(Settings settings) {
            Instant afterDelay = lastFailureAt.plus(settings.delayAfter(failures));
            return lockedUntil != null && lockedUntil.isAfter(afterDelay) ? lockedUntil : afterDelay;
        }
    }

    private static @org.jspecify.annotations.Nullable Instant instant(@org.jspecify.annotations.Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
