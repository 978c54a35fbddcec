package dev.paydesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import dev.paydesk.platform.ExternalPostgres;
import dev.paydesk.shared.BenchNodes;

/**
 * Three Paydesk nodes in separate JVMs on one external PostgreSQL (owner and application roles), one
 * killed with kill -9 in the middle of a webhook burst and while the clock sweep runs every second:
 * every acknowledged event is stored exactly once and nothing is created twice, the sweep goes on on
 * the surviving nodes, and a user signed in on the killed node carries on on another one. Then a second
 * node is killed in the middle of a settlement import (during its COPY): nothing of it remains, and the
 * same file uploaded to the last node is stored exactly once.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeFailureTests {

    /** The test profile's Stripe account and its test-only signing secret (application-test.properties). */
    static final String ACCOUNT = "stripe-eu";
    static final String SECRET = "whsec_paydesk_test_secret";
    static final int EVENTS = 900;

    @TempDir
    static Path dir;

    static ExternalPostgres pg;
    static final List<PaydeskNode> nodes = new ArrayList<>();

    @BeforeAll
    static void startNodes() throws Exception {
        pg = ExternalPostgres.start(dir);
        List<String> properties = new ArrayList<>(pg.nodeProperties());
        properties.add("paydesk.cases.sweep-interval=PT1S");
        properties.add("paydesk.db.pool-size=8");
        PaydeskNode first = PaydeskNode.start("node1", dir, properties); // migrates the empty database
        nodes.add(first);
        first.awaitHealthy(Duration.ofMinutes(4));
        nodes.add(PaydeskNode.start("node2", dir, properties));
        nodes.add(PaydeskNode.start("node3", dir, properties));
        for (PaydeskNode node : nodes) {
            node.awaitHealthy(Duration.ofMinutes(4));
        }
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (PaydeskNode node : nodes) {
            node.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    @Order(1)
    void killingANodeLosesNothingDuplicatesNothingAndSignsNobodyOut() throws Exception {
        PaydeskNode victim = nodes.get(2);
        HttpClient browser = signedInBrowser(victim);
        assertThat(get(browser, victim, "/").statusCode()).as("signed in on " + victim.name).isEqualTo(200);
        awaitSweepBy(Set.of(nodes.get(0).pid(), nodes.get(1).pid(), victim.pid()), Instant.now());

        String run = UUID.randomUUID().toString().substring(0, 8);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger redeliveries = new AtomicInteger();
        HttpClient psp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ExecutorService senders = Executors.newFixedThreadPool(12);
        for (int i = 0; i < EVENTS; i++) {
            int n = i;
            senders.submit(() -> deliver(psp, run, n, acknowledged, redeliveries));
        }
        while (acknowledged.size() < EVENTS / 3) {
            Thread.sleep(20);
        }
        victim.kill();
        Instant killedAt = Instant.now();
        senders.shutdown();
        assertThat(senders.awaitTermination(3, TimeUnit.MINUTES)).isTrue();

        assertThat(acknowledged).as("every event acknowledged by some node").hasSize(EVENTS);
        try (Connection c = pg.connect(ExternalPostgres.OWNER, ExternalPostgres.OWNER_PASSWORD)) {
            assertThat(count(c, "select count(*) from payments_inbound_event where event_key like ?", "evt_fault_" + run + "_%"))
                    .as("acknowledged events stored").isEqualTo(EVENTS);
            assertThat(count(c, "select count(*) - count(distinct event_key) from payments_inbound_event where event_key like ?",
                    "evt_fault_" + run + "_%")).as("events stored twice").isZero();
            String perOrder = "(select merchant_reference, count(*) n from payments_transaction where merchant_reference like ? group by 1) t";
            assertThat(count(c, "select count(*) from " + perOrder, "FAULT-" + run + "-%")).as("orders with their payment").isEqualTo(EVENTS);
            assertThat(count(c, "select count(distinct n) from " + perOrder, "FAULT-" + run + "-%"))
                    .as("every order has as many transactions as every other (none created twice)").isEqualTo(1);
        }
        awaitSweepBy(Set.of(nodes.get(0).pid(), nodes.get(1).pid()), killedAt);

        HttpResponse<String> next = get(browser, nodes.get(0), "/");
        assertThat(next.statusCode()).as("the next request of the user signed in on the killed node").isEqualTo(200);
        assertThat(redeliveries).as("the burst really met the dead node").hasPositiveValue();
    }

    @Test
    @Order(2)
    void aSettlementImportCutOffByKillNineLeavesNothingAndIsImportedOnceOnAnotherNode() throws Exception {
        PaydeskNode victim = nodes.get(1);
        PaydeskNode survivor = nodes.get(0);
        String batch = "7" + System.nanoTime() % 100000;
        byte[] file = settlementFile(batch, 200_000);
        HttpClient browser = signedInBrowser(victim);
        java.util.concurrent.CompletableFuture<HttpResponse<String>> cut = upload(browser, victim, batch, file);
        awaitActiveQuery("copy payments_settlement_line_p", Duration.ofSeconds(90));
        victim.kill();
        assertThat(cut).failsWithin(Duration.ofSeconds(30));
        try (Connection c = pg.connect(ExternalPostgres.OWNER, ExternalPostgres.OWNER_PASSWORD)) {
            awaitNoActiveQuery("copy payments_settlement_line_p", Duration.ofSeconds(30)); // the server noticed the dead client
            assertThat(count(c, "select count(*) from payments_settlement_line where batch = ?", batch)).as("lines of the cut import").isZero();
            assertThat(count(c, "select count(*) from payments_settlement_batch where batch = ?", batch)).as("batch registered").isZero();

            HttpResponse<String> again = upload(browser, survivor, batch, file).get(5, TimeUnit.MINUTES);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(count(c, "select count(*) from payments_settlement_line where batch = ?", batch)).as("lines stored once").isEqualTo(200_000);
            assertThat(count(c, "select count(*) from payments_settlement_batch where batch = ?", batch)).isEqualTo(1);
        }
    }

    private static byte[] settlementFile(String batch, int lines) {
        StringBuilder file = new StringBuilder("Merchant Account,Psp Reference,Merchant Reference,Payment Method,Creation Date,"
                + "TimeZone,Type,Modification Reference,Gross Currency,Gross Credit (GC),Net Currency,Net Credit (NC),"
                + "Commission (NC),Batch Number\n");
        for (int i = 0; i < lines; i++) {
            file.append("adyen-eu,P").append(batch).append('-').append(i).append(",O").append(batch).append('-').append(i)
                    .append(",visa,2026-11-20 10:00:00,UTC,Settled,M").append(batch).append('-').append(i)
                    .append(",EUR,25.00,EUR,24.50,0.50,").append(batch).append('\n');
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The payments import form, as a browser posts it (multipart, with the page's CSRF token). */
    private static java.util.concurrent.CompletableFuture<HttpResponse<String>> upload(HttpClient browser, PaydeskNode node,
                                                                                     String batch, byte[] file) throws Exception {
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(get(browser, node, "/payments/imports").body());
        assertThat(csrf.find()).as("CSRF token on the import page").isTrue();
        String boundary = "paydesk" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf.group(1)
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nadyen-settlement\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"settlement_detail_report_batch_"
                + batch + ".csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.sendAsync(HttpRequest.newBuilder(URI.create(node.base() + "/payments/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitActiveQuery(String prefix, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (activeQueries(prefix) > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no query starting with '" + prefix + "' within " + timeout);
    }

    private static void awaitNoActiveQuery(String prefix, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        while (activeQueries(prefix) > 0) {
            if (System.nanoTime() > until) {
                throw new AssertionError("a query starting with '" + prefix + "' still runs after " + timeout);
            }
            Thread.sleep(100);
        }
    }

    private static long activeQueries(String prefix) throws Exception {
        try (Connection c = pg.superuser("paydesk")) {
            return count(c, "select count(*) from pg_stat_activity where state = 'active' and query like ?", prefix + "%");
        }
    }

    /** Sends one event like a PSP: to the next node, and again to the one after when not acknowledged. */
    private static void deliver(HttpClient psp, String run, int n, Set<String> acknowledged, AtomicInteger redeliveries) {
        String body = BenchNodes.stripeCharge("evt_fault_" + run + "_" + n, "ch_fault_" + run + "_" + n, "FAULT-" + run + "-" + n);
        for (int attempt = 0; attempt < 30; attempt++) {
            PaydeskNode node = nodes.get((n + attempt) % nodes.size());
            long t = Instant.now().getEpochSecond();
            try {
                HttpResponse<Void> response = psp.send(HttpRequest.newBuilder(URI.create(node.base() + "/webhooks/stripe/" + ACCOUNT))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("Stripe-Signature", "t=" + t + ",v1=" + BenchNodes.stripeSignature(SECRET, t + "." + body))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    acknowledged.add("evt_fault_" + run + "_" + n);
                    return;
                }
            } catch (java.io.IOException e) {
                // the node is gone or the connection broke: the PSP redelivers
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            redeliveries.incrementAndGet();
        }
    }

    /** Waits until the clock sweep's lease was taken after {@code since} by one of {@code pids}. */
    private static void awaitSweepBy(Set<Long> pids, Instant since) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String last = "none";
        while (System.nanoTime() < until) {
            try (Connection c = pg.connect(ExternalPostgres.OWNER, ExternalPostgres.OWNER_PASSWORD);
                 PreparedStatement s = c.prepareStatement("select owner, last_started from platform_job_lease where job = 'cases.clock-sweep'");
                 ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    String owner = rs.getString(1);
                    Timestamp started = rs.getTimestamp(2);
                    last = owner + " at " + started;
                    long pid = Long.parseLong(owner.substring(0, owner.indexOf('@')));
                    if (pids.contains(pid) && started.toInstant().isAfter(since)) {
                        return;
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the clock sweep did not run on " + pids + " after " + since + "; last lease " + last);
    }

    private static HttpClient signedInBrowser(PaydeskNode node) throws Exception {
        String username = "ops-" + UUID.randomUUID().toString().substring(0, 6);
        try (Connection c = pg.connect(ExternalPostgres.APP, ExternalPostgres.APP_PASSWORD);
             PreparedStatement s = c.prepareStatement("""
                     insert into platform_user (id, username, display_name, password_hash, roles, markets, all_markets)
                     values (?, ?, 'Fault test', ?, '{ADMIN}', '{}', true)""")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, username);
            s.setString(3, new BCryptPasswordEncoder(4).encode("correct-horse-battery"));
            s.executeUpdate();
        }
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = get(browser, node, "/login").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("CSRF token on the sign-in page").isTrue();
        String form = "username=" + username + "&password=correct-horse-battery&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signIn = browser.send(HttpRequest.newBuilder(URI.create(node.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.headers().firstValue("Location")).as("signed in").hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return browser;
    }

    private static HttpResponse<String> get(HttpClient browser, PaydeskNode node, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(node.base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long count(Connection c, String sql, String parameter) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
