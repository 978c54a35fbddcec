package dev.paydesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A change announced on one node reaches every other node through PostgreSQL LISTEN/NOTIFY, only when
 * its transaction commits; a CLI command publishes but never listens. The "other node" is a second
 * {@link PgClusterNotifications} on its own connections to the same database.
 */
@SpringBootTest
class ClusterNotificationsTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    PgClusterNotifications thisNode;

    @Test
    void aChangePublishedOnOneNodeReachesAnotherWithinSeconds() throws Exception {
        PgClusterNotifications otherNode = new PgClusterNotifications(dataSource, jdbc, false);
        CountDownLatch received = new CountDownLatch(1);
        otherNode.subscribe("test.settings", received::countDown);
        otherNode.start();
        try {
            Thread.sleep(300); // the other node's LISTEN is in place
            thisNode.publish("test.settings");
            assertThat(received.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            otherNode.stop();
        }
    }

    @Test
    void aChangeInsideARolledBackTransactionNeverReachesTheOtherNodes() throws Exception {
        PgClusterNotifications otherNode = new PgClusterNotifications(dataSource, jdbc, false);
        AtomicInteger rolledBack = new AtomicInteger();
        CountDownLatch committed = new CountDownLatch(1);
        otherNode.subscribe("test.rolled-back", rolledBack::incrementAndGet);
        otherNode.subscribe("test.committed", committed::countDown);
        otherNode.start();
        try {
            Thread.sleep(300);
            transactions.executeWithoutResult(status -> {
                thisNode.publish("test.rolled-back");
                status.setRollbackOnly();
            });
            transactions.executeWithoutResult(status -> thisNode.publish("test.committed"));
            assertThat(committed.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(rolledBack).hasValue(0); // sent before the committed one, so it would have arrived first
        } finally {
            otherNode.stop();
        }
    }

    @Test
    void aCliCommandDoesNotListen() {
        PgClusterNotifications cli = new PgClusterNotifications(dataSource, jdbc, true);
        cli.start();
        assertThat(cli.isRunning()).isFalse();
    }
}
