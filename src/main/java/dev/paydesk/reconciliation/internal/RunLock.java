package dev.paydesk.reconciliation.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Serialises reconciliation runs across threads and nodes: a run reads outside the findings' write
 * lock, so without this a run that read before a newer run (say the run after an import, and an
 * incremental run of the same orders) could write its older view last and resolve or reopen what the
 * newer one found. A PostgreSQL session advisory lock, held on a connection of its own from before
 * the read until after the write; a waiting run polls with {@code pg_try_advisory_lock} and holds no
 * connection while it sleeps, so waiting runs cannot starve the holder of connections.
 */
@Component
class RunLock {

    static final long KEY = 0x7265636f6e72L; // "reconr"; the write lock is "reconc"
    private static final Duration POLL = Duration.ofMillis(100);

    private final DataSource dataSource;

    RunLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T serialised(Supplier<T> run) {
        try {
            while (true) {
                Connection connection = dataSource.getConnection();
                boolean held = false;
                try {
                    held = tryLock(connection);
                    if (held) {
                        return run.get();
                    }
                } finally {
                    if (held) {
                        unlock(connection);
                    }
                    connection.close();
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("reconciliation run lock: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another reconciliation run", e);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            s.setLong(1, KEY);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            s.setLong(1, KEY);
            s.executeQuery().close();
        }
    }
}
