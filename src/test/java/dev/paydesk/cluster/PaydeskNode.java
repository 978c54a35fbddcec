package dev.paydesk.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.paydesk.shared.BenchNodes;

/**
 * One Paydesk server node in a JVM of its own, started from the test classpath (the built classes and
 * every dependency) against an external PostgreSQL; stopped with kill -9 when a test says so.
 */
final class PaydeskNode implements AutoCloseable {

    final String name;
    final int port;
    final Path log;
    private final Process process;

    private PaydeskNode(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static PaydeskNode start(String name, Path dir, List<String> properties) throws IOException {
        int port = BenchNodes.freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Xss512k"));
        command.addAll(BenchNodes.launch());
        command.addAll(List.of("--spring.profiles.active=test",
                "--server.port=" + port, "--logging.level.root=WARN", "--logging.level.dev.paydesk=INFO"));
        properties.forEach(p -> command.add("--" + p));
        Path log = dir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new PaydeskNode(name, port, log, process);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    void awaitHealthy(Duration timeout) throws Exception {
        try {
            BenchNodes.awaitHealthy(base(), process, timeout, log.toString());
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + ":\n" + tail(), e);
        }
    }

    /** kill -9: no shutdown hook, no graceful shutdown, the lease and the connections just vanish. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
