package dev.paydesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code bin/paydesk insights kpis}: the API's JSON with every required key. */
class InsightsCliTests {

    @Test
    void kpisPrintTheRequiredKeysAsTheApiDoes() {
        CliTests.Result r = run("insights", "kpis", "--from", "2026-01-01", "--to", "2026-01-08", "--json");
        assertThat(r.exit()).isZero();
        for (String key : new String[]{"cases_opened", "cases_resolved", "backlog_open", "first_response_attainment",
                "resolution_attainment", "first_response_minutes_p50", "csat_mean", "refund_turnaround_hours_p50",
                "failed_refund_rate", "dispute_win_rate", "dispute_rate"}) {
            assertThat(r.out()).contains("\"key\":\"" + key + "\"");
        }
        assertThat(r.out()).startsWith("{\"kpis\":[");
    }

    @Test
    void theBenchmarkPrintsItsFiguresAtASmallSize() {
        CliTests.Result r = run("bench", "insights", "--cases", "3000", "--payments", "20000", "--disputes", "300", "--runs", "3",
                "--burst", "300", "--json");
        assertThat(r.exit()).isZero();
        for (String key : new String[]{"overview_p95_ms", "baseline_p95_ms", "ratio_vs_raw_sql", "lag_s", "rebuild_s"}) {
            assertThat(r.out()).contains("\"" + key + "\":");
        }
    }

    @Test
    void fxImportStoresAnEcbFileAndRefusesABadOne() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of(InsightsCliTests.class.getResource("/insights/ecb-fixture.csv").toURI());
        CliTests.Result r = run("insights", "fx-import", file.toString());
        assertThat(r.exit()).isZero();
        // 2 days x USD, JPY, GBP; CYP is N/A
        assertThat(r.out()).contains("imported 6 FX rates");
        java.nio.file.Path bad = java.nio.file.Files.createTempFile("fx", ".csv");
        java.nio.file.Files.writeString(bad, "Date,USD\n2026-03-02,abc\n");
        assertThat(run("insights", "fx-import", bad.toString()).exit()).isEqualTo(2);
    }

    private static CliTests.Result run(String... args) {
        return CliTests.run(args);
    }
}
