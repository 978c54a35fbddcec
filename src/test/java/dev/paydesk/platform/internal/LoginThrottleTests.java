package dev.paydesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.paydesk.platform.AuditLog;

/**
 * Progressive delays and lockouts per account and per client address, on the real table, with a
 * clock the test moves (account threshold 5, address threshold 8, lockout 15 min, delays 1 s doubling
 * up to 4 s).
 */
@SpringBootTest
class LoginThrottleTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    final MovableClock clock = new MovableClock();
    LoginThrottle throttle;
    String user;
    String address;

    @BeforeEach
    void setUp() {
        throttle = new LoginThrottle(jdbc, audit, new LoginThrottle.Settings(5, 8, Duration.ofMinutes(15),
                Duration.ofSeconds(1), Duration.ofSeconds(4)), clock);
        user = "User-" + UUID.randomUUID().toString().substring(0, 8);
        address = "198.51.100." + (int) (Math.random() * 250);
        jdbc.sql("delete from platform_login_throttle where kind = 'ADDRESS' and key = :a").param("a", address).update();
    }

    @Test
    void theWaitGrowsWithEachFailureFromTheSecondOn() {
        throttle.failed(user, address);
        assertThat(throttle.refusal(user, address)).isEmpty();
        throttle.failed(user, address);
        assertThat(throttle.refusal(user, address)).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.refusal(user, address)).isEmpty();
        throttle.failed(user, address);
        assertThat(throttle.refusal(user, address)).contains(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        throttle.failed(user, address);
        assertThat(throttle.refusal(user, address)).contains(Duration.ofSeconds(4));
    }

    @Test
    void theFifthFailureLocksTheAccountForFifteenMinutesAndIsAudited() {
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(10));
            throttle.failed(user, address);
        }
        assertThat(throttle.refusal(user, "203.0.113.9")).contains(Duration.ofMinutes(15));
        assertThat(throttle.lockedUntil(user)).isPresent();
        assertThat(throttle.locks()).anySatisfy(l -> {
            assertThat(l.kind()).isEqualTo(LoginThrottle.Kind.ACCOUNT);
            assertThat(l.key()).isEqualTo(user.toLowerCase());
        });
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'login.locked' and entity_id = :k")
                .param("k", user.toLowerCase()).query(Integer.class).single()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.refusal(user, "203.0.113.9")).isEmpty();
    }

    @Test
    void theAccountIsMatchedCaseInsensitivelyAndASuccessClearsIt() {
        throttle.failed(user.toUpperCase(), address);
        throttle.failed(user.toLowerCase(), address);
        assertThat(throttle.refusal(user, address)).isPresent();
        throttle.succeeded(user);
        clock.advance(Duration.ofSeconds(5));
        throttle.failed(user, address);
        assertThat(throttle.refusal(user, "203.0.113.9")).isEmpty();
    }

    @Test
    void failuresAgainstManyAccountsFromOneAddressLockTheAddress() {
        for (int i = 0; i < 8; i++) {
            clock.advance(Duration.ofSeconds(10));
            throttle.failed(user + "-" + i, address);
        }
        assertThat(throttle.refusal(user + "-fresh", address)).contains(Duration.ofMinutes(15));
        assertThat(throttle.refusal(user + "-fresh", "203.0.113.9")).isEmpty();
        assertThat(throttle.unlock(LoginThrottle.Kind.ADDRESS, address)).isTrue();
        assertThat(throttle.refusal(user + "-fresh", address)).isEmpty();
    }

    @Test
    void oldFailuresAreForgotten() {
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(10));
            throttle.failed(user, address);
        }
        clock.advance(Duration.ofMinutes(16));
        throttle.failed(user, address);
        assertThat(throttle.lockedUntil(user)).isEmpty();
        assertThat(throttle.refusal(user, address)).isEmpty();
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-12-07T09:00:00Z").plusSeconds((long) (Math.random() * 1_000_000));

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
