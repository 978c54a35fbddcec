package dev.paydesk.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.paydesk.platform.internal.EmbeddedPostgres;

/**
 * A PostgreSQL server started outside the application, from the same zonky binaries, set up the way
 * docs/deployment.md tells an operator to set up a managed one: a database {@code paydesk} owned by
 * an owner role (migrations) and an application role that owns nothing. The application reaches it
 * by URL only, as it would a real external server.
 */
public final class ExternalPostgres implements AutoCloseable {

    public static final String OWNER = "paydesk_owner";
    public static final String OWNER_PASSWORD = "owner-test-password";
    public static final String APP = "paydesk_app";
    public static final String APP_PASSWORD = "app-test-password";

    private final EmbeddedPostgres server;

    private ExternalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts a new server with its data in {@code dir} and runs the documented role setup. */
    public static ExternalPostgres start(Path dir) throws SQLException {
        Path binaries = Path.of(System.getProperty("java.io.tmpdir"), "paydesk-pg-binaries");
        ExternalPostgres pg = new ExternalPostgres(EmbeddedPostgres.start(dir.resolve("external-db"), binaries, 0));
        pg.asSuperuser("postgres", List.of(
                "create role " + OWNER + " login password '" + OWNER_PASSWORD + "'",
                "create role " + APP + " login password '" + APP_PASSWORD + "'",
                "create database paydesk owner " + OWNER));
        pg.asSuperuser("paydesk", List.of(setupSql().split(";\\s*\n")));
        return pg;
    }

    /** The per-database part of the least-privilege setup in docs/deployment.md (as the database owner or a superuser). */
    public static String setupSql() {
        return """
                revoke create on schema public from public;
                grant usage on schema public to paydesk_app;
                alter default privileges for role paydesk_owner in schema public
                    grant select, insert, update, delete on tables to paydesk_app;
                alter default privileges for role paydesk_owner in schema public
                    grant usage, select, update on sequences to paydesk_app;
                """;
    }

    public String url() {
        return server.jdbcUrl("paydesk");
    }

    public Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    public Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), "postgres", server.password());
    }

    private void asSuperuser(String database, List<String> statements) throws SQLException {
        try (Connection c = superuser(database); Statement s = c.createStatement()) {
            for (String sql : statements) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        }
    }

    /** Spring properties that point a Paydesk node at this server with the two roles. */
    public List<String> nodeProperties() {
        return List.of("paydesk.db.url=" + url(), "paydesk.db.username=" + APP, "paydesk.db.password=" + APP_PASSWORD,
                "paydesk.db.migration-username=" + OWNER, "paydesk.db.migration-password=" + OWNER_PASSWORD);
    }

    @Override
    public void close() {
        server.close();
    }
}
