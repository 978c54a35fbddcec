package dev.paydesk.platform.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;

import dev.paydesk.platform.internal.DatabaseBackup;
import dev.paydesk.shared.CliCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/paydesk backup --out FILE} and {@code bin/paydesk restore --from FILE} (docs/deployment.md). */
final class BackupCommands {

    private BackupCommands() {
    }

    @Component
    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Write a consistent snapshot of the database (every table, the schema version, the sequences) "
                    + "to a file while the server keeps running.")
    static class Backup implements CliCommand, Callable<Integer> {

        @Option(names = "--out", required = true, description = "the backup file to write (a zip)")
        Path out;

        private final DatabaseBackup backups;

        Backup(DatabaseBackup backups) {
            this.backups = backups;
        }

        @Override
        public Integer call() {
            DatabaseBackup.Summary summary = backups.backup(out.toAbsolutePath());
            System.out.printf("Backup written to %s: %,d rows in %d tables, schema version %s, snapshot at %s.%n",
                    out.toAbsolutePath(), summary.rows(), summary.rowsByTable().size(), summary.schemaVersion(),
                    summary.takenAt());
            return 0;
        }
    }

    @Component
    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Restore a backup into a new database and put it in the place of the current one, which is "
                    + "kept under another name. Stop the server first.")
    static class Restore implements CliCommand, Callable<Integer> {

        @Option(names = "--from", required = true, description = "the backup file (written by paydesk backup)")
        Path from;

        private final DatabaseBackup backups;

        Restore(DatabaseBackup backups) {
            this.backups = backups;
        }

        @Override
        public Integer call() {
            try {
                DatabaseBackup.Restored restored = backups.restoreInPlace(from.toAbsolutePath());
                System.out.printf("Restored %,d rows in %d tables (schema version %s, snapshot of %s) into database %s.%n",
                        restored.summary().rows(), restored.summary().rowsByTable().size(),
                        restored.summary().schemaVersion(), restored.summary().takenAt(), restored.database());
                System.out.printf("The previous database is kept as %s; drop it once you are satisfied.%n", restored.keptAs());
                System.out.println("Then run: bin/paydesk audit verify (docs/deployment.md says what to expect after a restore).");
                return 0;
            } catch (IllegalStateException | IllegalArgumentException e) {
                System.err.println("paydesk restore: " + e.getMessage());
                return 1;
            }
        }
    }
}
