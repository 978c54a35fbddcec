package dev.paydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The session cookie as a real Tomcat sends it: HttpOnly and SameSite=Lax always, Secure when the
 * request is HTTPS — here, as behind a TLS-terminating proxy on a trusted (loopback) address that sends
 * {@code X-Forwarded-Proto: https} ({@code server.forward-headers-strategy=native}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionCookieOverHttpTests {

    @LocalServerPort
    int port;

    private String sessionCookie(boolean forwardedHttps) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).GET();
        if (forwardedHttps) {
            request.header("X-Forwarded-Proto", "https");
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith("SESSION=")).findFirst()
                .orElseThrow(() -> new AssertionError("no SESSION cookie in " + cookies));
    }

    @Test
    void behindAnHttpsProxyTheSessionCookieIsSecureHttpOnlyAndLax() throws Exception {
        String cookie = sessionCookie(true);
        assertThat(cookie).contains("; Secure").contains("; HttpOnly").containsIgnoringCase("; SameSite=Lax");
    }

    @Test
    void overPlainHttpTheCookieIsNotMarkedSecure() throws Exception {
        String cookie = sessionCookie(false);
        assertThat(cookie).doesNotContain("Secure").contains("; HttpOnly").containsIgnoringCase("; SameSite=Lax");
    }
}
