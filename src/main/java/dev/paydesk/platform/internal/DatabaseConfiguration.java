package dev.paydesk.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The Paydesk database: an external PostgreSQL when {@code paydesk.db.url} ({@code PAYDESK_DB_URL})
 * is set, otherwise the embedded PostgreSQL whose data lives in {@code paydesk.db.embedded.data-dir}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseConfiguration.DatabaseProperties.class)
class DatabaseConfiguration {

    /** One embedded server per data directory per JVM, shared by every application context in it. */
    private static final Map<Path, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties,
                                @org.springframework.beans.factory.annotation.Value("${paydesk.cli:false}") boolean cli) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("paydesk");
        config.setMaximumPoolSize(properties.poolSize());
        if (StringUtils.hasText(properties.url())) {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.username());
            config.setPassword(properties.password());
            properties.tls().forEach(config::addDataSourceProperty);
        } else {
            EmbeddedPostgres server = embedded(properties.embedded(), cli);
            server.ensureDatabase("paydesk");
            config.setJdbcUrl(server.jdbcUrl("paydesk"));
            config.setUsername("postgres");
            config.setPassword(server.password());
            OPEN_POOLS.register();
            return new HikariDataSource(config) {
                @Override
                public void close() {
                    try {
                        super.close();
                    } finally {
                        OPEN_POOLS.arriveAndDeregister();
                    }
                }
            };
        }
        return new HikariDataSource(config);
    }

    /** The role restores use to create and switch databases (see {@link DatabaseAdmin}). */
    @Bean
    DatabaseAdmin databaseAdmin(DatabaseProperties properties, HikariDataSource dataSource) {
        if (StringUtils.hasText(properties.url())) {
            boolean owner = StringUtils.hasText(properties.migrationUsername());
            return new DatabaseAdmin(properties.url(), owner ? properties.migrationUsername() : properties.username(),
                    java.util.Objects.requireNonNullElse(owner ? properties.migrationPassword() : properties.password(), ""), null);
        }
        Embedded settings = properties.embedded();
        Path dataDir = settings.ephemeral() ? ephemeralDirectory() : Path.of(settings.dataDir()).toAbsolutePath();
        return new DatabaseAdmin(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword(),
                settings.ephemeral() ? null : dataDir);
    }

    /**
     * Flyway runs as the owner role ({@code paydesk.db.migration-username}, PAYDESK_DB_MIGRATION_USERNAME)
     * when one is set for an external database; the application's own pool then uses a role that owns
     * nothing (docs/deployment.md). Without it Flyway uses the application's pool as before.
     */
    @Bean
    org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer migrationRole(DatabaseProperties properties) {
        return configuration -> {
            if (StringUtils.hasText(properties.url()) && StringUtils.hasText(properties.migrationUsername())) {
                java.util.Properties connection = new java.util.Properties();
                connection.setProperty("user", properties.migrationUsername());
                connection.setProperty("password", properties.migrationPassword() == null ? "" : properties.migrationPassword());
                connection.putAll(properties.tls());
                configuration.dataSource(new org.springframework.jdbc.datasource.SimpleDriverDataSource(
                        new org.postgresql.Driver(), properties.url(), connection));
            }
        };
    }

    /**
     * Connection pools on an embedded server still open. The server's stop hook waits for them: the
     * JVM runs shutdown hooks at the same time, and a context still closing (its pool, its schedulers,
     * the event publication registry) against a stopped server waits out connection timeouts.
     */
    private static final java.util.concurrent.Phaser OPEN_POOLS = new java.util.concurrent.Phaser();

    private static EmbeddedPostgres embedded(Embedded settings, boolean cli) {
        Path dataDir = settings.ephemeral() ? ephemeralDirectory() : Path.of(settings.dataDir()).toAbsolutePath();
        if (!cli && !settings.ephemeral()) {
            DataFolderLock.acquire(dataDir);
        }
        return SERVERS.computeIfAbsent(dataDir, dir -> {
            Path binaries = Path.of(settings.binariesDir()).toAbsolutePath();
            EmbeddedPostgres server = EmbeddedPostgres.start(dir, binaries, settings.port());
            OPEN_POOLS.register(); // the stop hook's own party, so the count never drops to zero before it runs
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                awaitPoolsClosed();
                server.close();
                if (settings.ephemeral()) {
                    deleteRecursively(dir.getParent());
                }
            }, "embedded-postgres-stop"));
            return server;
        });
    }

    /** Waits (20 s at most) until every pool on the embedded server is closed. */
    private static void awaitPoolsClosed() {
        int phase = OPEN_POOLS.arriveAndDeregister(); // the phase advances when the last pool has closed too
        try {
            OPEN_POOLS.awaitAdvanceInterruptibly(phase, 20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.TimeoutException e) {
            // a context that does not close in time: stop the server anyway
        }
    }

    private static Path ephemeralDirectory() {
        return SERVERS.keySet().stream().filter(p -> p.toString().contains("paydesk-ephemeral")).findFirst()
                .orElseGet(() -> {
                    try {
                        return Files.createTempDirectory("paydesk-ephemeral").resolve("db");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the directory sits in the system temp folder
        }
    }

    /**
     * Database settings.
     *
     * @param url JDBC URL of an external PostgreSQL 15+; empty for the embedded one
     * @param username user for the external database
     * @param password password for the external database
     * @param migrationUsername owner role for Flyway on the external database; empty: {@code username}
     * @param migrationPassword its password
     * @param sslMode PostgreSQL JDBC {@code sslmode} for the external database (e.g. {@code verify-full})
     * @param sslRootCert file with the CA certificate(s) the server's certificate must chain to
     * @param poolSize connection pool size
     * @param embedded embedded server settings
     */
    @ConfigurationProperties("paydesk.db")
    record DatabaseProperties(@Nullable String url, @Nullable String username, @Nullable String password,
                              @Nullable String migrationUsername, @Nullable String migrationPassword,
                              @Nullable String sslMode, @Nullable String sslRootCert,
                              int poolSize, Embedded embedded) {

        DatabaseProperties {
            poolSize = poolSize <= 0 ? 20 : poolSize;
            embedded = embedded == null ? new Embedded(null, null, 0, false) : embedded;
        }

        /** The TLS settings as PostgreSQL JDBC connection properties (only those set). */
        Map<String, String> tls() {
            Map<String, String> tls = new java.util.LinkedHashMap<>();
            if (StringUtils.hasText(sslMode)) {
                tls.put("sslmode", sslMode);
            }
            if (StringUtils.hasText(sslRootCert)) {
                tls.put("sslrootcert", sslRootCert);
            }
            return tls;
        }
    }

    /**
     * @param dataDir where the data lives (survives restarts)
     * @param binariesDir where the PostgreSQL binaries are unpacked
     * @param port fixed port, or 0 for a free one
     * @param ephemeral a throw-away data directory deleted at exit (tests)
     */
    record Embedded(@Nullable String dataDir, @Nullable String binariesDir, int port, boolean ephemeral) {

        Embedded {
            String home = System.getProperty("user.home") + "/.paydesk";
            dataDir = StringUtils.hasText(dataDir) ? dataDir : home + "/db";
            binariesDir = StringUtils.hasText(binariesDir) ? binariesDir : home + "/pg-binaries";
        }
    }
}
