package dev.paydesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.SingleSignOnTests;
import idp.TestIdentityProvider;

/**
 * The second factor after single sign-on, with enforcement on, against the in-process OpenID Connect
 * provider: an administrator whose ID token says the provider used several factors ({@code amr}
 * contains {@code mfa}, RFC 8176) goes straight in; one whose token says password only is sent to set
 * up Paydesk's factor, and once they have one, to enter it. The TOTP key is stored encrypted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "paydesk.security.second-factor.enforced=true")
class SingleSignOnSecondFactorTests extends PlatformTestSupport {

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        SingleSignOnTests.declareProvider(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    SingleSignOn sso;

    @Autowired
    SecondFactors factors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    @BeforeEach
    void rules() {
        asSystem(() -> sso.replaceRules(List.of(
                new SsoRule("*", "groups", "paydesk-admins", Set.of(Role.ADMIN), Set.of(), true))));
    }

    private String landing(HttpClient browser, String username) throws Exception {
        String base = "http://127.0.0.1:" + port;
        return SingleSignOnTests.signInThroughProvider(base, browser, username).uri().toString().substring(base.length());
    }

    @Test
    void theProvidersMultiFactorSignInIsAccepted() throws Exception {
        String username = unique("admin-mfa");
        assertThat(TestIdentityProvider.amr(username)).contains("mfa");
        assertThat(landing(SingleSignOnTests.browser(), username)).isEqualTo("/");
    }

    @Test
    void aPasswordOnlySignInAtTheProviderIsAskedForPaydesksSecondFactor() throws Exception {
        String username = unique("admin");
        assertThat(TestIdentityProvider.amr(username)).containsExactly("pwd");
        HttpClient browser = SingleSignOnTests.browser();
        assertThat(landing(browser, username)).isEqualTo("/account/second-factor");
        assertThat(browser.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/admin/users")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).uri().getPath()).isEqualTo("/account/second-factor");

        UserAccount user = users.findByUsername(username).orElseThrow();
        SecondFactors.Enrolment enrolment = factors.start(user);
        byte[] secret = Totp.fromBase32(enrolment.secret());
        factors.confirm(user, Totp.code(secret, clock.instant()));
        byte[] stored = jdbc.sql("select secret from platform_totp where user_id = :u").param("u", user.id())
                .query(byte[].class).single();
        assertThat(stored).as("stored encrypted, not as the key itself").isNotEqualTo(secret).hasSizeGreaterThan(secret.length);

        assertThat(landing(SingleSignOnTests.browser(), username)).isEqualTo("/login/second-factor");
    }

    @Autowired
    TotpSecrets secrets;

    @Test
    void aKeyStoredBeforeEncryptionIsEncryptedOnceAndStillWorks() {
        UserAccount user = newUser(Role.ADMIN, List.of());
        byte[] secret = "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        jdbc.sql("""
                insert into platform_totp (user_id, secret, confirmed, created_at, secret_format)
                values (:u, :s, true, now(), 0)""").param("u", user.id()).param("s", secret).update();

        assertThat(secrets.encryptPlainSecrets()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("select secret_format from platform_totp where user_id = :u").param("u", user.id())
                .query(Integer.class).single()).isEqualTo(TotpSecrets.AES_GCM);
        assertThat(jdbc.sql("select secret from platform_totp where user_id = :u").param("u", user.id())
                .query(byte[].class).single()).isNotEqualTo(secret);
        assertThat(factors.verify(user, Totp.code(secret, clock.instant()))).isEqualTo(SecondFactors.Outcome.ACCEPTED);
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'user.totp_secrets_encrypted'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
        assertThat(secrets.encryptPlainSecrets()).as("nothing left to encrypt").isZero();
    }

    @Test
    void anAcrValueCanBeDeclaredMultiFactorToo() {
        SsoLogin.Assurance assurance = new SsoLogin.Assurance(Set.of("mfa"), Set.of("urn:corp:loa:high"));
        assertThat(assurance.multiFactor(Map.of("amr", List.of("pwd", "mfa")))).isTrue();
        assertThat(assurance.multiFactor(Map.of("amr", List.of("pwd"), "acr", "urn:corp:loa:high"))).isTrue();
        assertThat(assurance.multiFactor(Map.of("amr", List.of("pwd"), "acr", "urn:corp:loa:low"))).isFalse();
        assertThat(assurance.multiFactor(Map.of())).isFalse();
    }
}
