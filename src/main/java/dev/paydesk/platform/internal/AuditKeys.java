package dev.paydesk.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * The audit key: a secret the database never holds, so someone with full database access (even the
 * PostgreSQL superuser) can neither recompute entry hashes nor forge checkpoints. It comes from
 * {@code paydesk.audit.key} ({@code PAYDESK_AUDIT_KEY}, at least 32 characters) or else from the key
 * file ({@code paydesk.audit.key-file}, default {@code ~/.paydesk/audit.key}), which is created with 32
 * random bytes and mode 600 on first start. Entry hashes and checkpoint signatures use keys derived
 * from it, so one can never stand in for the other.
 */
final class AuditKeys {

    private static final int KEY_BYTES = 32;

    private final byte[] entryKey;
    private final byte[] checkpointKey;
    private final byte[] subjectKey;
    private final byte[] wrapKey;

    AuditKeys(byte[] master) {
        this.entryKey = mac(master, "paydesk-audit-entries-v1".getBytes(StandardCharsets.UTF_8));
        this.checkpointKey = mac(master, "paydesk-audit-checkpoints-v1".getBytes(StandardCharsets.UTF_8));
        this.subjectKey = mac(master, "paydesk-audit-subjects-v1".getBytes(StandardCharsets.UTF_8));
        this.wrapKey = mac(master, "paydesk-audit-key-wrapping-v1".getBytes(StandardCharsets.UTF_8));
    }

    /** Keyed digest of a data subject (customer reference or e-mail address), hex: never the subject itself. */
    String subjectDigest(String subject) {
        return HexFormat.of().formatHex(mac(subjectKey, subject.getBytes(StandardCharsets.UTF_8)));
    }

    /** The AES-256 key that wraps the per-subject data keys stored in the database. */
    byte[] wrappingKey() {
        return wrapKey.clone();
    }

    /** Audit anchoring settings ({@code paydesk.audit.*}). */
    @ConfigurationProperties("paydesk.audit")
    record Settings(@Nullable String key, @Nullable String keyFile, @Nullable String checkpointDir,
                    @Nullable Duration checkpointInterval) {

        Settings {
            String home = System.getProperty("user.home") + "/.paydesk";
            keyFile = StringUtils.hasText(keyFile) ? keyFile : home + "/audit.key";
            checkpointDir = StringUtils.hasText(checkpointDir) ? checkpointDir : home + "/audit-checkpoints";
            checkpointInterval = checkpointInterval == null ? Duration.ofMinutes(15) : checkpointInterval;
        }
    }

    static AuditKeys from(Settings settings) {
        if (StringUtils.hasText(settings.key())) {
            byte[] key = settings.key().getBytes(StandardCharsets.UTF_8);
            if (key.length < KEY_BYTES) {
                throw new IllegalStateException("paydesk.audit.key (PAYDESK_AUDIT_KEY) must have at least "
                        + KEY_BYTES + " characters");
            }
            return new AuditKeys(key);
        }
        return new AuditKeys(loadOrCreate(Path.of(settings.keyFile()).toAbsolutePath()));
    }

    /** Reads the key file, or creates it (mode 600, atomically, so two processes starting at once agree). */
    static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(key);
                Path temp = Files.createTempFile(file.getParent(), ".audit-key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try {
                    Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n");
                    Files.createLink(file, temp); // fails if another process created the file first
                } catch (FileAlreadyExistsException raced) {
                    // the other process's key is the one to use; read it below
                } finally {
                    Files.delete(temp);
                }
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
            if (key.length < KEY_BYTES) {
                throw new IllegalStateException("the audit key in " + file + " is shorter than " + KEY_BYTES + " bytes");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the audit key " + file, e);
        }
    }

    /** HMAC-SHA256 of an entry's content, hex. */
    String entryHash(String content) {
        return HexFormat.of().formatHex(mac(entryKey, content.getBytes(StandardCharsets.UTF_8)));
    }

    /** HMAC-SHA256 signature of a checkpoint's content, hex. */
    String checkpointSignature(String content) {
        return HexFormat.of().formatHex(mac(checkpointKey, content.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] mac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
