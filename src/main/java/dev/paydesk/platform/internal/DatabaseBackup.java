package dev.paydesk.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Snapshot backups over JDBC (the embedded binaries ship no {@code pg_dump}): every table's rows by
 * {@code COPY … TO} inside one read-only REPEATABLE READ transaction, so the snapshot is consistent
 * while the server keeps writing, with the Flyway schema version, each table's columns, the runtime
 * partitions and the sequences, in a zip file. A restore builds an empty database by the same
 * migrations up to that version, loads every table with triggers and foreign-key checks off (one
 * transaction: all or nothing) and re-creates the partitions.
 */
@Component
public class DatabaseBackup {

    static final String FORMAT = "paydesk-backup-1";
    private static final String MANIFEST = "manifest.properties";

    private final DataSource dataSource;
    private final DatabaseAdmin admin;
    private final String[] migrationLocations;

    DatabaseBackup(DataSource dataSource, DatabaseAdmin admin, @Value("${spring.flyway.locations}") String[] migrationLocations) {
        this.dataSource = dataSource;
        this.admin = admin;
        this.migrationLocations = migrationLocations;
    }

    /** A restore that replaced the application's database; the previous one is kept under {@code keptAs}. */
    public record Restored(Summary summary, String database, String keptAs) {
    }

    /**
     * Restores {@code backup} into a new database and puts it in place of the application's database,
     * which is kept under another name. No server may run meanwhile: on the embedded database this
     * takes the server lock of its data folder, so a running server makes it refuse and no server can
     * start halfway.
     */
    public Restored restoreInPlace(Path backup) {
        if (admin.embeddedDataDir() != null) {
            DataFolderLock.acquire(admin.embeddedDataDir());
        }
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(Instant.now());
        String staging = admin.database() + "_restoring_" + stamp;
        String keptAs = admin.database() + "_before_restore_" + stamp;
        Summary summary = restore(backup, admin, staging);
        admin.swap(staging, keptAs);
        return new Restored(summary, admin.database(), keptAs);
    }

    /** What a backup holds. */
    public record Summary(String schemaVersion, Instant takenAt, Map<String, Long> rowsByTable) {

        public long rows() {
            return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private record Table(String name, String columns, @Nullable String parent, @Nullable String bound) {
    }

    /** Writes a consistent snapshot of the application's database to {@code out}. */
    public Summary backup(Path out) {
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                Summary summary;
                try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(file)) {
                    summary = write(c, zip);
                }
                Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return summary;
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("backup failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // nothing else to do with a partial file that cannot be deleted
            }
        }
    }

    private Summary write(Connection c, ZipOutputStream zip) throws SQLException, IOException {
        Instant takenAt = Instant.now();
        String version = schemaVersion(c);
        List<Table> tables = tables(c);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        Properties manifest = new Properties();
        manifest.setProperty("format", FORMAT);
        manifest.setProperty("schema_version", version);
        manifest.setProperty("taken_at", takenAt.toString());
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Table t : tables) {
            zip.putNextEntry(new ZipEntry("tables/" + t.name() + ".copy"));
            long n = copy.copyOut("copy " + quote(t.name()) + " (" + t.columns() + ") to stdout", zip);
            zip.closeEntry();
            rows.put(t.name(), n);
            manifest.setProperty("table." + t.name() + ".columns", t.columns());
            manifest.setProperty("table." + t.name() + ".rows", Long.toString(n));
            if (t.parent() != null) {
                manifest.setProperty("table." + t.name() + ".partition_of", t.parent());
                manifest.setProperty("table." + t.name() + ".bound", t.bound());
            }
        }
        manifest.setProperty("tables", String.join(",", rows.keySet()));
        List<String> sequences = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select sequencename from pg_sequences where schemaname = current_schema() order by 1")) {
            while (rs.next()) {
                sequences.add(rs.getString(1));
            }
        }
        for (String sequence : sequences) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select last_value, is_called from " + quote(sequence))) {
                rs.next();
                manifest.setProperty("sequence." + sequence, rs.getLong(1) + "," + rs.getBoolean(2));
            }
        }
        manifest.setProperty("sequences", String.join(",", sequences));
        zip.putNextEntry(new ZipEntry(MANIFEST));
        manifest.store(zip, "Paydesk backup");
        zip.closeEntry();
        return new Summary(version, takenAt, rows);
    }

    /**
     * Restores {@code backup} into a new, empty database {@code target} on the server {@code admin}
     * reaches (a role that may create databases and set {@code session_replication_role}: the embedded
     * superuser). Returns what was loaded; the caller decides whether to switch to the new database.
     */
    public Summary restore(Path backup, DatabaseAdmin admin, String target) {
        Properties manifest = readManifest(backup);
        if (!FORMAT.equals(manifest.getProperty("format"))) {
            throw new IllegalArgumentException(backup + " is not a Paydesk backup (format " + manifest.getProperty("format") + ")");
        }
        String version = manifest.getProperty("schema_version");
        admin.createDatabase(target);
        Flyway.configure().dataSource(admin.url(target), admin.user(), admin.password())
                .locations(migrationLocations).outOfOrder(true).target(version).load().migrate();
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = admin.connect(target)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set session_replication_role = replica"); // no triggers, no foreign-key checks while loading
                load(c, s, backup, manifest, rows);
                for (String sequence : list(manifest.getProperty("sequences"))) {
                    String[] value = manifest.getProperty("sequence." + sequence).split(",");
                    s.execute("select setval('" + quote(sequence).replace("'", "''") + "', " + Long.parseLong(value[0]) + ", "
                            + Boolean.parseBoolean(value[1]) + ")");
                }
                s.execute("set session_replication_role = origin");
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("restore failed: " + e.getMessage(), e);
        }
        return new Summary(version, Instant.parse(manifest.getProperty("taken_at")), rows);
    }

    private void load(Connection c, Statement s, Path backup, Properties manifest, Map<String, Long> rows)
            throws SQLException {
        List<String> tables = list(manifest.getProperty("tables"));
        // the migrations' own rows (reference data, the audit chain's head) give way to the backup's
        for (String table : tables) {
            if (manifest.getProperty("table." + table + ".partition_of") == null && exists(s, table)) {
                s.execute("truncate " + quote(table) + " cascade");
            }
        }
        List<String[]> toAttach = new ArrayList<>();
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (!entry.getName().startsWith("tables/")) {
                    continue;
                }
                String table = entry.getName().substring("tables/".length(), entry.getName().length() - ".copy".length());
                String parent = manifest.getProperty("table." + table + ".partition_of");
                if (parent != null && !exists(s, table)) { // a partition made at run time (a large settlement batch)
                    s.execute("create table " + quote(table) + " (like " + quote(parent) + " including defaults)");
                    toAttach.add(new String[] {table, parent, manifest.getProperty("table." + table + ".bound")});
                } else if (parent != null) {
                    s.execute("truncate " + quote(table));
                }
                rows.put(table, copy.copyIn("copy " + quote(table) + " (" + manifest.getProperty("table." + table + ".columns")
                        + ") from stdin", new NonClosing(zip)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String[] partition : toAttach) {
            // attaching builds the parent's partitioned indexes on the new partition
            s.execute("alter table " + quote(partition[1]) + " attach partition " + quote(partition[0]) + " " + partition[2]);
        }
    }

    /** Reads the manifest (the zip's last entry). */
    public static Properties readManifest(Path backup) {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getName().equals(MANIFEST)) {
                    Properties manifest = new Properties();
                    manifest.load(new java.io.InputStreamReader(zip, StandardCharsets.ISO_8859_1));
                    return manifest;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(backup + " is not a readable Paydesk backup: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(backup + " is not a Paydesk backup (no " + MANIFEST + ")");
    }

    private static boolean exists(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("select to_regclass('" + quote(table).replace("'", "''") + "') is not null")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select version from flyway_schema_history where success and version is not null
                order by string_to_array(version, '.')::int[] desc limit 1""")) {
            if (!rs.next()) {
                throw new IllegalStateException("the database has no schema version (flyway_schema_history is empty)");
            }
            return rs.getString(1);
        }
    }

    private static List<Table> tables(Connection c) throws SQLException {
        List<Table> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select c.relname,
                       (select string_agg(quote_ident(a.attname), ', ' order by a.attnum) from pg_attribute a
                        where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''),
                       p.relname, pg_get_expr(c.relpartbound, c.oid)
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                left join pg_inherits i on i.inhrelid = c.oid left join pg_class p on p.oid = i.inhparent
                where n.nspname = current_schema() and c.relkind = 'r' and c.relname <> 'flyway_schema_history'
                order by c.relname""")) {
            while (rs.next()) {
                tables.add(new Table(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return tables;
    }

    private static List<String> list(@Nullable String csv) {
        return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Keeps the zip open when the COPY closes what it read from. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
