package dev.paydesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL requires a password on every connection, the superuser's included. */
class EmbeddedPostgresPasswordTests {

    static final Path BINARIES = Path.of(System.getProperty("java.io.tmpdir"), "paydesk-pg-binaries");

    @TempDir
    Path home;

    @Test
    void aNewServerRefusesConnectionsWithoutThePasswordKeptBesideTheDataDirectory() throws Exception {
        Path dataDir = home.resolve("db");
        try (EmbeddedPostgres server = EmbeddedPostgres.start(dataDir, BINARIES, 0)) {
            Path passwordFile = EmbeddedPostgres.passwordFile(dataDir);
            assertThat(passwordFile).exists();
            assertThat(passwordFile.startsWith(dataDir)).as("kept outside the data directory").isFalse();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            String password = Files.readString(passwordFile).strip();
            assertThat(password).hasSize(32).isEqualTo(server.password());

            assertThatThrownBy(() -> connect(server, "")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(server, "wrong-" + password)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            try (Connection c = connect(server, password)) {
                assertThat(c.isValid(2)).isTrue();
            }

            EmbeddedPostgres attached = EmbeddedPostgres.start(dataDir, BINARIES, 0);
            assertThat(attached.port()).isEqualTo(server.port());
            attached.ensureDatabase("paydesk_cli_check");
            attached.close(); // does not stop a server it did not start
            try (Connection c = connect(server, password)) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void aDataDirectoryThatTrustedEveryConnectionIsSwitchedToPasswordsAtItsNextStart() throws Exception {
        Path dataDir = home.resolve("db");
        EmbeddedPostgres.start(dataDir, BINARIES, 0).close();
        Path hba = dataDir.resolve("pg_hba.conf");
        Files.writeString(hba, Files.readString(hba).replace("scram-sha-256", "trust"));
        Files.delete(EmbeddedPostgres.passwordFile(dataDir));

        try (EmbeddedPostgres server = EmbeddedPostgres.start(dataDir, BINARIES, 0)) {
            assertThat(Files.readString(hba)).doesNotContainPattern("(?m)^[^#].*trust\\s*$");
            assertThatThrownBy(() -> connect(server, "")).isInstanceOf(SQLException.class);
            try (Connection c = connect(server, Files.readString(EmbeddedPostgres.passwordFile(dataDir)).strip())) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
    }

    private static Connection connect(EmbeddedPostgres server, String password) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", password);
    }
}
