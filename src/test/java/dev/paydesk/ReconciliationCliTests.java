package dev.paydesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** {@code bin/paydesk reconcile} and {@code bin/paydesk bench reconcile}, small. */
class ReconciliationCliTests {

    @Test
    void aFullRunOverARange() {
        String out = run(0, "reconcile", "--from", "2030-01-01", "--to", "2030-01-02");
        assertThat(out).containsPattern("run [0-9a-f-]{36}: 0 orders");
        run(2, "reconcile", "--from", "2030-01-02", "--to", "2030-01-01");
    }

    @Test
    void theBenchmarkFindsEveryInjectedAnomalyAndPrintsJson() {
        String json = run(0, "bench", "reconcile", "--rows", "20000", "--repeat", "1", "--json");
        assertThat(json).contains("\"precision\":1.0000", "\"recall\":1.0000", "\"duckdb_precision\":1.0000",
                "\"duckdb_recall\":1.0000", "\"postgres_precision\":1.0000", "\"postgres_recall\":1.0000")
                .containsPattern("\"paydesk_ms\":[0-9.]+,\"paydesk_ms_per_million_records\":[0-9.]+,\"most_open_orders\":[1-9]")
                .containsPattern("\"late_records\":0,\"duckdb_ms\":[0-9.]+,\"ratio_vs_duckdb\":")
                .containsPattern("\"peak_heap_mb\":[0-9.]+").containsPattern("\"postgres_reconcile_ms\":[0-9.]+");
    }

    private static String run(int expectedExit, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = PaydeskCli.run(args);
        } finally {
            System.setOut(original);
        }
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isEqualTo(expectedExit);
        return out;
    }
}
