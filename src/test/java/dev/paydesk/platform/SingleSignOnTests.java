package dev.paydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.paydesk.platform.internal.SingleSignOn;
import idp.TestIdentityProvider;
import dev.paydesk.platform.internal.SsoRule;
import dev.paydesk.platform.internal.UserAccount;

/**
 * Single sign-on end to end against a real OpenID Connect provider run in-process
 * ({@link TestIdentityProvider}, Spring Authorization Server): the browser's redirects, the provider's
 * login form, the code exchange and the ID token's verification all happen over HTTP, no token is
 * mocked. Groups map to roles and markets through the stored rules; users are created just in time;
 * bad ID tokens are refused with a readable reason and audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public class SingleSignOnTests extends PlatformTestSupport {

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        declareProvider(registry);
    }

    /** Declares the in-process provider as {@code corp}. */
    public static void declareProvider(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.";
        registry.add(prefix + "registration.corp.client-id", () -> TestIdentityProvider.CLIENT_ID);
        registry.add(prefix + "registration.corp.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
        registry.add(prefix + "registration.corp.client-name", () -> "Corp IdP");
        registry.add(prefix + "registration.corp.scope", () -> "openid");
        registry.add(prefix + "provider.corp.issuer-uri", TestIdentityProvider::issuer);
    }

    @LocalServerPort
    int port;

    @Autowired
    SingleSignOn sso;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void rules() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        TestIdentityProvider.mode = TestIdentityProvider.Mode.GOOD;
        asSystem(() -> sso.replaceRules(List.of(
                new SsoRule("corp", "groups", "paydesk-ops-de", Set.of(Role.AGENT), Set.of("DE"), false),
                new SsoRule("*", "groups", "paydesk-admins", Set.of(Role.ADMIN), Set.of(), true))));
    }

    @AfterEach
    void goodTokensAgain() {
        TestIdentityProvider.mode = TestIdentityProvider.Mode.GOOD;
    }

    private String paydesk(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A browser: cookies per host (Paydesk on 127.0.0.1, the provider on localhost), redirects followed. */
    public static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Clicks "sign in with Corp IdP" on Paydesk and signs in at the provider; returns the page it ends on. */
    private HttpResponse<String> signInThroughProvider(HttpClient browser, String username)
            throws IOException, InterruptedException {
        return signInThroughProvider(paydesk(""), browser, username);
    }

    /** The same against the Paydesk at {@code base} (e.g. {@code http://127.0.0.1:PORT}). */
    public static HttpResponse<String> signInThroughProvider(String base, HttpClient browser, String username)
            throws IOException, InterruptedException {
        HttpResponse<String> loginForm = browser.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/authorization/corp"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loginForm.uri().toString()).startsWith(TestIdentityProvider.issuer() + "/login");
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginForm.body());
        assertThat(csrf.find()).as("the provider's login form has a CSRF token").isTrue();
        String form = "username=" + enc(username) + "&password=" + enc(TestIdentityProvider.PASSWORD)
                + "&_csrf=" + enc(csrf.group(1));
        return browser.send(HttpRequest.newBuilder(URI.create(TestIdentityProvider.issuer() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(paydesk(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void loginPageOffersTheConfiguredProvider() throws Exception {
        HttpResponse<String> login = get(browser(), "/login");
        assertThat(login.body()).contains("/oauth2/authorization/corp").contains("Corp IdP");
    }

    @Test
    void firstSignInCreatesTheUserWithTheRolesAndMarketsItsGroupsMapTo() throws Exception {
        String username = unique("ops");
        HttpClient browser = browser();
        HttpResponse<String> landed = signInThroughProvider(browser, username);

        assertThat(landed.uri().toString()).isEqualTo(paydesk("/"));
        assertThat(landed.statusCode()).isEqualTo(200);
        UserAccount created = users.findByUsername(username).orElseThrow();
        assertThat(created.roles()).containsExactly(Role.AGENT);
        assertThat(created.markets()).containsExactly("DE");
        assertThat(created.allMarkets()).isFalse();
        assertThat(created.passwordLogin()).as("created users sign in through their provider only").isFalse();
        assertThat(created.email()).isEqualTo(username + "@corp.example");
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :u").param("u", username)
                .query(Integer.class).single()).as("the session is Paydesk's, under the Paydesk username").isEqualTo(1);
        assertThat(auditCount("user.identity_linked", created.id().toString())).isEqualTo(1);
        // an admin-only page stays closed to the agent
        assertThat(get(browser, "/admin/users").statusCode()).isEqualTo(403);
    }

    @Test
    void laterSignInsFollowChangedRulesAndReuseTheLinkedUser() throws Exception {
        String username = unique("ops");
        signInThroughProvider(browser(), username);
        asSystem(() -> sso.replaceRules(List.of(
                new SsoRule("corp", "groups", "paydesk-ops-de", Set.of(Role.SPECIALIST, Role.AGENT), Set.of("DE"), false))));

        HttpResponse<String> again = signInThroughProvider(browser(), username);

        assertThat(again.uri().toString()).isEqualTo(paydesk("/"));
        assertThat(users.findByUsername(username).orElseThrow().roles()).containsExactlyInAnyOrder(Role.AGENT, Role.SPECIALIST);
        assertThat(jdbc.sql("select count(*) from platform_user where lower(username) like lower(:u) || '%'")
                .param("u", username).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anAdminGroupGrantsAllMarkets() throws Exception {
        String username = unique("admin");
        HttpClient browser = browser();
        assertThat(signInThroughProvider(browser, username).uri().toString()).isEqualTo(paydesk("/"));
        UserAccount admin = users.findByUsername(username).orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.allMarkets()).isTrue();
        assertThat(get(browser, "/admin/sso-rules").body()).contains("paydesk-ops-de");
    }

    @Test
    void anIdentityWhoseGroupsMatchNoRuleIsRefusedAndNoUserIsCreated() throws Exception {
        String username = unique("sales");
        HttpClient browser = browser();
        HttpResponse<String> refused = signInThroughProvider(browser, username);

        assertThat(refused.uri().getPath()).isEqualTo("/login");
        assertThat(refused.body()).contains("grant no Paydesk role");
        assertThat(users.findByUsername(username)).isEmpty();
        assertThat(get(browser, "/").uri().getPath()).as("not signed in").isEqualTo("/login");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "WRONG_AUDIENCE    | issued for another application",
            "WRONG_ISSUER      | issued by another issuer",
            "EXPIRED           | has expired",
            "FOREIGN_SIGNATURE | signature does not verify",
            "REPLAYED_NONCE    | nonce does not belong to this sign-in"})
    void aBadIdTokenIsRefusedWithItsReasonAndAudited(TestIdentityProvider.Mode mode, String reason) throws Exception {
        String username = unique("ops");
        signInThroughProvider(browser(), unique("ops")); // an earlier sign-in, whose nonce a replay reuses
        long refusalsBefore = auditCount("login.sso_refused", "corp");
        TestIdentityProvider.mode = mode;
        HttpClient browser = browser();

        HttpResponse<String> refused = signInThroughProvider(browser, username);

        assertThat(refused.uri().getPath()).isEqualTo("/login");
        assertThat(refused.body()).contains(reason);
        assertThat(users.findByUsername(username)).as("nothing changed").isEmpty();
        assertThat(get(browser, "/").uri().getPath()).as("not signed in").isEqualTo("/login");
        assertThat(auditCount("login.sso_refused", "corp")).isEqualTo(refusalsBefore + 1);
        assertThat(jdbc.sql("select after_state::text from platform_audit_log where action = 'login.sso_refused' "
                + "order by seq desc limit 1").query(String.class).single()).contains(reason);
    }

    @Test
    void aUserWithPasswordSignInSwitchedOffCannotUseTheirPassword() throws Exception {
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        asSystem(() -> users.setPasswordLogin(agent.id(), false));
        HttpClient browser = browser();
        String csrf = csrfOf(get(browser, "/login").body());

        HttpResponse<String> result = browser.send(HttpRequest.newBuilder(URI.create(paydesk("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(agent.username())
                        + "&password=correct-horse-battery&_csrf=" + enc(csrf))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(result.uri().getQuery()).isEqualTo("sso-only");
        assertThat(get(browser, "/").uri().getPath()).isEqualTo("/login");
    }

    private static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private long auditCount(String action, String entityId) {
        return jdbc.sql("select count(*) from platform_audit_log where action = :a and entity_id = :id")
                .param("a", action).param("id", entityId).query(Long.class).single();
    }
}
