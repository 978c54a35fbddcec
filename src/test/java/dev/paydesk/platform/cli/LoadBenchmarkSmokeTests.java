package dev.paydesk.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The one-minute smoke run of {@code bench load} in CI: two nodes in JVMs of their own on a PostgreSQL
 * the bench starts, 20 s per phase at a modest rate; no errors and no webhook lost. Its figures are
 * printed, not asserted (a shared CI machine's latencies say little).
 */
@Tag("slow")
class LoadBenchmarkSmokeTests {

    @Test
    void mixedTrafficOnTwoNodesLosesNothingAndFailsNothing() throws Exception {
        LoadBenchmark bench = new LoadBenchmark();
        bench.duration = Duration.ofSeconds(20);
        bench.webhooksPerSecond = 50;
        bench.agents = 4;
        bench.json = true;
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            exit = bench.call();
        } finally {
            System.setOut(original);
        }
        String figures = out.toString(StandardCharsets.UTF_8);
        System.out.println(figures);
        assertThat(figures).contains("\"no_event_lost\":true").contains("\"two_nodes_errors\":0").contains("\"one_node_errors\":0");
        for (String kind : java.util.List.of("queue", "case", "note", "reply", "status", "approval")) {
            java.util.regex.Matcher rate = java.util.regex.Pattern.compile("\"two_nodes_" + kind + "_per_s\":([0-9.]+)").matcher(figures);
            assertThat(rate.find() && Double.parseDouble(rate.group(1)) > 0).as(kind + " requests were sent").isTrue();
        }
        assertThat(exit).isZero();
    }
}
