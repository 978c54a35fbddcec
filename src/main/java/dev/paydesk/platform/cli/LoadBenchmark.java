package dev.paydesk.platform.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.ConcurrentHistogram;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import dev.paydesk.platform.internal.EmbeddedPostgres;
import dev.paydesk.shared.BenchNodes;
import dev.paydesk.shared.BenchmarkCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/paydesk bench load}: mixed traffic against Paydesk nodes in JVMs of their own on one
 * PostgreSQL that this bench starts outside them (the embedded binaries, reached by URL as an external
 * server would be): signed Stripe webhooks at a steady rate, and agents with API tokens reading the
 * queue and cases and adding notes. First against one node (the baseline), then the same traffic
 * spread over two. Reports throughput, p50/p99 per request kind and errors, and whether every
 * acknowledged webhook was stored exactly once.
 *
 * <p>The driver is the JDK's HttpClient with HdrHistogram (a maintained Maven Central library, already
 * on the classpath through Micrometer): Gatling is not among the artifacts this build can resolve here,
 * and it would bring its own Scala runtime into the Paydesk jar for one command.
 */
@Component
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Mixed traffic (webhooks, queue and case reads, notes) against 1 then 2 nodes on one PostgreSQL "
                + "(target: 0 errors, p99 <= 250 ms for reads, no event lost).")
class LoadBenchmark implements BenchmarkCommand, Callable<Integer> {

    @Option(names = "--duration", description = "per phase, ISO-8601 (default ${DEFAULT-VALUE})")
    Duration duration = Duration.ofSeconds(30);

    @Option(names = "--webhooks-per-s", description = "steady webhook rate (default ${DEFAULT-VALUE})")
    int webhooksPerSecond = 200;

    @Option(names = "--agents", description = "concurrent agents, each one request after another (default ${DEFAULT-VALUE})")
    int agents = 16;

    @Option(names = "--json", description = "print one JSON object of the figures")
    boolean json;

    private static final List<String> KINDS = List.of("webhook", "queue", "case", "note");

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("paydesk-bench-load");
        String account = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "whsec_" + UUID.randomUUID();
        boolean met;
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dir.resolve("db"),
                Path.of(System.getProperty("user.home"), ".paydesk", "pg-binaries"), 0)) {
            pg.ensureDatabase("paydesk");
            List<String> properties = List.of("paydesk.db.url=" + pg.jdbcUrl("paydesk"), "paydesk.db.username=postgres",
                    "paydesk.db.password=" + pg.password(), "paydesk.payments.accounts." + account + ".provider=STRIPE",
                    "paydesk.payments.accounts." + account + ".signing-secret=" + secret);
            List<Process> nodes = new ArrayList<>();
            try {
                List<String> bases = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    int port = BenchNodes.freePort();
                    List<String> own = new ArrayList<>(properties);
                    if (i == 0) {
                        own.add("paydesk.demo.enabled=true"); // markets, users and cases to read; the first node migrates
                    }
                    nodes.add(startNode(port, own, dir.resolve("node" + (i + 1) + ".log")));
                    bases.add("http://127.0.0.1:" + port);
                    BenchNodes.awaitHealthy(bases.get(i), nodes.get(i), Duration.ofMinutes(4), "the node logs in " + dir);
                }
                String token = apiToken(pg);
                Driver driver = new Driver(account, secret, token);
                List<String> cases = driver.caseKeys(bases.get(0));
                if (cases.isEmpty()) {
                    System.err.println("bench load: the demo data has no cases to read; node logs in " + dir);
                    return 1;
                }
                Phase warmUp = driver.run(bases, cases, Duration.ofSeconds(10)); // both nodes' JIT; not reported
                Phase one = driver.run(List.of(bases.get(0)), cases, duration);
                Phase two = driver.run(bases, cases, duration);
                long stored = stored(pg, driver.run);
                long acknowledged = warmUp.acknowledged + one.acknowledged + two.acknowledged;
                report(one, two, acknowledged, stored);
                met = stored == acknowledged && two.errors() == 0 && one.errors() == 0;
            } finally {
                for (Process node : nodes) {
                    node.destroy();
                }
                for (Process node : nodes) {
                    node.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
        if (met) {
            deleteQuietly(dir); // the database and the node logs; kept when something failed
        } else {
            System.err.println("bench load: node logs in " + dir);
        }
        return met ? 0 : 1;
    }

    /** What one phase measured, per request kind. */
    record Phase(int nodes, double seconds, Map<String, ConcurrentHistogram> latencies, Map<String, AtomicLong> failures,
                 long acknowledged) {

        long errors() {
            return failures.values().stream().mapToLong(AtomicLong::get).sum();
        }
    }

    /** Sends the traffic; {@code run} marks this bench's webhook event ids. */
    final class Driver {

        final String run = UUID.randomUUID().toString().substring(0, 8);
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        final String account;
        final String secret;
        final String token;
        final AtomicLong sequence = new AtomicLong();

        Driver(String account, String secret, String token) {
            this.account = account;
            this.secret = secret;
            this.token = token;
        }

        List<String> caseKeys(String base) throws Exception {
            String body = http.send(api(base + "/api/v1/cases?view=all&limit=100").GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            List<String> keys = new ArrayList<>();
            Matcher m = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
            while (m.find()) {
                keys.add(m.group(1));
            }
            return keys;
        }

        Phase run(List<String> bases, List<String> cases, Duration length) throws Exception {
            Map<String, ConcurrentHistogram> latencies = new LinkedHashMap<>();
            Map<String, AtomicLong> failures = new LinkedHashMap<>();
            for (String kind : KINDS) {
                latencies.put(kind, new ConcurrentHistogram(60_000_000_000L, 3));
                failures.put(kind, new AtomicLong());
            }
            AtomicLong acknowledged = new AtomicLong();
            long start = System.nanoTime();
            long end = start + length.toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(agents + 16);
            for (int a = 0; a < agents; a++) {
                int agent = a;
                pool.submit(() -> {
                    int i = agent;
                    while (System.nanoTime() < end) {
                        String base = bases.get(i++ % bases.size());
                        String key = cases.get(ThreadLocalRandom.current().nextInt(cases.size()));
                        int pick = ThreadLocalRandom.current().nextInt(10);
                        if (pick < 5) {
                            timed("queue", latencies, failures, api(base + "/api/v1/cases?view=all&limit=25").GET());
                        } else if (pick < 9) {
                            timed("case", latencies, failures, api(base + "/api/v1/cases/" + key).GET());
                        } else {
                            timed("note", latencies, failures, api(base + "/api/v1/cases/" + key + "/notes")
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"load bench note\"}")));
                        }
                    }
                    return null;
                });
            }
            long interval = 1_000_000_000L / Math.max(1, webhooksPerSecond);
            long next = System.nanoTime();
            int w = 0;
            while (next < end) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String base = bases.get(w++ % bases.size());
                long n = sequence.getAndIncrement();
                pool.submit(() -> {
                    if (webhook(base, n, latencies, failures)) {
                        acknowledged.incrementAndGet();
                    }
                });
                next += interval;
            }
            pool.shutdown();
            pool.awaitTermination(2, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Phase(bases.size(), seconds, latencies, failures, acknowledged.get());
        }

        private boolean webhook(String base, long n, Map<String, ConcurrentHistogram> latencies,
                                Map<String, AtomicLong> failures) {
            String body = BenchNodes.stripeCharge("evt_load_" + run + "_" + n, "ch_load_" + run + "_" + n,
                    "LOAD-" + run + "-" + n);
            long t = Instant.now().getEpochSecond();
            return timed("webhook", latencies, failures, HttpRequest.newBuilder(URI.create(base + "/webhooks/stripe/" + account))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Stripe-Signature", "t=" + t + ",v1=" + BenchNodes.stripeSignature(secret, t + "." + body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        /** Counts a failure and names the first few on stderr, so a failed run says what failed. */
        private void failed(String kind, Map<String, AtomicLong> failures, String why) {
            if (failures.get(kind).incrementAndGet() <= 3) {
                System.err.println("bench load: a " + kind + " request failed: " + why);
            }
        }

        private HttpRequest.Builder api(String url) {
            return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        }

        private boolean timed(String kind, Map<String, ConcurrentHistogram> latencies, Map<String, AtomicLong> failures,
                              HttpRequest.Builder request) {
            long begun = System.nanoTime();
            try {
                int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                latencies.get(kind).recordValue(System.nanoTime() - begun);
                if (status / 100 != 2) {
                    failed(kind, failures, "HTTP " + status);
                    return false;
                }
                return true;
            } catch (Exception e) {
                failed(kind, failures, e.toString());
                return false;
            }
        }
    }

    private void report(Phase one, Phase two, long acknowledged, long stored) {
        if (json) {
            StringBuilder out = new StringBuilder("{\"duration_s_per_phase\":").append(duration.toSeconds())
                    .append(",\"webhooks_per_s_offered\":").append(webhooksPerSecond).append(",\"agents\":").append(agents);
            for (Phase p : List.of(one, two)) {
                String prefix = p.nodes() == 1 ? "one_node_" : "two_nodes_";
                long total = p.latencies().values().stream().mapToLong(ConcurrentHistogram::getTotalCount).sum();
                out.append(String.format(Locale.ROOT, ",\"%srequests_per_s\":%.1f,\"%serrors\":%d", prefix, total / p.seconds(),
                        prefix, p.errors()));
                for (String kind : KINDS) {
                    ConcurrentHistogram h = p.latencies().get(kind);
                    out.append(String.format(Locale.ROOT, ",\"%s%s_per_s\":%.1f,\"%s%s_p50_ms\":%.2f,\"%s%s_p99_ms\":%.2f,\"%s%s_errors\":%d",
                            prefix, kind, h.getTotalCount() / p.seconds(), prefix, kind, h.getValueAtPercentile(50) / 1e6,
                            prefix, kind, h.getValueAtPercentile(99) / 1e6, prefix, kind, p.failures().get(kind).get()));
                }
            }
            out.append(",\"webhooks_acknowledged\":").append(acknowledged).append(",\"webhooks_stored\":").append(stored)
                    .append(",\"no_event_lost\":").append(stored == acknowledged).append('}');
            System.out.println(out);
            return;
        }
        System.out.printf("Mixed load, %d agents + %d signed webhooks/s offered, %d s per phase, driver in this process (pid %d)%n",
                agents, webhooksPerSecond, duration.toSeconds(), ProcessHandle.current().pid());
        for (Phase p : List.of(one, two)) {
            System.out.printf("%n%s%n%-10s %10s %10s %10s %10s %8s%n", p.nodes() == 1 ? "baseline: one node" : "two nodes",
                    "kind", "requests", "per s", "p50 ms", "p99 ms", "errors");
            for (String kind : KINDS) {
                ConcurrentHistogram h = p.latencies().get(kind);
                System.out.printf(Locale.ROOT, "%-10s %,10d %10.1f %10.2f %10.2f %8d%n", kind, h.getTotalCount(),
                        h.getTotalCount() / p.seconds(), h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6,
                        p.failures().get(kind).get());
            }
        }
        System.out.printf("%nwebhooks acknowledged %,d, stored %,d (%s)%n", acknowledged, stored,
                stored == acknowledged ? "none lost, none twice" : "MISMATCH");
        System.out.println("targets: 0 errors, p99 <= 250 ms for queue and case reads, no event lost");
    }

    /** An administrator with an API token, written straight into the bench's own database. */
    private static String apiToken(EmbeddedPostgres pg) throws Exception {
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        String token = "pd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID user = UUID.randomUUID();
        try (Connection c = java.sql.DriverManager.getConnection(pg.jdbcUrl("paydesk"), "postgres", pg.password())) {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into platform_user (id, username, display_name, password_hash, roles, markets, all_markets)
                    values (?, ?, 'Load bench', ?, '{ADMIN,AGENT}', '{}', true)""")) {
                s.setObject(1, user);
                s.setString(2, "load-bench-" + user.toString().substring(0, 6));
                s.setString(3, new BCryptPasswordEncoder(4).encode(UUID.randomUUID().toString()));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into platform_api_token (id, user_id, name, token_hash, prefix, created_at)
                    values (?, ?, 'load bench', ?, ?, now())""")) {
                s.setObject(1, UUID.randomUUID());
                s.setObject(2, user);
                s.setBytes(3, MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
                s.setString(4, token.substring(0, 10));
                s.executeUpdate();
            }
        }
        return token;
    }

    private static long stored(EmbeddedPostgres pg, String run) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(pg.jdbcUrl("paydesk"), "postgres", pg.password());
             PreparedStatement s = c.prepareStatement("select count(*) from payments_inbound_event where event_key like ?")) {
            s.setString(1, "evt_load_" + run + "_%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temp folder left behind
        }
    }

    private static Process startNode(int port, List<String> properties, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g"));
        command.addAll(BenchNodes.launch());
        command.addAll(List.of("--server.port=" + port, "--logging.level.root=WARN", "--server.tomcat.threads.max=64"));
        properties.forEach(p -> command.add("--" + p));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
