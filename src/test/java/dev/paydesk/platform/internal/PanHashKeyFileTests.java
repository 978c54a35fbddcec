package dev.paydesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keyed-hash key lives in a file outside the database, created once, readable by its owner only. */
class PanHashKeyFileTests {

    @Test
    void theKeyFileIsCreatedOnFirstStartWithMode600AndReusedAfterwards(@TempDir Path home) throws Exception {
        Path file = home.resolve(".paydesk/pan.key");
        byte[] first = PanConfiguration.keyFromFile(file);
        assertThat(first).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PanConfiguration.keyFromFile(file)).isEqualTo(first);
        assertThat(PanConfiguration.keyFromFile(home.resolve("other.key"))).isNotEqualTo(first);
    }
}
