package dev.paydesk.payments.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The merchant feeds' stage as a temporary table of the caller's transaction, filled by COPY. */
record CopyFeedStages(DataSource dataSource, JdbcClient jdbc) implements FeedStage.Opener {
    @Override
    public FeedStage open(String columns) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a feed import must run in a transaction");
        }
        jdbc.sql("drop table if exists payments_feed_stage").update();
        jdbc.sql("create temp table payments_feed_stage (" + columns + ") on commit drop").update();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy payments_feed_stage from stdin");
            return new FeedStage() {
                @Override
                public void write(byte[] rows, int length) {
                    sql(() -> copy.writeToCopy(rows, 0, length));
                }

                @Override
                public void end() {
                    sql(copy::endCopy);
                    DataSourceUtils.releaseConnection(connection, dataSource);
                }

                @Override
                public void cancel() {
                    if (copy.isActive()) {
                        sql(copy::cancelCopy);
                    }
                    DataSourceUtils.releaseConnection(connection, dataSource);
                }

                @Override
                public int moveInto(String statement) {
                    int changed = jdbc.sql(statement.formatted("payments_feed_stage")).update();
                    jdbc.sql("drop table payments_feed_stage").update();
                    return changed;
                }
            };
        } catch (SQLException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw new IllegalStateException("feed import failed: " + e.getMessage(), e);
        }
    }

    private interface Sql {
        void run() throws SQLException;
    }

    private static void sql(Sql action) {
        try {
            action.run();
        } catch (SQLException e) {
            throw new IllegalStateException("feed import failed: " + e.getMessage(), e);
        }
    }
}
