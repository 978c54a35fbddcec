package dev.paydesk.payments.cli;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.shared.BenchNodes;
import dev.paydesk.shared.BenchmarkCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/paydesk bench webhooks}: signed Stripe webhooks over HTTP on loopback at a fixed
 * concurrency, from this process against a Paydesk server in another JVM (started here unless
 * {@code --url} is given), with duplicates mixed in; reports throughput, latency percentiles and
 * whether exactly the expected number of distinct events was stored.
 */
@Component
@Command(name = "webhooks", mixinStandardHelpOptions = true,
        description = "Signed webhooks at concurrency 32 against a server in another process (target >= 2,000 events/s, p99 <= 100 ms).")
class WebhookBenchmark implements BenchmarkCommand, Callable<Integer> {

    /**
     * Requests sent before the clock starts, so the JIT has compiled the server's hot paths: the
     * target is a sustained rate, i.e. a server that has been running. A server this bench starts
     * itself is brand new and gets three times as many.
     */
    private static final int WARM_UP = 10_000;

    private final JdbcClient jdbc;
    private final Environment environment;

    @Option(names = "--url", description = "base URL of a running Paydesk (default: start one)")
    @Nullable String url;

    @Option(names = "--account", description = "Stripe merchant account name configured on the server (with --url)")
    @Nullable String account;

    @Option(names = "--secret", description = "its Stripe signing secret (with --url)")
    @Nullable String secret;

    @Option(names = "--events", description = "distinct events (default ${DEFAULT-VALUE})")
    int events = 40_000;

    @Option(names = "--duplicate-share", description = "share of extra redeliveries (default ${DEFAULT-VALUE})")
    double duplicateShare = 0.1;

    @Option(names = "--concurrency", description = "requests in flight (default ${DEFAULT-VALUE})")
    int concurrency = 32;

    @Option(names = "--json", description = "print one JSON object of the figures")
    boolean json;

    @Option(names = "--kafka", description = "also run the Kafka path (docs/kafka.md) in the same run, next to the direct one")
    boolean kafka;

    @Option(names = "--kafka-bootstrap", description = "with --kafka: this broker instead of an in-process one")
    @Nullable String kafkaBootstrap;

    WebhookBenchmark(JdbcClient jdbc, Environment environment) {
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        if (kafka) {
            return url != null ? usage("--kafka starts its own servers; leave out --url") : sideBySide();
        }
        if (url == null) {
            return report(againstNewServer(List.of(), false));
        }
        if (account == null || secret == null) {
            return usage("--url needs --account and --secret");
        }
        return report(measure(url, account, secret, false));
    }

    private int report(Figures f) {
        if (json) {
            System.out.printf(Locale.ROOT, "{\"requests\":%d,\"distinct_events\":%d,\"duplicates\":%d,\"concurrency\":%d,"
                            + "\"events_per_s\":%.0f,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"failed\":%d,\"stored_distinct\":%d,"
                            + "\"stored_as_expected\":%b}%n", f.requests(), events, f.duplicates(), concurrency, f.rate(), f.p50(),
                    f.p99(), f.failures(), f.stored(), f.stored() == events);
        } else {
            System.out.printf("Signed Stripe webhooks over loopback, %d in flight, load generated in this process (pid %d)%n",
                    concurrency, ProcessHandle.current().pid());
            System.out.printf("%-28s %,12d%n", "requests sent", f.requests());
            System.out.printf("%-28s %,12d (+%,d redeliveries)%n", "distinct events", events, f.duplicates());
            System.out.printf("%-28s %,12.0f (target >= 2,000)%n", "events/s", f.rate());
            System.out.printf("%-28s %12.2f%n", "p50 ms", f.p50());
            System.out.printf("%-28s %12.2f (target <= 100)%n", "p99 ms", f.p99());
            System.out.printf("%-28s %,12d%n", "failed requests", f.failures());
            System.out.printf("%-28s %,12d (%s)%n", "distinct events stored", f.stored(),
                    f.stored() == events ? "exactly as expected" : "MISMATCH");
        }
        return f.ok(events) ? 0 : 1;
    }

    /**
     * One path's figures: rate and latencies of the acknowledged requests, and how many distinct events
     * were stored; {@code drainMs} is how long after the last answer the last event was stored (the
     * Kafka path answers once the event is on the topic; consumers store it afterwards).
     */
    record Figures(int requests, int duplicates, double rate, double p50, double p99, int failures, int stored,
                   long drainMs) {

        boolean ok(int events) {
            return stored == events && failures == 0;
        }
    }

    /** Runs the load; with {@code drain}, waits (up to two minutes) for consumers still storing after the last answer. */
    private Figures measure(String base, String acct, String key, boolean drain) throws Exception {
        List<String> bodies = new ArrayList<>(events);
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < events; i++) {
            bodies.add(BenchNodes.stripeCharge("evt_bench_" + run + "_" + i, "ch_bench_" + run + "_" + i, "BENCH-" + run + "-" + i));
        }
        int duplicates = (int) Math.round(events * duplicateShare);
        java.util.Random random = new java.util.Random(7);
        List<String> load = new ArrayList<>(bodies);
        for (int i = 0; i < duplicates; i++) {
            load.add(bodies.get(random.nextInt(events)));
        }
        java.util.Collections.shuffle(load, random);
        URI target = URI.create(base + "/webhooks/stripe/" + acct);
        warmUp(target, key, run, url == null ? 3 * WARM_UP : WARM_UP);
        // Requests are built and signed before the clock starts (the signatures stay inside the
        // provider's five-minute tolerance), so the generator spends its CPU on sending, not on HMACs.
        byte[][] requests = new byte[load.size()][];
        long signedAt = Instant.now().getEpochSecond();
        for (int i = 0; i < requests.length; i++) {
            requests[i] = rawRequest(target, key, load.get(i), signedAt);
        }
        long[] latencies = new long[load.size()];
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        drive(target, requests, latencies, failures);
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        Arrays.sort(latencies);
        double p50 = latencies[latencies.length / 2] / 1e6;
        double p99 = latencies[(int) (latencies.length * 0.99)] / 1e6;
        int stored = stored(acct, run);
        long deadline = end + (drain ? Duration.ofMinutes(2).toNanos() : 0);
        while (stored < events && System.nanoTime() < deadline) { // the Kafka path: consumers still storing
            Thread.sleep(50);
            stored = stored(acct, run);
        }
        long drainMs = (System.nanoTime() - end) / 1_000_000;
        return new Figures(load.size(), duplicates, load.size() / seconds, p50, p99, failures.get(), stored,
                stored == events ? drainMs : -1);
    }

    private int stored(String acct, String run) {
        return jdbc.sql("select count(*) from payments_inbound_event where provider = 'STRIPE' and merchant_account = :a and event_key like :p")
                .param("a", acct).param("p", "evt_bench_" + run + "_%").query(Integer.class).single();
    }

    /**
     * {@code --kafka}: the same load against a server storing directly and then against a server with
     * Kafka on (an in-process KRaft broker unless {@code --kafka-bootstrap} names one), one after the
     * other so they do not share the CPU; one table (or one JSON object) with both.
     */
    private int sideBySide() throws Exception {
        if (kafkaBootstrap == null && !InProcessBroker.available()) {
            return usage("this build has no in-process Kafka broker (spring-kafka-test is a test dependency): "
                    + "pass --kafka-bootstrap host:port, or run the bench from the test class path");
        }
        Figures direct = againstNewServer(List.of(), false);
        InProcessBroker broker = null;
        String bootstrap = kafkaBootstrap;
        if (bootstrap == null) {
            broker = InProcessBroker.start();
            bootstrap = broker.servers();
        }
        Figures viaKafka;
        try {
            viaKafka = againstNewServer(List.of("--paydesk.kafka.bootstrap-servers=" + bootstrap,
                    "--paydesk.kafka.topic=paydesk.bench-" + UUID.randomUUID().toString().substring(0, 8)), true);
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
        String where = kafkaBootstrap == null ? "in-process KRaft broker" : "broker " + kafkaBootstrap;
        if (json) {
            System.out.printf(Locale.ROOT, "{\"requests\":%d,\"distinct_events\":%d,\"duplicates\":%d,\"concurrency\":%d,"
                            + "\"direct_events_per_s\":%.0f,\"direct_p50_ms\":%.2f,\"direct_p99_ms\":%.2f,\"direct_failed\":%d,"
                            + "\"direct_stored_distinct\":%d,\"kafka_events_per_s\":%.0f,\"kafka_p50_ms\":%.2f,\"kafka_p99_ms\":%.2f,"
                            + "\"kafka_failed\":%d,\"kafka_stored_distinct\":%d,\"kafka_drain_ms\":%d,\"kafka_broker\":\"%s\","
                            + "\"stored_as_expected\":%b}%n",
                    direct.requests(), events, direct.duplicates(), concurrency, direct.rate(), direct.p50(), direct.p99(),
                    direct.failures(), direct.stored(), viaKafka.rate(), viaKafka.p50(), viaKafka.p99(), viaKafka.failures(),
                    viaKafka.stored(), viaKafka.drainMs(), kafkaBootstrap == null ? "in-process" : "external",
                    direct.ok(events) && viaKafka.ok(events));
        } else {
            System.out.printf("Signed Stripe webhooks over loopback, %d in flight, %,d requests (%,d distinct events), "
                    + "direct path vs. Kafka path (%s)%n", concurrency, direct.requests(), events, where);
            System.out.printf("%-34s %12s %12s%n", "", "direct", "kafka");
            System.out.printf("%-34s %,12.0f %,12.0f%n", "acknowledged events/s", direct.rate(), viaKafka.rate());
            System.out.printf("%-34s %12.2f %12.2f%n", "p50 ms", direct.p50(), viaKafka.p50());
            System.out.printf("%-34s %12.2f %12.2f%n", "p99 ms", direct.p99(), viaKafka.p99());
            System.out.printf("%-34s %,12d %,12d%n", "failed requests", direct.failures(), viaKafka.failures());
            System.out.printf("%-34s %,12d %,12d%n", "distinct events stored", direct.stored(), viaKafka.stored());
            System.out.printf("%-34s %12s %,12d%n", "stored after the last answer, ms", "-", viaKafka.drainMs());
            System.out.printf("%s%n", direct.ok(events) && viaKafka.ok(events) ? "both stored exactly the distinct events"
                    : "MISMATCH or failed requests");
        }
        return direct.ok(events) && viaKafka.ok(events) ? 0 : 1;
    }

    private Figures againstNewServer(List<String> extra, boolean drain) throws Exception {
        String acct = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String key = "whsec_" + UUID.randomUUID();
        int port = BenchNodes.freePort();
        Process server = startServer(port, acct, key, extra);
        try {
            String base = "http://127.0.0.1:" + port;
            BenchNodes.awaitHealthy(base, server, java.time.Duration.ofMinutes(2), "the temp folder's paydesk-bench-server.log");
            return measure(base, acct, key, drain);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static int usage(String message) {
        System.err.println(message);
        return 2;
    }

    /**
     * spring-kafka-test's in-process KRaft broker, reached by reflection: it is a test dependency, so
     * it is there when the bench runs from the test class path and absent from the application jar.
     */
    private static final class InProcessBroker implements AutoCloseable {

        private final Object broker;
        private final String servers;

        private InProcessBroker(Object broker, String servers) {
            this.broker = broker;
            this.servers = servers;
        }

        private static final String TYPE = "org.springframework.kafka.test.EmbeddedKafkaKraftBroker";

        static boolean available() {
            try {
                Class.forName(TYPE, false, InProcessBroker.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException e) {
                return false;
            }
        }

        static InProcessBroker start() throws Exception {
            Class<?> type = Class.forName(TYPE);
            Object broker = type.getConstructor(int.class, int.class, String[].class).newInstance(1, 12, new String[0]);
            type.getMethod("afterPropertiesSet").invoke(broker);
            return new InProcessBroker(broker, (String) type.getMethod("getBrokersAsString").invoke(broker));
        }

        /** The {@code bootstrap.servers} to give the Kafka-on server. */
        String servers() {
            return servers;
        }

        @Override
        public void close() throws Exception {
            broker.getClass().getMethod("destroy").invoke(broker);
        }
    }

    /** Sends every request over {@code concurrency} keep-alive connections, each taking the next unsent one. */
    private void drive(URI target, byte[][] requests, long[] latencies, AtomicInteger failures) {
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < concurrency; c++) {
                pool.submit(() -> {
                    RawHttp connection = null;
                    for (int index = next.getAndIncrement(); index < requests.length; index = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        try {
                            if (connection == null) {
                                connection = new RawHttp(target);
                            }
                            int status = connection.exchange(requests[index]);
                            if (status != 200) {
                                failures.incrementAndGet();
                            }
                            if (connection.closed()) {
                                connection.close();
                                connection = null;
                            }
                        } catch (java.io.IOException e) {
                            failures.incrementAndGet();
                            if (connection != null) {
                                connection.close();
                            }
                            connection = null;
                        }
                        latencies[index] = System.nanoTime() - t0;
                    }
                    if (connection != null) {
                        connection.close();
                    }
                });
            }
        }
    }

    /** Warms the server's JIT with events of their own (not counted) at the same concurrency. */
    private void warmUp(URI target, String key, String run, int count) {
        long t = Instant.now().getEpochSecond();
        byte[][] requests = new byte[count][];
        for (int i = 0; i < count; i++) {
            requests[i] = rawRequest(target, key, BenchNodes.stripeCharge("evt_warm_" + run + "_" + i, "ch_warm_" + run + "_" + i,
                    "WARM-" + run + "-" + i), t);
        }
        drive(target, requests, new long[count], new AtomicInteger());
    }

    private static byte[] rawRequest(URI target, String key, String body, long t) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
                + "\r\nContent-Type: application/json\r\nStripe-Signature: t=" + t + ",v1=" + BenchNodes.stripeSignature(key, t + "." + body)
                + "\r\nContent-Length: " + content.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + content.length);
        System.arraycopy(content, 0, request, headBytes.length, content.length);
        return request;
    }

    /**
     * A minimal HTTP/1.1 keep-alive connection for the load (like wrk): writes a prepared request and
     * reads the status line, the headers and a Content-Length body. The JDK's HttpClient costs
     * several times more CPU per request, which on a two-core machine is taken from the server.
     */
    private static final class RawHttp implements AutoCloseable {

        private final java.net.Socket socket;
        private final java.io.InputStream in;
        private final java.io.OutputStream out;
        private boolean closed;

        RawHttp(URI target) throws java.io.IOException {
            socket = new java.net.Socket(target.getHost(), target.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 8192);
            out = socket.getOutputStream();
        }

        /** Sends one request and returns the response status; {@link #closed()} tells whether the server ended the connection. */
        int exchange(byte[] request) throws java.io.IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new java.io.IOException("not an HTTP response: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            long length = 0;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = colon < 0 ? header : header.substring(0, colon).trim();
                String value = colon < 0 ? "" : header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    closed = true;
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    throw new java.io.IOException("chunked responses are not expected from the webhook endpoint");
                }
            }
            in.skipNBytes(length);
            return status;
        }

        boolean closed() {
            return closed;
        }

        private String line() throws java.io.IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new java.io.EOFException("connection closed mid-response");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (java.io.IOException e) {
                // closing anyway
            }
        }
    }

    private Process startServer(int port, String acct, String key, List<String> extra) throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx1g"));
        command.addAll(BenchNodes.launch());
        command.addAll(List.of("--server.port=" + port,
                "--paydesk.payments.accounts." + acct + ".provider=STRIPE",
                "--paydesk.payments.accounts." + acct + ".signing-secret=" + key,
                "--logging.level.root=WARN", "--server.tomcat.threads.max=64"));
        command.addAll(extra);
        for (String property : List.of("paydesk.db.url", "paydesk.db.username", "paydesk.db.password",
                "paydesk.db.embedded.data-dir")) {
            String value = environment.getProperty(property);
            if (value != null && !value.isBlank()) {
                command.add("--" + property + "=" + value);
            }
        }
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(System.getProperty("java.io.tmpdir"),
                        "paydesk-bench-server.log").toFile()))
                .start();
    }
}
