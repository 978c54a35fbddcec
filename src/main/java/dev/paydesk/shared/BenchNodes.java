package dev.paydesk.shared;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the benchmarks and multi-node tests share to drive Paydesk servers in JVMs of their own: how
 * to start one, when it is ready, a free port, and signed Stripe events as Stripe sends them.
 */
public final class BenchNodes {

    private BenchNodes() {
    }

    /** How to start a Paydesk server: the jar this runs from, else this JVM's class path (tests). */
    public static List<String> launch() {
        // the same home as this process (bin/paydesk passes $HOME as user.home): the nodes' embedded database and keys
        // are then the ones this process counts in; without it a node under HOME=/some/dir used the real home's
        String home = "-Duser.home=" + System.getProperty("user.home");
        String location = BenchNodes.class.getProtectionDomain().getCodeSource().getLocation().toString();
        Matcher m = Pattern.compile("(/[^!]*\\.jar)").matcher(location);
        if (m.find()) {
            return List.of(home, "-jar", m.group(1));
        }
        return List.of(home, "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "dev.paydesk.PaydeskApplication");
    }

    /** Waits until {@code base}/actuator/health answers 200; fails when the process exits or time runs out. */
    public static void awaitHealthy(String base, Process server, Duration timeout, String logs) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server at " + base + " exited; see " + logs);
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server at " + base + " did not become healthy within " + timeout + "; see " + logs);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stripe's webhook signature: HMAC-SHA256 of "timestamp.body" under the endpoint secret, in hex. */
    public static String stripeSignature(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Stripe {@code charge.succeeded} event with the fields Paydesk reads. */
    public static String stripeCharge(String eventId, String charge, String order) {
        return "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"type\":\"charge.succeeded\",\"created\":"
                + Instant.now().getEpochSecond() + ",\"data\":{\"object\":{\"id\":\"" + charge + "\",\"object\":\"charge\","
                + "\"amount\":2599,\"amount_captured\":2599,\"captured\":true,\"currency\":\"eur\",\"status\":\"succeeded\","
                + "\"payment_intent\":\"pi_" + charge + "\",\"payment_method_details\":{\"type\":\"card\",\"card\":"
                + "{\"brand\":\"visa\",\"last4\":\"4242\"}},\"metadata\":{\"order_id\":\"" + order + "\"}}}}";
    }
}
