package dev.paydesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.OwnPartitionBatch;
import dev.paydesk.payments.FileImports;

/**
 * A backup restored into an empty database holds exactly what the original held: the restored
 * database, backed up again, gives every table the same rows (compared table by table, in any order),
 * the same sequences and the same schema version. The data include a settlement batch with a
 * partition of its own, made at run time and not by the migrations.
 */
@SpringBootTest
class DatabaseBackupTests {

    @Autowired
    DatabaseBackup backups;

    @Autowired
    DatabaseAdmin admin;

    @Autowired
    AuditLog audit;

    @Autowired
    FileImports imports;

    @Autowired
    JdbcClient jdbc;

    @Value("${spring.flyway.locations}")
    String[] locations;

    @TempDir
    Path dir;

    @Test
    void aRestoredBackupHoldsEveryRowOfEveryTable() throws Exception {
        audit.record("test.backup", "test", "1", null, null, Map.of("note", "before the backup"));
        String batch = "8" + System.nanoTime() % 100000;
        OwnPartitionBatch.importInto(imports, batch);

        Path original = dir.resolve("original.zip");
        DatabaseBackup.Summary taken = backups.backup(original);
        assertThat(taken.rowsByTable()).containsKey("platform_audit_log").containsKey("event_publication");
        assertThat(taken.rowsByTable().keySet()).anyMatch(t -> t.matches("payments_settlement_line_p[1-9][0-9]*"));

        String target = "paydesk_restore_test_" + Long.toString(System.nanoTime(), 36);
        try {
            DatabaseBackup.Summary restored = backups.restore(original, admin, target);
            assertThat(restored.rowsByTable()).isEqualTo(taken.rowsByTable());

            Path again = dir.resolve("again.zip");
            new DatabaseBackup(new DriverManagerDataSource(admin.url(target), admin.user(), admin.password()), admin, locations)
                    .backup(again);
            Properties first = DatabaseBackup.readManifest(original);
            Properties second = DatabaseBackup.readManifest(again);
            for (String key : new String[] {"schema_version", "tables", "sequences"}) {
                assertThat(second.getProperty(key)).as(key).isEqualTo(first.getProperty(key));
            }
            for (String sequence : first.getProperty("sequences").split(",")) {
                assertThat(second.getProperty("sequence." + sequence)).as(sequence).isEqualTo(first.getProperty("sequence." + sequence));
            }
            Map<String, String[]> before = sortedRows(original);
            Map<String, String[]> after = sortedRows(again);
            assertThat(after.keySet()).isEqualTo(before.keySet());
            before.forEach((table, rows) -> assertThat(after.get(table)).as(table).containsExactly(rows));

            try (Connection c = admin.connect(target); Statement s = c.createStatement();
                 var rs = s.executeQuery("select count(*) from payments_settlement_line where batch = '" + batch + "'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the runtime partition is attached again").isEqualTo(OwnPartitionBatch.LINES);
            }
        } finally {
            try (Connection c = admin.connect("postgres"); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + target + " with (force)");
            }
        }
    }

    /** Each table's COPY lines, sorted (row order is not part of a table's content). */
    private static Map<String, String[]> sortedRows(Path backup) throws IOException {
        Map<String, String[]> tables = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getName().startsWith("tables/")) {
                    String[] lines = new String(zip.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
                    Arrays.sort(lines);
                    tables.put(entry.getName(), lines);
                }
            }
        }
        return tables;
    }
}
