package dev.paydesk.reconciliation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.payments.FileImports;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.reconciliation.Reconciliation;
import dev.paydesk.reconciliation.engine.Anomaly;
import dev.paydesk.reconciliation.engine.BusinessDays;
import dev.paydesk.reconciliation.engine.ReconciliationEngine;
import dev.paydesk.reconciliation.engine.Thresholds;

/**
 * The PostgreSQL path finds what the file engine finds: the benchmark's generated records (every
 * anomaly type injected) imported through the payments feeds and report import, reconciled through
 * {@link Reconciliation} with the default settings, rolled back.
 */
@SpringBootTest
class PostgresPathTests extends PlatformTestSupport {

    @Autowired
    FileImports imports;

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void thePostgresPathFindsExactlyWhatTheFileEngineFinds(@TempDir Path dir) throws Exception {
        Path merchant = dir.resolve("m.csv");
        Path settlement = dir.resolve("s.csv");
        BenchData.Generated data = BenchData.generate(merchant, settlement, 1);
        ReconciliationEngine.Result files = new ReconciliationEngine(
                Thresholds.DEFAULTS.withDuplicateCaptureWindow(Duration.ofDays(2)), BusinessDays.WEEKDAYS_UTC)
                .run(BenchFiles.read(merchant, settlement), data.now());
        Set<String> fromFiles = new HashSet<>();
        for (Anomaly a : files.anomalies()) {
            fromFiles.add(data.scored(a.type().name(), a.scope(), a.paymentRef()));
        }

        PostgresPath.Outcome[] pg = new PostgresPath.Outcome[1];
        asSystem(() -> {
            try {
                pg[0] = PostgresPath.run(imports, reconciliation, jdbc, new TransactionTemplate(transactionManager),
                        PostgresPath.write(merchant, settlement, dir), data, 2);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        assertThat(fromFiles).containsExactlyInAnyOrderElementsOf(data.expected());
        assertThat(pg[0].found()).containsExactlyInAnyOrderElementsOf(fromFiles);
        assertThat(pg[0].summary().movements()).isGreaterThanOrEqualTo(data.orders() * 9 / 10);
        assertThat(jdbc.sql("select count(*) from payments_transaction where provider_reference = 'CAP-1'")
                .query(Long.class).single()).as("rolled back").isZero();
    }
}
