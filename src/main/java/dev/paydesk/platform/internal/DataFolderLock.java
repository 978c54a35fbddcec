package dev.paydesk.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one Paydesk <em>server</em> on an embedded data folder: a server holds an operating-system
 * lock on {@code <data-dir>.server.lock} while it runs (released by the kernel even after kill -9), and
 * a second server on the same folder refuses to start instead of silently sharing the first one's
 * database. CLI commands take no lock and attach to the running server's PostgreSQL.
 */
final class DataFolderLock {

    /** Locks held by this JVM, one per data folder (several Spring contexts in one JVM share it). */
    private static final Map<Path, FileLock> HELD = new ConcurrentHashMap<>();

    private DataFolderLock() {
    }

    static Path lockFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".server.lock");
    }

    /** Takes the server lock on {@code dataDir} or throws {@link DataFolderInUseException}. */
    static void acquire(Path dataDir) {
        HELD.computeIfAbsent(dataDir, DataFolderLock::lock);
    }

    private static FileLock lock(Path dataDir) {
        Path file = lockFile(dataDir);
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new DataFolderInUseException(dataDir, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            return lock;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock the data folder " + dataDir, e);
        }
    }

    /** A second server on an embedded data folder a running server already uses. */
    static final class DataFolderInUseException extends IllegalStateException {

        DataFolderInUseException(Path dataDir, String holder) {
            super("Another Paydesk server (" + (holder.isEmpty() ? "unknown pid" : holder) + ") already runs on the "
                    + "embedded database in " + dataDir + ". Stop it first, give this server a folder of its own "
                    + "(PAYDESK_DB_DATA_DIR), or run several nodes against one external PostgreSQL (PAYDESK_DB_URL, "
                    + "see docs/deployment.md). CLI commands (bin/paydesk <command>) attach to the running server.");
        }
    }
}
