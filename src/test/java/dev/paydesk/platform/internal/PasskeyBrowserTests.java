package dev.paydesk.platform.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.paydesk.BrowserTestSupport;

/**
 * Passkeys in a real Chromium with a virtual authenticator (Chrome DevTools Protocol
 * {@code WebAuthn.addVirtualAuthenticator}, a CTAP2 platform authenticator with resident keys and user
 * verification): an administrator, whose role requires a second factor, registers a passkey on the
 * set-up page instead of TOTP, signs in with it without a password or code, and removes it. An
 * assertion signed by that very credential but made for another origin is refused, while the same
 * assertion for Paydesk's origin is accepted — so the refusal is the origin check and nothing else.
 * <p>
 * WebAuthn binds a passkey to the exact origin, so this test starts Paydesk on a port chosen up front
 * and declares {@code http://localhost:<port>} as the one allowed origin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "paydesk.security.second-factor.enforced=true")
class PasskeyBrowserTests extends BrowserTestSupport {

    private static final String PASSWORD = "correct-horse-battery";
    private static final int PORT = freePort();

    @DynamicPropertySource
    static void origin(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("paydesk.security.passkeys.rp-id", () -> "localhost");
        registry.add("paydesk.security.passkeys.allowed-origins", () -> "http://localhost:" + PORT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    JdbcClient jdbc;

    private Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    private long audited(String action, String entityId) {
        return jdbc.sql("select count(*) from platform_audit_log where action = :a and entity_id = :id")
                .param("a", action).param("id", entityId).query(Long.class).single();
    }

    @Test
    void anAdministratorRegistersAPasskeySignsInWithItAndRemovesIt() throws Exception {
        UserAccount admin = newUser(dev.paydesk.platform.Role.ADMIN, List.of());
        String adminName = admin.username();
        CDPSession cdp = context.newCDPSession(page);
        cdp.send("WebAuthn.enable");
        JsonObject options = new JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        options.addProperty("automaticPresenceSimulation", true);
        JsonObject args = new JsonObject();
        args.add("options", options);
        String authenticatorId = cdp.send("WebAuthn.addVirtualAuthenticator", args).get("authenticatorId").getAsString();

        // the role requires a second factor: a passkey added on the set-up page fulfils it
        signIn(adminName, PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/account/second-factor$"));
        page.getByLabel("Name").fill("Test laptop");
        page.getByRole(AriaRole.BUTTON, named("Add a passkey")).click();
        assertThat(page.locator("#passkeys tbody tr")).hasCount(1);
        assertThat(page.locator("#passkeys").getByText("Test laptop")).isVisible();
        page.navigate(url("/admin/users"));
        assertThat(page).hasURL(Pattern.compile(".*/admin/users$"));
        org.assertj.core.api.Assertions.assertThat(audited("user.passkey_registered", admin.id().toString())).isEqualTo(1);
        page.getByRole(AriaRole.BUTTON, named("Sign out")).click();

        // sign in with the passkey alone: no password, no second step (a passkey is phishing-resistant MFA)
        page.navigate(url("/login"));
        page.getByRole(AriaRole.BUTTON, named("Sign in with a passkey")).click();
        assertThat(page.getByRole(AriaRole.HEADING, named("Good to see you, Test user"))).isVisible();
        page.navigate(url("/admin/users"));
        assertThat(page).hasURL(Pattern.compile(".*/admin/users$"));
        org.assertj.core.api.Assertions.assertThat(audited("login.passkey", admin.id().toString())).isEqualTo(1);
        page.getByRole(AriaRole.BUTTON, named("Sign out")).click();

        // an assertion by the same credential for another origin is refused; for Paydesk's origin it is accepted
        JsonObject getArgs = new JsonObject();
        getArgs.addProperty("authenticatorId", authenticatorId);
        JsonArray credentials = cdp.send("WebAuthn.getCredentials", getArgs).getAsJsonArray("credentials");
        JsonObject credential = credentials.get(0).getAsJsonObject();
        page.navigate(url("/login"));
        Map<?, ?> evil = postAssertion(credential, "https://paydesk.evil.example", 900);
        org.assertj.core.api.Assertions.assertThat(evil.get("status")).isEqualTo(401);
        org.assertj.core.api.Assertions.assertThat(String.valueOf(evil.get("body"))).contains("Passkey refused");
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                select count(*) from platform_audit_log where action = 'login.passkey_refused'""")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
        page.navigate(url("/"));
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        page.navigate(url("/login"));
        Map<?, ?> own = postAssertion(credential, "http://localhost:" + PORT, 901);
        org.assertj.core.api.Assertions.assertThat(own.get("status")).as(String.valueOf(own.get("body"))).isEqualTo(200);
        page.navigate(url("/"));
        assertThat(page.getByRole(AriaRole.HEADING, named("Good to see you, Test user"))).isVisible();

        // removal is confirmed and audited
        page.navigate(url("/account/second-factor"));
        page.getByRole(AriaRole.BUTTON, named("Remove")).click();
        page.getByRole(AriaRole.BUTTON, named("Yes, go ahead")).click();
        assertThat(page.locator("#passkeys tbody tr")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(audited("user.passkey_removed", admin.id().toString())).isEqualTo(1);
    }

    /**
     * Fetches assertion options in the page's session, then sends an assertion signed in Java with the
     * virtual authenticator's private key (WebAuthn Level 2, section 6.3.3: the signature covers
     * authenticatorData followed by SHA-256 of clientDataJSON), with clientDataJSON naming {@code origin}.
     */
    private Map<?, ?> postAssertion(JsonObject credential, String origin, int signCount) throws Exception {
        String challenge = (String) page.evaluate("""
                async () => {
                  const h = {'Content-Type': 'application/json'};
                  h[document.querySelector('meta[name=_csrf_header]').content] = document.querySelector('meta[name=_csrf]').content;
                  const r = await fetch('/webauthn/authenticate/options', {method: 'POST', headers: h});
                  return (await r.json()).challenge;
                }""");
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        byte[] credentialId = Base64.getDecoder().decode(credential.get("credentialId").getAsString());
        byte[] userHandle = Base64.getDecoder().decode(credential.get("userHandle").getAsString());
        byte[] clientData = ("{\"type\":\"webauthn.get\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
        byte[] authenticatorData = ByteBuffer.allocate(37)
                .put(MessageDigest.getInstance("SHA-256").digest("localhost".getBytes(StandardCharsets.UTF_8)))
                .put((byte) 0x05) // user present + user verified
                .putInt(signCount).array();
        byte[] pkcs8 = Base64.getDecoder().decode(credential.get("privateKey").getAsString());
        // Chromium picks the first algorithm Paydesk offers that it supports: Ed25519 (COSE -8) or else ES256
        boolean ed25519 = HexFormat.of().formatHex(pkcs8).contains("06032b6570");
        PrivateKey key = KeyFactory.getInstance(ed25519 ? "Ed25519" : "EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        Signature signer = Signature.getInstance(ed25519 ? "Ed25519" : "SHA256withECDSA");
        signer.initSign(key);
        signer.update(authenticatorData);
        signer.update(MessageDigest.getInstance("SHA-256").digest(clientData));
        JsonObject response = new JsonObject();
        response.addProperty("authenticatorData", url.encodeToString(authenticatorData));
        response.addProperty("clientDataJSON", url.encodeToString(clientData));
        response.addProperty("signature", url.encodeToString(signer.sign()));
        response.addProperty("userHandle", url.encodeToString(userHandle));
        JsonObject body = new JsonObject();
        body.addProperty("id", url.encodeToString(credentialId));
        body.addProperty("rawId", url.encodeToString(credentialId));
        body.add("response", response);
        body.addProperty("credType", "public-key");
        body.add("clientExtensionResults", new JsonObject());
        body.addProperty("authenticatorAttachment", "platform");
        return (Map<?, ?>) page.evaluate("""
                async (body) => {
                  const h = {'Content-Type': 'application/json'};
                  h[document.querySelector('meta[name=_csrf_header]').content] = document.querySelector('meta[name=_csrf]').content;
                  const r = await fetch('/login/webauthn', {method: 'POST', headers: h, body: body});
                  return {status: r.status, body: await r.text()};
                }""", body.toString());
    }
}
