package dev.paydesk.reconciliation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.paydesk.reconciliation.FindingType;
import dev.paydesk.reconciliation.engine.Anomaly;
import dev.paydesk.reconciliation.engine.BusinessDays;
import dev.paydesk.reconciliation.engine.ReconciliationEngine;
import dev.paydesk.reconciliation.engine.Thresholds;

/** The benchmark's generated files: every anomaly type injected, both the engine and DuckDB find exactly them. */
class BenchmarkDataTests {

    @Test
    void theEngineAndTheDuckDbBaselineFindExactlyTheInjectedAnomalies(@TempDir Path dir) throws Exception {
        Path merchant = dir.resolve("m.csv");
        Path settlement = dir.resolve("s.csv");
        BenchData.Generated data = BenchData.generate(merchant, settlement, 30_000);
        Set<String> injectedTypes = data.expected().stream().map(e -> e.substring(0, e.indexOf('|')))
                .collect(Collectors.toSet());
        // every type of broken money; UNCHECKED_RECORD is a failed check, not something data can be made to show
        assertThat(injectedTypes).hasSize(FindingType.values().length - 1).doesNotContain("UNCHECKED_RECORD");

        Thresholds thresholds = Thresholds.DEFAULTS.withDuplicateCaptureWindow(Duration.ofDays(2));
        ReconciliationEngine.Result result = new ReconciliationEngine(thresholds, BusinessDays.WEEKDAYS_UTC)
                .run(BenchFiles.read(merchant, settlement), data.now());
        Set<String> found = new HashSet<>();
        for (Anomaly a : result.anomalies()) {
            found.add(a.type() + "|" + a.scope());
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(data.expected());

        Set<String> duck = DuckDbBaseline.run(merchant, settlement, data.now(), Duration.ofDays(2).toSeconds(),
                thresholds.refundSettlementBusinessDays(), thresholds.missingSettlementDays());
        assertThat(duck).containsExactlyInAnyOrderElementsOf(data.expected());
    }
}
