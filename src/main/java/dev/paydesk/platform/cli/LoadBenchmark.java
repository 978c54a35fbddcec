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
 * queue and cases, adding notes, replying, moving cases between open and waiting, and requesting goodwill
 * credits that a second person approves. First against one node (the baseline), then the same traffic
 * spread over two. Reports throughput, p50/p99 per request kind and errors, and whether every
 * acknowledged webhook was stored exactly once.
 *
 * <p>The driver is the JDK's HttpClient with HdrHistogram (a maintained Maven Central library, already
 * on the classpath through Micrometer): Gatling is not among the artifacts this build can resolve here,
 * and it would bring its own Scala runtime into the Paydesk jar for one command.
 */
@Component
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Mixed traffic (webhooks, queue and case reads, notes, replies, status changes, approvals) against 1 then 2 nodes on one PostgreSQL "
                + "(target: 0 errors, p99 <= 250 ms for reads, no event lost).")
class LoadBenchmark implements BenchmarkCommand, Callable<Integer> {

    @Option(names = "--duration", description = "of the two-node phase, ISO-8601 (default ${DEFAULT-VALUE})")
    Duration duration = Duration.ofSeconds(30);

    @Option(names = "--baseline-duration", description = "of the one-node baseline phase (default: the same as --duration)")
    @org.jspecify.annotations.Nullable Duration baselineDuration;

    @Option(names = "--webhooks-per-s", description = "steady webhook rate (default ${DEFAULT-VALUE})")
    int webhooksPerSecond = 200;

    @Option(names = "--agents", description = "concurrent agents, each one request after another (default ${DEFAULT-VALUE})")
    int agents = 16;

    @Option(names = "--json", description = "print one JSON object of the figures")
    boolean json;

    @Option(names = "--node-jvm-option", description = "an extra JVM option for the nodes, e.g. -XX:StartFlightRecording=filename=node.jfr (repeatable)")
    List<String> nodeJvmOptions = new ArrayList<>();

    @Option(names = "--statement-stats", description = "diagnostics: print the database statements that took the most time (pg_stat_statements)")
    boolean statementStats;

    private static final List<String> KINDS = List.of("webhook", "queue", "case", "note", "reply", "status", "approval");

    /** Request kinds that only read; the p99 target applies to them. */
    private static final List<String> READS = List.of("queue", "case");

    /** How often a client sends a versioned write that keeps meeting a newer version before it gives up. */
    static final int WRITE_ATTEMPTS = 5;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("paydesk-bench-load");
        String account = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "whsec_" + UUID.randomUUID();
        boolean met;
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dir.resolve("db"),
                Path.of(System.getProperty("user.home"), ".paydesk", "pg-binaries"), 0,
                statementStats ? "-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all" : "")) {
            pg.ensureDatabase("paydesk");
            if (statementStats) {
                try (Connection c = java.sql.DriverManager.getConnection(pg.jdbcUrl("paydesk"), "postgres", pg.password())) {
                    c.createStatement().execute("create extension if not exists pg_stat_statements");
                }
            }
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
                    nodes.add(startNode(port, own, nodeJvmOptions, dir.resolve("node" + (i + 1) + ".log")));
                    bases.add("http://127.0.0.1:" + port);
                    BenchNodes.awaitHealthy(bases.get(i), nodes.get(i), Duration.ofMinutes(4), "the node logs in " + dir);
                }
                String token = apiToken(pg, "{ADMIN,AGENT}");
                Driver driver = new Driver(account, secret, token, apiToken(pg, "{PROCESS_MANAGER}"), nodes, dir.resolve("db"));
                List<String> cases = driver.caseKeys(bases.get(0));
                if (cases.isEmpty()) {
                    System.err.println("bench load: the demo data has no cases to read; node logs in " + dir);
                    return 1;
                }
                Phase warmUp = driver.run(bases, cases, Duration.ofSeconds(10)); // both nodes' JIT; not reported
                Phase one = driver.run(List.of(bases.get(0)), cases, baselineDuration == null ? duration : baselineDuration);
                Phase two = driver.run(bases, cases, duration);
                long stored = stored(pg, driver.run);
                long acknowledged = warmUp.acknowledged + one.acknowledged + two.acknowledged;
                report(one, two, acknowledged, stored);
                if (statementStats) {
                    printStatementStats(pg);
                }
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
                 long acknowledged, long staleRetries, LoadMeter.Usage usage) {

        long requests() {
            return latencies.values().stream().mapToLong(ConcurrentHistogram::getTotalCount).sum();
        }

        long errors() {
            return failures.values().stream().mapToLong(AtomicLong::get).sum();
        }

        /** The p99 of all reads (queue lists and case pages) together: the figure the 250 ms target is about. */
        double readP99Ms() {
            org.HdrHistogram.Histogram reads = new org.HdrHistogram.Histogram(60_000_000_000L, 3);
            READS.forEach(kind -> reads.add(latencies.get(kind)));
            return reads.getValueAtPercentile(99) / 1e6;
        }
    }

    /** Sends the traffic; {@code run} marks this bench's webhook event ids. */
    final class Driver {

        final String run = UUID.randomUUID().toString().substring(0, 8);
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        final String account;
        final String secret;
        final String token;
        /** A second person (process manager) who approves the agents' money actions. */
        final String approverToken;
        final AtomicLong sequence = new AtomicLong();
        /** Writes that met a newer version of the case and were re-read and sent again, as a client does (this phase). */
        final AtomicLong staleRetries = new AtomicLong();
        final List<Process> nodes;
        /** The database's data folder, to find its processes for the CPU figures. */
        final Path database;

        Driver(String account, String secret, String token, String approverToken, List<Process> nodes, Path database) {
            this.database = database;
            this.account = account;
            this.secret = secret;
            this.token = token;
            this.approverToken = approverToken;
            this.nodes = nodes;
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
            staleRetries.set(0);
            LoadMeter.Reading before = LoadMeter.read(nodes, database);
            long start = System.nanoTime();
            long end = start + length.toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(agents);
            // webhooks arrive at the offered rate whatever the answers' latency (open loop): a virtual thread each
            ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
            for (int a = 0; a < agents; a++) {
                int agent = a;
                pool.submit(() -> {
                    int i = agent;
                    List<String> own = ownCases(cases, agent);
                    while (System.nanoTime() < end) {
                        String base = bases.get(i++ % bases.size());
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        int pick = random.nextInt(20);
                        // reads go to any case; writes mostly to the agent's own cases, one in ten helps a colleague
                        List<String> candidates = pick < 16 || random.nextInt(10) == 0 ? cases : own;
                        String key = candidates.get(random.nextInt(candidates.size()));
                        if (pick < 10) {
                            timed("queue", latencies, failures, api(base + "/api/v1/cases?view=all&limit=25").GET());
                        } else if (pick < 16) {
                            timed("case", latencies, failures, api(base + "/api/v1/cases/" + key).GET());
                        } else if (pick == 16) {
                            timed("note", latencies, failures, json(base + "/api/v1/cases/" + key + "/notes", "POST",
                                    "{\"body\":\"load bench note\"}"));
                        } else if (pick == 17) {
                            versioned("reply", base, key, latencies, failures, (c, v) -> json(base + "/api/v1/cases/" + key
                                    + "/replies", "POST", "{\"body\":\"load bench reply\",\"version\":" + v + "}"));
                        } else if (pick == 18) {
                            versioned("status", base, key, latencies, failures, (c, v) -> json(base + "/api/v1/cases/" + key
                                    + "/status", "PUT", nextStatus(c, v)));
                        } else {
                            approval(base, key, latencies, failures);
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
                senders.submit(() -> {
                    if (webhook(base, n, latencies, failures)) {
                        acknowledged.incrementAndGet();
                    }
                });
                next += interval;
            }
            pool.shutdown();
            senders.shutdown();
            pool.awaitTermination(2, TimeUnit.MINUTES);
            senders.awaitTermination(2, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Phase(bases.size(), seconds, latencies, failures, acknowledged.get(), staleRetries.get(),
                    LoadMeter.Usage.between(before, LoadMeter.read(nodes, database)));
        }

        /**
         * The cases an agent works, as a queue assigns them: every {@code agents}-th case of the list (all of them
         * when there are more agents than cases), so two agents rarely write to one case at the same moment.
         */
        private List<String> ownCases(List<String> cases, int agent) {
            List<String> own = new ArrayList<>();
            for (int c = agent % agents; c < cases.size(); c += agents) {
                own.add(cases.get(c));
            }
            return own.isEmpty() ? cases : own;
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

        /**
         * A write as a client sends it: read the case (timed as a case read), send the change with the version
         * read, and on 409 (someone changed the case in between) wait a little, read again and resend, at most
         * {@link #WRITE_ATTEMPTS} times in all, as the case page does when it shows the newer version; a write
         * still stale then is an error.
         */
        private void versioned(String kind, String base, String key, Map<String, ConcurrentHistogram> latencies,
                               Map<String, AtomicLong> failures, java.util.function.BiFunction<String, Integer, HttpRequest.Builder> write) {
            for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
                if (attempt > 0 && !backOff(attempt)) {
                    return;
                }
                HttpResponse<String> read = read(base + "/api/v1/cases/" + key, latencies, failures);
                if (read == null) {
                    return;
                }
                Matcher version = Pattern.compile("\"version\"\\s*:\\s*(\\d+)").matcher(read.body());
                if (!version.find()) {
                    failed(kind, failures, "no version in the case " + key);
                    return;
                }
                int status = send(kind, latencies, failures, write.apply(read.body(), Integer.parseInt(version.group(1))));
                if (status != 409) {
                    return;
                }
                staleRetries.incrementAndGet();
            }
            failed(kind, failures, "still stale after " + WRITE_ATTEMPTS + " attempts on " + key);
        }

        /** Waits 50, 100, 200, … ms plus up to as much again at random before the next attempt; false when interrupted. */
        private static boolean backOff(int attempt) {
            long base = 50L << (attempt - 1);
            try {
                Thread.sleep(base + ThreadLocalRandom.current().nextLong(base));
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** Between open and waiting on the customer, so cases stay workable; a resolved or closed one is reopened. */
        private static String nextStatus(String caseJson, int version) {
            Matcher status = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"").matcher(caseJson);
            boolean open = status.find() && List.of("NEW", "OPEN").contains(status.group(1));
            return open ? "{\"status\":\"WAITING\",\"reason\":\"CUSTOMER\",\"version\":" + version + "}"
                    : "{\"status\":\"OPEN\",\"version\":" + version + "}";
        }

        /**
         * An agent requests a goodwill credit above the four-eyes limit in the case's currency, and the second
         * person approves it; both calls are timed as {@code approval}. Cases without an amount are skipped.
         */
        private void approval(String base, String key, Map<String, ConcurrentHistogram> latencies, Map<String, AtomicLong> failures) {
            HttpResponse<String> read = read(base + "/api/v1/cases/" + key, latencies, failures);
            Matcher currency = read == null ? null : Pattern.compile("\"currency\"\\s*:\\s*\"([A-Z]{3})\"").matcher(read.body());
            if (currency == null || !currency.find()) {
                return;
            }
            HttpResponse<String> requested = exchange("approval", latencies, failures, json(base + "/api/v1/cases/" + key
                    + "/money-actions", "POST", "{\"type\":\"GOODWILL\",\"amount\":\"100000\",\"currency\":\""
                    + currency.group(1) + "\",\"reason\":\"load bench goodwill\"}"));
            Matcher id = requested == null ? null : Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(requested.body());
            if (id == null || !id.find()) {
                return;
            }
            if (requested.body().contains("\"needsApproval\":true")) {
                exchange("approval", latencies, failures, HttpRequest.newBuilder(URI.create(base + "/api/v1/money-actions/"
                        + id.group(1) + "/approve")).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + approverToken)
                        .header("Accept", "application/json").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"load bench\"}")));
            }
        }

        private HttpRequest.Builder json(String url, String method, String body) {
            return api(url).header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }

        /** A timed case read; null (counted as a failure) when it did not answer 200. */
        private @org.jspecify.annotations.Nullable HttpResponse<String> read(String url, Map<String, ConcurrentHistogram> latencies,
                                                                             Map<String, AtomicLong> failures) {
            return exchange("case", latencies, failures, api(url).GET());
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
            return exchange(kind, latencies, failures, request) != null;
        }

        /** Sends and times one request; a non-2xx answer or an exception is a failure of its kind (null). */
        private @org.jspecify.annotations.Nullable HttpResponse<String> exchange(String kind, Map<String, ConcurrentHistogram> latencies,
                                                                                 Map<String, AtomicLong> failures, HttpRequest.Builder request) {
            HttpResponse<String> response = attempt(kind, latencies, failures, request, false);
            return response != null && response.statusCode() / 100 == 2 ? response : null;
        }

        /** Like {@link #exchange} but a 409 (a newer version of the case) is answered, not failed: the caller retries. */
        private int send(String kind, Map<String, ConcurrentHistogram> latencies, Map<String, AtomicLong> failures,
                         HttpRequest.Builder request) {
            HttpResponse<String> response = attempt(kind, latencies, failures, request, true);
            return response == null ? -1 : response.statusCode();
        }

        private @org.jspecify.annotations.Nullable HttpResponse<String> attempt(String kind, Map<String, ConcurrentHistogram> latencies,
                Map<String, AtomicLong> failures, HttpRequest.Builder request, boolean conflictIsAnAnswer) {
            long begun = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                latencies.get(kind).recordValue(System.nanoTime() - begun);
                int status = response.statusCode();
                if (status / 100 != 2 && !(conflictIsAnAnswer && status == 409)) {
                    failed(kind, failures, "HTTP " + status + " " + abbreviate(response.body()));
                }
                return response;
            } catch (Exception e) {
                failed(kind, failures, e.toString());
                return null;
            }
        }

        private static String abbreviate(String body) {
            return body.length() > 300 ? body.substring(0, 300) + "…" : body;
        }
    }

    private void report(Phase one, Phase two, long acknowledged, long stored) {
        if (json) {
            StringBuilder out = new StringBuilder("{\"one_node_duration_s\":").append(Math.round(one.seconds()))
                    .append(",\"two_nodes_duration_s\":").append(Math.round(two.seconds()))
                    .append(",\"webhooks_per_s_offered\":").append(webhooksPerSecond).append(",\"agents\":").append(agents);
            for (Phase p : List.of(one, two)) {
                String prefix = p.nodes() == 1 ? "one_node_" : "two_nodes_";
                long total = p.requests();
                out.append(String.format(Locale.ROOT, ",\"%srequests_per_s\":%.1f,\"%serrors\":%d,\"%sread_p99_ms\":%.2f", prefix,
                        total / p.seconds(), prefix, p.errors(), prefix, p.readP99Ms()));
                LoadMeter.Usage u = p.usage();
                out.append(String.format(Locale.ROOT, ",\"%sstale_writes_retried\":%d,\"%snode_cpu_ms_per_request\":%.3f"
                                + ",\"%sdatabase_cpu_ms_per_request\":%.3f,\"%sload_average_start\":%.2f,\"%sload_average_end\":%.2f",
                        prefix, p.staleRetries(), prefix, 1000 * u.nodeCpuSeconds() / Math.max(1, total),
                        prefix, 1000 * u.databaseCpuSeconds() / Math.max(1, total), prefix, u.loadAverageStart(), prefix, u.loadAverageEnd()));
                for (String kind : KINDS) {
                    ConcurrentHistogram h = p.latencies().get(kind);
                    out.append(String.format(Locale.ROOT, ",\"%s%s_per_s\":%.1f,\"%s%s_p50_ms\":%.2f,\"%s%s_p99_ms\":%.2f,\"%s%s_errors\":%d",
                            prefix, kind, h.getTotalCount() / p.seconds(), prefix, kind, h.getValueAtPercentile(50) / 1e6,
                            prefix, kind, h.getValueAtPercentile(99) / 1e6, prefix, kind, p.failures().get(kind).get()));
                }
            }
            out.append(",\"write_attempts\":").append(WRITE_ATTEMPTS).append(",\"webhooks_acknowledged\":").append(acknowledged).append(",\"webhooks_stored\":").append(stored)
                    .append(",\"no_event_lost\":").append(stored == acknowledged).append('}');
            System.out.println(out);
            return;
        }
        System.out.printf("Mixed load, %d agents + %d signed webhooks/s offered, %d s on one node then %d s on two, driver in this process (pid %d)%n",
                agents, webhooksPerSecond, Math.round(one.seconds()), Math.round(two.seconds()), ProcessHandle.current().pid());
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
        System.out.println();
        for (Phase p : List.of(one, two)) {
            System.out.printf(Locale.ROOT, "%s: reads p99 %.2f ms; %,d writes re-read and resent after a 409 (at most %d attempts each); "
                            + "%s; load average %.1f at the start, %.1f at the end (%d cores)%n",
                    p.nodes() == 1 ? "one node" : "two nodes", p.readP99Ms(), p.staleRetries(), WRITE_ATTEMPTS,
                    p.usage().perRequest(p.requests()), p.usage().loadAverageStart(), p.usage().loadAverageEnd(),
                    Runtime.getRuntime().availableProcessors());
        }
        System.out.printf("%nwebhooks acknowledged %,d, stored %,d (%s)%n", acknowledged, stored,
                stored == acknowledged ? "none lost, none twice" : "MISMATCH");
        System.out.println("targets: 0 errors, p99 <= 250 ms for queue and case reads, no event lost");
    }

    /** An administrator with an API token, written straight into the bench's own database. */
    private static String apiToken(EmbeddedPostgres pg, String roles) throws Exception {
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        String token = "pd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID user = UUID.randomUUID();
        try (Connection c = java.sql.DriverManager.getConnection(pg.jdbcUrl("paydesk"), "postgres", pg.password())) {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into platform_user (id, username, display_name, password_hash, roles, markets, all_markets)
                    values (?, ?, 'Load bench', ?, ?::text[], '{}', true)""")) {
                s.setObject(1, user);
                s.setString(2, "load-bench-" + user.toString().substring(0, 6));
                s.setString(3, new BCryptPasswordEncoder(4).encode(UUID.randomUUID().toString()));
                s.setString(4, roles);
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

    /** The 25 statements with the most execution time over the whole run, to stderr (diagnostics). */
    private static void printStatementStats(EmbeddedPostgres pg) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(pg.jdbcUrl("paydesk"), "postgres", pg.password());
             PreparedStatement s = c.prepareStatement("""
                     select round(total_exec_time) as total_ms, calls, round(mean_exec_time::numeric, 3) as mean_ms, rows,
                            left(regexp_replace(query, '\\s+', ' ', 'g'), 220) as query
                     from pg_stat_statements order by total_exec_time desc limit 25""");
             java.sql.ResultSet rs = s.executeQuery()) {
            System.err.printf("%10s %9s %9s %10s  %s%n", "total_ms", "calls", "mean_ms", "rows", "statement");
            while (rs.next()) {
                System.err.printf("%10d %9d %9s %10d  %s%n", rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getLong(4),
                        rs.getString(5));
            }
        }
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

    private static Process startNode(int port, List<String> properties, List<String> jvmOptions, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        // a fixed heap, as docs/deployment.md advises for server nodes: G1 otherwise keeps a ~200 MB heap under this
        // load, collects the young generation every few seconds and runs a marking cycle (a remark pause) every ~30 s
        List<String> command = new ArrayList<>(List.of(java, "-Xms1g", "-Xmx1g"));
        command.addAll(jvmOptions);
        command.addAll(BenchNodes.launch());
        command.addAll(List.of("--server.port=" + port, "--logging.level.root=WARN", "--server.tomcat.threads.max=64"));
        properties.forEach(p -> command.add("--" + p));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
