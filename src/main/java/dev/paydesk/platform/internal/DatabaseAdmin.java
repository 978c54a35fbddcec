package dev.paydesk.platform.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.jspecify.annotations.Nullable;

/**
 * A role on the Paydesk database server that may create and rename databases (the embedded
 * superuser; on an external server the migration role, if it was given CREATEDB), for restores.
 *
 * @param baseUrl JDBC URL of the application's database
 * @param embeddedDataDir the embedded server's data folder; null for an external server
 */
public record DatabaseAdmin(String baseUrl, String user, String password, @Nullable Path embeddedDataDir) {

    /** The URL of {@code database} on the same server (same host, port and parameters). */
    public String url(String database) {
        int slash = baseUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = baseUrl.indexOf('?', slash);
        return baseUrl.substring(0, slash + 1) + database + (query < 0 ? "" : baseUrl.substring(query));
    }

    /** The application database's name. */
    public String database() {
        int slash = baseUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = baseUrl.indexOf('?', slash);
        return baseUrl.substring(slash + 1, query < 0 ? baseUrl.length() : query);
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user, password);
    }

    void createDatabase(String database) {
        requireName(database);
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("create database \"" + database + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts {@code replacement} in the application database's place and keeps the current one as
     * {@code keptAs}; ends every other session on both first (no server may be running).
     */
    public void swap(String replacement, String keptAs) {
        requireName(replacement);
        requireName(keptAs);
        String current = database();
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname in ('" + current + "', '"
                    + replacement + "') and pid <> pg_backend_pid()");
            s.execute("alter database \"" + current + "\" rename to \"" + keptAs + "\"");
            s.execute("alter database \"" + replacement + "\" rename to \"" + current + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("could not switch to the restored database: " + e.getMessage(), e);
        }
    }

    private static void requireName(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
    }
}
