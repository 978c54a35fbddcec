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

    WebhookBenchmark(JdbcClient jdbc, Environment environment) {
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        Process server = null;
        String base = url;
        String acct = account;
        String key = secret;
        if (base == null) {
            acct = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            key = "whsec_" + UUID.randomUUID();
            int port = BenchNodes.freePort();
            server = startServer(port, acct, key);
            base = "http://127.0.0.1:" + port;
            BenchNodes.awaitHealthy(base, server, java.time.Duration.ofMinutes(2),
                    "the temp folder's paydesk-bench-server.log");
        } else if (acct == null || key == null) {
            System.err.println("--url needs --account and --secret");
            return 2;
        }
        try {
            return run(base, acct, key);
        } finally {
            if (server != null) {
                server.destroy();
                server.waitFor();
            }
        }
    }

    private int run(String base, String acct, String key) throws Exception {
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
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        double p50 = latencies[latencies.length / 2] / 1e6;
        double p99 = latencies[(int) (latencies.length * 0.99)] / 1e6;
        int stored = jdbc.sql("select count(*) from payments_inbound_event where provider = 'STRIPE' and merchant_account = :a and event_key like :p")
                .param("a", acct).param("p", "evt_bench_" + run + "_%").query(Integer.class).single();
        double rate = load.size() / seconds;
        if (json) {
            System.out.printf(Locale.ROOT, "{\"requests\":%d,\"distinct_events\":%d,\"duplicates\":%d,\"concurrency\":%d,"
                            + "\"events_per_s\":%.0f,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"failed\":%d,\"stored_distinct\":%d,"
                            + "\"stored_as_expected\":%b}%n", load.size(), events, duplicates, concurrency, rate, p50, p99,
                    failures.get(), stored, stored == events);
        } else {
            System.out.printf("Signed Stripe webhooks over loopback, %d in flight, load generated in this process (pid %d)%n",
                    concurrency, ProcessHandle.current().pid());
            System.out.printf("%-28s %,12d%n", "requests sent", load.size());
            System.out.printf("%-28s %,12d (+%,d redeliveries)%n", "distinct events", events, duplicates);
            System.out.printf("%-28s %,12.0f (target >= 2,000)%n", "events/s", rate);
            System.out.printf("%-28s %12.2f%n", "p50 ms", p50);
            System.out.printf("%-28s %12.2f (target <= 100)%n", "p99 ms", p99);
            System.out.printf("%-28s %,12d%n", "failed requests", failures.get());
            System.out.printf("%-28s %,12d (%s)%n", "distinct events stored", stored,
                    stored == events ? "exactly as expected" : "MISMATCH");
        }
        return stored == events && failures.get() == 0 ? 0 : 1;
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

    private Process startServer(int port, String acct, String key) throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx1g"));
        command.addAll(BenchNodes.launch());
        command.addAll(List.of("--server.port=" + port,
                "--paydesk.payments.accounts." + acct + ".provider=STRIPE",
                "--paydesk.payments.accounts." + acct + ".signing-secret=" + key,
                "--logging.level.root=WARN", "--server.tomcat.threads.max=64"));
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
