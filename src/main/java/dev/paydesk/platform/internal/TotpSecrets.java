package dev.paydesk.platform.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import dev.paydesk.platform.AuditLog;

/**
 * TOTP keys encrypted at rest: AES-256-GCM (random 96-bit nonce, 128-bit tag, the user id as associated
 * data so a ciphertext cannot be moved to another user) under a key the database never holds:
 * {@code paydesk.security.totp.key} ({@code PAYDESK_TOTP_KEY}, at least 32 characters) or else the key
 * file {@code paydesk.security.totp.key-file} (default {@code ~/.paydesk/totp.key}, 32 random bytes,
 * mode 600, created on first start like the audit key). Keys stored before this change (format 0) are
 * encrypted once when Paydesk starts, audited as {@code user.totp_secrets_encrypted}.
 */
@Component
public class TotpSecrets {

    static final int PLAIN = 0;
    static final int AES_GCM = 1;
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    @org.springframework.beans.factory.annotation.Autowired
    TotpSecrets(JdbcClient jdbc, AuditLog audit,
                @Value("${paydesk.security.totp.key:}") @Nullable String key,
                @Value("${paydesk.security.totp.key-file:}") @Nullable String keyFile) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.key = new SecretKeySpec(Arrays.copyOf(master(key, keyFile), 32), "AES");
    }

    TotpSecrets(byte[] key) {
        this.jdbc = null;
        this.audit = null;
        this.key = new SecretKeySpec(Arrays.copyOf(key, 32), "AES");
    }

    private static byte[] master(@Nullable String key, @Nullable String keyFile) {
        if (StringUtils.hasText(key)) {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 32) {
                throw new IllegalStateException("paydesk.security.totp.key (PAYDESK_TOTP_KEY) must have at least 32 characters");
            }
            return bytes;
        }
        String file = StringUtils.hasText(keyFile) ? keyFile : System.getProperty("user.home") + "/.paydesk/totp.key";
        return AuditKeys.loadOrCreate(Path.of(file).toAbsolutePath());
    }

    byte[] encrypt(UUID userId, byte[] secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(userId.toString().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret);
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain key of a stored secret; fails (never guesses) when the key file is not the one that wrote it. */
    byte[] decrypt(UUID userId, byte[] stored, int format) {
        if (format == PLAIN) {
            return stored;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, stored, 0, NONCE_BYTES));
            cipher.updateAAD(userId.toString().getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the TOTP key of user " + userId
                    + " does not decrypt: paydesk.security.totp.key(-file) is not the key that encrypted it", e);
        }
    }

    /** Encrypts every key still stored in plain (written before encryption at rest existed). */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public int encryptPlainSecrets() {
        var plain = jdbc.sql("select user_id, secret from platform_totp where secret_format = 0 for update")
                .query((rs, n) -> Map.entry(rs.getObject("user_id", UUID.class), rs.getBytes("secret"))).list();
        for (var row : plain) {
            jdbc.sql("update platform_totp set secret = :s, secret_format = 1 where user_id = :u and secret_format = 0")
                    .param("s", encrypt(row.getKey(), row.getValue())).param("u", row.getKey()).update();
        }
        if (!plain.isEmpty()) {
            audit.record("user.totp_secrets_encrypted", "platform", "totp", null, null,
                    Map.of("secrets", plain.size(), "algorithm", "AES-256-GCM"));
        }
        return plain.size();
    }
}
