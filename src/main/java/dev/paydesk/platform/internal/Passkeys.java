package dev.paydesk.platform.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.util.StringUtils;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.shared.NotFoundException;

/**
 * Passkeys (WebAuthn) as Paydesk keeps them: Spring Security's JDBC repositories, wrapped so that a new
 * passkey and a removed one are audited (a save of a known credential is only its signature counter and
 * last use moving on at sign-in, and is not). A passkey names its user by username in
 * {@code user_entities}; the relying party (id, name, allowed origins) comes from
 * {@code paydesk.security.passkeys.*}.
 */
public final class Passkeys implements UserCredentialRepository {

    /** Relying-party settings: the id is the site's registrable domain, origins are the exact URLs browsers use. */
    @ConfigurationProperties("paydesk.security.passkeys")
    public record Settings(@Nullable Boolean enabled, @Nullable String rpId, @Nullable String rpName,
                           @Nullable Set<String> allowedOrigins) {
        public Settings {
            enabled = enabled == null || enabled;
            rpId = StringUtils.hasText(rpId) ? rpId : "localhost";
            rpName = StringUtils.hasText(rpName) ? rpName : "Paydesk";
            allowedOrigins = allowedOrigins == null || allowedOrigins.isEmpty()
                    ? Set.of("http://localhost:8080") : Set.copyOf(allowedOrigins);
        }
    }

    /** One passkey as the account page lists it. */
    public record Passkey(String id, String label, @Nullable Instant created, @Nullable Instant lastUsed) {
    }

    private final UserCredentialRepository credentials;
    private final PublicKeyCredentialUserEntityRepository userEntities;
    private final AuditLog audit;
    private final UserService users;

    Passkeys(JdbcOperations jdbc, AuditLog audit, UserService users) {
        this.credentials = new JdbcUserCredentialRepository(jdbc);
        this.userEntities = new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
        this.audit = audit;
        this.users = users;
    }

    PublicKeyCredentialUserEntityRepository userEntities() {
        return userEntities;
    }

    /** Whether the user has at least one passkey. */
    public boolean has(String username) {
        return !list(username).isEmpty();
    }

    public List<Passkey> list(String username) {
        PublicKeyCredentialUserEntity entity = userEntities.findByUsername(username);
        if (entity == null) {
            return List.of();
        }
        return credentials.findByUserId(entity.getId()).stream()
                .map(c -> new Passkey(c.getCredentialId().toBase64UrlString(), c.getLabel(), c.getCreated(), c.getLastUsed()))
                .toList();
    }

    /** Removes one of the user's own passkeys; another user's (or an unknown) one is not found. */
    public void remove(String username, String credentialId) {
        PublicKeyCredentialUserEntity entity = userEntities.findByUsername(username);
        Bytes id;
        try {
            id = Bytes.fromBase64(credentialId);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no passkey " + credentialId);
        }
        CredentialRecord record = credentials.findByCredentialId(id);
        if (entity == null || record == null || !record.getUserEntityUserId().equals(entity.getId())) {
            throw new NotFoundException("no passkey " + credentialId);
        }
        delete(id);
    }

    @Override
    public void save(CredentialRecord credential) {
        boolean known = credentials.findByCredentialId(credential.getCredentialId()) != null;
        credentials.save(credential);
        if (!known) {
            audit.record("user.passkey_registered", "user", owner(credential.getUserEntityUserId()), null, null,
                    Map.of("passkey", credential.getLabel(), "credential", credential.getCredentialId().toBase64UrlString()));
        }
    }

    @Override
    public void delete(Bytes credentialId) {
        CredentialRecord record = credentials.findByCredentialId(credentialId);
        credentials.delete(credentialId);
        if (record != null) {
            audit.record("user.passkey_removed", "user", owner(record.getUserEntityUserId()), null,
                    Map.of("passkey", record.getLabel(), "credential", credentialId.toBase64UrlString()), null);
        }
    }

    @Override
    public @Nullable CredentialRecord findByCredentialId(Bytes credentialId) {
        return credentials.findByCredentialId(credentialId);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return credentials.findByUserId(userId);
    }

    private String owner(Bytes userEntityId) {
        PublicKeyCredentialUserEntity entity = userEntities.findById(userEntityId);
        return entity == null ? userEntityId.toBase64UrlString()
                : users.findByUsername(entity.getName()).map(u -> u.id().toString()).orElse(entity.getName());
    }
}
