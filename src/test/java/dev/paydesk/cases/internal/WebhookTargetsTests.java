package dev.paydesk.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Outbound webhooks go to public addresses only (issue 21, #20: SSRF). Address ranges from RFC 6890. */
class WebhookTargetsTests {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** hooks.example.com resolves to a public address, inward.example.com to an internal one (DNS rebinding). */
    private final WebhookTargets.Resolver dns = host -> switch (host) {
        case "hooks.example.com" -> List.of(ip("93.184.215.14"));
        case "inward.example.com" -> List.of(ip("93.184.215.14"), ip("10.1.2.3"));
        case "nowhere.example.com" -> throw new UnknownHostException(host);
        default -> List.of(ip(host));
    };

    private final WebhookTargets targets = new WebhookTargets(dns, false, List.of());

    @Test
    void internalAddressesAreRefused() {
        for (String url : List.of("http://127.0.0.1/hook", "http://127.8.9.10/", "http://0.0.0.0/", "http://10.0.0.5/",
                "http://172.16.0.1/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/",
                "http://224.0.0.1/", "http://255.255.255.255/", "http://[::1]/", "http://[::]/", "http://[fe80::1]/",
                "http://[fd00::1]/", "http://[fc00::1]/", "http://[::ffff:127.0.0.1]/", "https://inward.example.com/hook")) {
            assertThat(targets.refusal(URI.create(url))).as(url).isPresent();
        }
    }

    @Test
    void publicAddressesAreAccepted() {
        assertThat(targets.refusal(URI.create("https://hooks.example.com/paydesk"))).isEmpty();
        assertThat(targets.refusal(URI.create("http://93.184.215.14:8443/x"))).isEmpty();
        assertThat(targets.refusal(URI.create("http://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/"))).isEmpty();
    }

    @Test
    void otherSchemesCredentialsAndUnknownHostsAreRefused() {
        assertThat(targets.refusal(URI.create("file:///etc/passwd"))).isPresent();
        assertThat(targets.refusal(URI.create("gopher://hooks.example.com/"))).isPresent();
        assertThat(targets.refusal(URI.create("https://user:pw@hooks.example.com/"))).isPresent();
        assertThat(targets.refusal(URI.create("https://nowhere.example.com/"))).get().asString().contains("does not resolve");
    }

    @Test
    void theAllowListExemptsOnlyTheNamedHosts() {
        WebhookTargets dev = new WebhookTargets(dns, false, List.of("127.0.0.1"));
        assertThat(dev.refusal(URI.create("http://127.0.0.1:8089/hook"))).isEmpty();
        assertThat(dev.refusal(URI.create("http://10.0.0.5/"))).isPresent();
        assertThat(new WebhookTargets(dns, true, List.of()).refusal(URI.create("http://10.0.0.5/"))).isEmpty();
    }
}
