package dev.paydesk.platform.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.paydesk.platform.ClusterNotifications;

/**
 * {@link ClusterNotifications} over PostgreSQL {@code LISTEN/NOTIFY} on channel {@value #CHANNEL}: one
 * connection of the pool is kept by a listener thread; a CLI command publishes but does not listen.
 */
@Component
class PgClusterNotifications implements ClusterNotifications, SmartLifecycle {

    static final String CHANNEL = "paydesk_cluster";

    private static final Logger log = LoggerFactory.getLogger(PgClusterNotifications.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final boolean cli;
    private final Map<String, List<Runnable>> subscribers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile Thread listener;

    PgClusterNotifications(DataSource dataSource, JdbcClient jdbc, @Value("${paydesk.cli:false}") boolean cli) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.cli = cli;
    }

    @Override
    public void publish(String topic) {
        jdbc.sql("select pg_notify('" + CHANNEL + "', ?)").param(topic).query((rs, n) -> 1).list();
        dispatch(topic);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // again once the transaction has ended, committed or rolled back: a subscriber that re-read
            // inside it must not keep what a rollback undid
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    dispatch(topic);
                }
            });
        }
    }

    @Override
    public void subscribe(String topic, Runnable onChange) {
        subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(onChange);
    }

    private void dispatch(String topic) {
        for (Runnable subscriber : subscribers.getOrDefault(topic, List.of())) {
            try {
                subscriber.run();
            } catch (RuntimeException e) {
                log.warn("A subscriber to {} failed: {}", topic, e.toString());
            }
        }
    }

    private void listen() {
        boolean reconnect = false;
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("listen " + CHANNEL);
                if (reconnect) { // notifications sent while the connection was down are lost: refresh everything
                    subscribers.keySet().forEach(this::dispatch);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = pg.getNotifications(500);
                    if (received == null) {
                        continue;
                    }
                    Set<String> topics = new java.util.LinkedHashSet<>();
                    for (PGNotification n : received) {
                        topics.add(n.getParameter());
                    }
                    topics.forEach(this::dispatch);
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Cluster notifications: connection lost ({}); listening again in 1 s", e.getMessage());
                    reconnect = true;
                    sleep(1000);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        if (cli) {
            return;
        }
        running = true;
        Thread thread = new Thread(this::listen, "paydesk-cluster-notifications");
        thread.setDaemon(true);
        thread.start();
        listener = thread;
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
