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
import dev.paydesk.reconciliation.engine.StreamingReconciliation;
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

        // the bench's streaming engine (horizon 7 days: the generator's last record of an order comes 6 days after it)
        StreamingReconciliation.Summary streamed = BenchFiles.stream(merchant, settlement, new StreamingReconciliation(
                thresholds, BusinessDays.WEEKDAYS_UTC, data.now(), 7, Duration.ofDays(3).toSeconds()));
        Set<String> streamedFound = new HashSet<>();
        for (Anomaly a : streamed.anomalies()) {
            streamedFound.add(a.type() + "|" + a.scope());
        }
        assertThat(streamedFound).containsExactlyInAnyOrderElementsOf(data.expected());
        assertThat(streamed.orders()).isEqualTo(data.orders());
        assertThat(streamed.lines()).isEqualTo(data.settlementLines());
        assertThat(streamed.lateRecords()).as("the generator stays within the bench's lateness").isZero();

        Set<String> duck = DuckDbBaseline.run(merchant, settlement, data.now(), Duration.ofDays(2).toSeconds(),
                thresholds.refundSettlementBusinessDays(), thresholds.missingSettlementDays());
        assertThat(duck).containsExactlyInAnyOrderElementsOf(data.expected());
    }

    /**
     * Five days of orders, more than the lateness: the two files are fed in step (by the earliest time of each
     * chunk), so no record arrives after its day has moved on. Fed by the latest time of a chunk, the merchant file
     * ran days ahead of the settlement file (a refund request is listed with its order, two days early) and about
     * one line in a hundred came late.
     */
    @Test
    void theTwoFilesAreStreamedInStep(@TempDir Path dir) throws Exception {
        Path merchant = dir.resolve("m.csv");
        Path settlement = dir.resolve("s.csv");
        BenchData.Generated data = BenchData.generate(merchant, settlement, 240_000);
        Thresholds thresholds = Thresholds.DEFAULTS.withDuplicateCaptureWindow(Duration.ofDays(2));
        StreamingReconciliation.Summary streamed = BenchFiles.stream(merchant, settlement, new StreamingReconciliation(
                thresholds, BusinessDays.WEEKDAYS_UTC, data.now(), 8, Duration.ofDays(3).toSeconds()));
        assertThat(streamed.lateRecords()).isZero();
        Set<String> found = new HashSet<>();
        streamed.anomalies().forEach(a -> found.add(a.type() + "|" + a.scope()));
        assertThat(found).containsExactlyInAnyOrderElementsOf(data.expected());
    }

    @Test
    void theFileReaderTakesLinesAcrossItsBufferAndLongerThanIt() {
        StringBuilder text = new StringBuilder("a,b\n");
        String longWord = "x".repeat(3 << 20);
        text.append("1,").append(longWord).append('\n');
        for (int i = 0; i < 200_000; i++) {
            text.append(i).append(",w").append(i).append('\n');
        }
        text.append("last,no-newline");
        BenchFiles.Fields f = new BenchFiles.Fields(new java.io.ByteArrayInputStream(
                text.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)), 2);
        assertThat(f.next()).isTrue();
        assertThat(f.text(0)).isEqualTo("a");
        assertThat(f.next()).isTrue();
        assertThat(f.number(0)).isEqualTo(1);
        assertThat(f.text(1)).isEqualTo(longWord);
        for (int i = 0; i < 200_000; i++) {
            assertThat(f.next()).isTrue();
            if (f.number(0) != i || !f.text(1).equals("w" + i)) {
                throw new AssertionError("line " + i + " read as " + f.text(0) + "," + f.text(1));
            }
        }
        assertThat(f.next()).isTrue();
        assertThat(f.text(1)).isEqualTo("no-newline");
        assertThat(f.next()).isFalse();
    }
}
