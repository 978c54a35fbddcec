package dev.paydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.paydesk.PaydeskApplication;
import dev.paydesk.payments.FileImports;

/**
 * Paydesk on an external PostgreSQL with least privilege: migrations run as the owner role, the
 * application as a role that reads and writes data but cannot alter the schema or rewrite the audit
 * log; a large settlement batch still gets a partition of its own (through the owner's functions).
 */
@Tag("slow")
class ExternalDatabaseTests {

    @TempDir
    static Path dir;

    static ExternalPostgres pg;
    static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() throws Exception {
        pg = ExternalPostgres.start(dir);
        app = new SpringApplicationBuilder(PaydeskApplication.class).profiles("test")
                .run(java.util.stream.Stream.concat(pg.nodeProperties().stream(), java.util.stream.Stream.of("server.port=0"))
                        .map(p -> "--" + p).toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void migrationsRanAsTheOwnerAndTheApplicationRunsAsTheApplicationRole() {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(ExternalPostgres.APP);
        assertThat(jdbc.sql("select distinct installed_by from flyway_schema_history").query(String.class).list())
                .containsExactly(ExternalPostgres.OWNER);
        assertThat(jdbc.sql("select count(*) from pg_tables where schemaname = 'public' and tableowner <> ?")
                .param(ExternalPostgres.OWNER).query(Long.class).single()).as("tables the owner does not own").isZero();
    }

    @Test
    void theApplicationRoleCannotAlterTheSchemaNorRewriteTheAuditLog() throws SQLException {
        app.getBean(AuditLog.class).record("test.external-db", "test", "1", null, null, Map.of());
        try (Connection c = pg.connect(ExternalPostgres.APP, ExternalPostgres.APP_PASSWORD); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("select count(*) from platform_audit_log")).satisfies(rs -> assertThat(rs.next()).isTrue());
            assertRefused(s, "alter table platform_user add column sneaky text");
            assertRefused(s, "drop table platform_job_lease");
            assertRefused(s, "create table sneaky (id int)");
            assertRefused(s, "update platform_audit_log set action = 'rewritten'");
            assertRefused(s, "delete from platform_audit_log");
            assertRefused(s, "truncate platform_audit_log");
            assertRefused(s, "alter table platform_audit_log disable trigger all");
            assertRefused(s, "select payments_settlement_partition_drop(0)");
        }
        assertThat(app.getBean(AuditLog.class).verify().intact()).isTrue();
    }

    @Test
    void aLargeSettlementBatchGetsAPartitionOfItsOwnThroughTheOwnersFunctions() {
        String batch = "9" + System.nanoTime() % 100000;
        OwnPartitionBatch.importInto(app.getBean(FileImports.class), batch);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        long part = jdbc.sql("select part from payments_settlement_batch where batch = ?").param(batch).query(Long.class).single();
        assertThat(part).isPositive();
        assertThat(jdbc.sql("select count(*) from payments_settlement_line where batch = ?").param(batch)
                .query(Long.class).single()).isEqualTo(OwnPartitionBatch.LINES);
        assertThat(jdbc.sql("select tableowner from pg_tables where tablename = ?").param("payments_settlement_line_p" + part)
                .query(String.class).single()).isEqualTo(ExternalPostgres.OWNER);
    }

    private static void assertRefused(Statement s, String sql) {
        assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(sql + ": " + e.getMessage())
                        .isIn("42501", "P0001"));
    }
}
