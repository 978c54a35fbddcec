package dev.paydesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** TOTP keys at rest: AES-256-GCM, bound to their user, readable only with the key that wrote them. */
class TotpSecretsTests {

    private static final byte[] KEY = "a-test-key-of-at-least-32-characters!".getBytes(StandardCharsets.UTF_8);
    // RFC 6238 Appendix B's SHA-1 seed
    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aSecretComesBackOnlyForItsUserAndKey() {
        TotpSecrets secrets = new TotpSecrets(KEY);
        UUID user = UUID.randomUUID();
        byte[] sealed = secrets.encrypt(user, SECRET);

        assertThat(sealed).hasSize(12 + SECRET.length + 16).isNotEqualTo(secrets.encrypt(user, SECRET));
        assertThat(secrets.decrypt(user, sealed, TotpSecrets.AES_GCM)).isEqualTo(SECRET);
        assertThatThrownBy(() -> secrets.decrypt(UUID.randomUUID(), sealed, TotpSecrets.AES_GCM))
                .as("moved to another user").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new TotpSecrets("another-key-of-at-least-32-characters".getBytes(StandardCharsets.UTF_8))
                .decrypt(user, sealed, TotpSecrets.AES_GCM)).hasMessageContaining("not the key that encrypted it");
        assertThat(secrets.decrypt(user, SECRET, TotpSecrets.PLAIN)).as("a key stored before encryption").isEqualTo(SECRET);
    }
}
