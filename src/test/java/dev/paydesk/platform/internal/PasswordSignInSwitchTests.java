package dev.paydesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;

/** Password sign-in switched off for one user, and for everyone (single sign-on only). */
@SpringBootTest
class PasswordSignInSwitchTests extends PlatformTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    PasswordEncoder encoder;

    private ThrottledAuthenticationProvider provider(boolean passwordLogin) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        LoginThrottle throttle = new LoginThrottle(jdbc, audit, new LoginThrottle.Settings(5, 20, Duration.ofMinutes(15),
                Duration.ofSeconds(1), Duration.ofSeconds(30)), Clock.systemUTC());
        return new ThrottledAuthenticationProvider(passwords, throttle, passwordLogin);
    }

    private static UsernamePasswordAuthenticationToken attempt(UserAccount user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user.username(), password);
    }

    @Test
    void aUserWithPasswordSignInOffIsRefusedEvenWithTheRightPassword() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        assertThat(provider(true).authenticate(attempt(agent, "correct-horse-battery")).isAuthenticated()).isTrue();

        asSystem(() -> users.setPasswordLogin(agent.id(), false));

        assertThatThrownBy(() -> provider(true).authenticate(attempt(agent, "correct-horse-battery")))
                .isInstanceOf(ThrottledAuthenticationProvider.PasswordSignInOffException.class)
                .hasMessageContaining("single sign-on");
        // a wrong password still reads as a wrong password: the switch reveals nothing to a guesser
        assertThatThrownBy(() -> provider(true).authenticate(attempt(agent, "wrong-password-x")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'user.password_login_off' "
                + "and entity_id = :id").param("id", agent.id().toString()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void switchedOffForEveryoneNobodySignsInWithAPassword() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        UserAccount admin = newUser(Role.ADMIN, List.of("DE"));
        assertThatThrownBy(() -> provider(false).authenticate(attempt(admin, "correct-horse-battery")))
                .isInstanceOf(ThrottledAuthenticationProvider.PasswordSignInOffException.class);
    }
}
