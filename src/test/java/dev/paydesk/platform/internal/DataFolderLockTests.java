package dev.paydesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second server on an embedded data folder refuses: the lock is held by another process (a JVM
 * started here that takes the same operating-system lock a server takes), and freed when that process
 * is killed.
 */
class DataFolderLockTests {

    @TempDir
    Path home;

    @Test
    void aSecondServerOnTheSameDataFolderRefusesWithAClearMessageUntilTheFirstIsGone() throws Exception {
        Path dataDir = home.resolve("db");
        Path program = home.resolve("HoldLock.java");
        Files.writeString(program, """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                public class HoldLock {
                    public static void main(String[] a) throws Exception {
                        FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        c.lock();
                        c.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid()).getBytes()));
                        System.out.println("locked");
                        Thread.sleep(600_000);
                    }
                }
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process other = new ProcessBuilder(java, program.toString(), DataFolderLock.lockFile(dataDir).toString())
                .redirectErrorStream(true).start();
        try {
            String first = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(first).isEqualTo("locked");

            assertThatThrownBy(() -> DataFolderLock.acquire(dataDir))
                    .isInstanceOf(DataFolderLock.DataFolderInUseException.class)
                    .hasMessageContaining("Another Paydesk server (pid " + other.pid() + ")")
                    .hasMessageContaining(dataDir.toString())
                    .hasMessageContaining("PAYDESK_DB_URL");
        } finally {
            other.destroyForcibly();
            other.waitFor(10, TimeUnit.SECONDS);
        }
        DataFolderLock.acquire(dataDir); // the kernel released the killed process's lock
        DataFolderLock.acquire(dataDir); // and this JVM's contexts share its own
        assertThat(Files.readString(DataFolderLock.lockFile(dataDir))).contains("pid " + ProcessHandle.current().pid());
    }
}
