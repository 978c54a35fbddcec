package dev.paydesk.platform.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.platform.AuditSubjects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Encrypts the personal values of audit entries (members named like {@link #PERSONAL}) with AES-256-GCM
 * under a data key of the entry's subject and month, and decrypts them for reading while the key
 * exists. Data keys are stored wrapped (AES-GCM under a key derived from the audit key); the subject
 * only as a keyed digest. Values already protected are left alone, so protecting twice changes nothing.
 */
@Component
class PersonalAuditValues {

    static final String PREFIX = "pdenc:v1:";
    static final String ERASED = "[erased]";
    /** JSON members whose values are personal: customer identities, contact data, texts and payloads. */
    static final Set<String> PERSONAL = Set.of("customerRef", "customerEmail", "customerName", "customer", "email",
            "from", "to", "filename", "body", "text", "payload", "comment", "subject", "description", "reason", "note", "approval");
    private static final int IV = 12;

    private final JdbcClient jdbc;
    private final AuditKeys keys;
    private final ObjectProvider<AuditSubjects> resolvers;
    private final SecureRandom random = new SecureRandom();
    private final JsonMapper json = JsonMapper.builder().build();

    PersonalAuditValues(JdbcClient jdbc, AuditKeys keys, ObjectProvider<AuditSubjects> resolvers) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.resolvers = resolvers;
    }

    /** The before/after pair with their personal values encrypted under one subject key (null members stay null). */
    Protected protect(String entityType, String entityId, @Nullable String before, @Nullable String after, Instant at) {
        ObjectNode b = objectOrNull(before);
        ObjectNode a = objectOrNull(after);
        if (!hasPlainPersonal(b) && !hasPlainPersonal(a)) {
            return new Protected(before, after, 0);
        }
        Optional<String> known = subjectIn(a).or(() -> subjectIn(b))
                .or(() -> resolvers.orderedStream().map(r -> r.subjectOf(entityType, entityId))
                        .flatMap(Optional::stream).findFirst());
        boolean payload = (a != null && a.has("payload")) || (b != null && b.has("payload"));
        if (known.isEmpty() && !payload) {
            return new Protected(before, after, 0); // not about a customer (settings, users, categories)
        }
        // a provider payload names no known customer: its own key, shredded by audit-value retention
        String subject = known.orElse("entity:" + entityType + ":" + entityId);
        DataKey key = keyFor(subject, YearMonth.from(at.atOffset(ZoneOffset.UTC)));
        int[] count = {0};
        String nb = b == null ? before : encryptMembers(b, key, count);
        String na = a == null ? after : encryptMembers(a, key, count);
        return new Protected(nb, na, count[0]);
    }

    record Protected(@Nullable String before, @Nullable String after, int encrypted) {
    }

    @Nullable String reveal(@Nullable String stored) {
        if (stored == null || !stored.contains(PREFIX)) {
            return stored;
        }
        ObjectNode node = objectOrNull(stored);
        if (node == null) {
            return stored;
        }
        for (Map.Entry<String, JsonNode> member : List.copyOf(node.properties())) {
            JsonNode v = member.getValue();
            if (v.isString() && v.asString().startsWith(PREFIX)) {
                node.set(member.getKey(), decrypt(v.asString()));
            }
        }
        return json.writeValueAsString(node);
    }

    int destroySubjects(Collection<String> subjects, boolean dryRun) {
        List<String> digests = subjects.stream().filter(s -> s != null && !s.isBlank())
                .map(s -> keys.subjectDigest(normalise(s))).distinct().toList();
        if (digests.isEmpty()) {
            return 0;
        }
        String where = "from platform_audit_subject_key where subject_digest = any(:d)";
        return dryRun
                ? jdbc.sql("select count(*) " + where).param("d", digests.toArray(String[]::new)).query(Integer.class).single()
                : jdbc.sql("delete " + where).param("d", digests.toArray(String[]::new)).update();
    }

    int destroyBefore(Instant cutoff, boolean dryRun) {
        String month = YearMonth.from(cutoff.atOffset(ZoneOffset.UTC)).toString();
        String where = "from platform_audit_subject_key where period < :m";
        return dryRun ? jdbc.sql("select count(*) " + where).param("m", month).query(Integer.class).single()
                : jdbc.sql("delete " + where).param("m", month).update();
    }

    static String normalise(String subject) {
        String s = subject.strip();
        return s.contains("@") ? s.toLowerCase(Locale.ROOT) : s;
    }

    private Optional<String> subjectIn(@Nullable ObjectNode node) {
        if (node == null) {
            return Optional.empty();
        }
        for (String name : List.of("customerRef", "customer", "customerEmail", "email")) {
            JsonNode v = node.get(name);
            if (v != null && v.isString() && !v.asString().isBlank() && !v.asString().startsWith(PREFIX)) {
                return Optional.of(v.asString());
            }
        }
        return Optional.empty();
    }

    private static boolean hasPlainPersonal(@Nullable ObjectNode node) {
        return node != null && PERSONAL.stream().anyMatch(name -> plainPersonal(name, node.get(name)));
    }

    /** A value still to protect; {@code from}/{@code to} only when they are addresses (not a time range). */
    private static boolean plainPersonal(String name, @Nullable JsonNode v) {
        if (v == null || v.isNull() || (v.isString() && v.asString().startsWith(PREFIX))) {
            return false;
        }
        return !(name.equals("from") || name.equals("to")) || (v.isString() && v.asString().contains("@"));
    }

    private String encryptMembers(ObjectNode node, DataKey key, int[] count) {
        for (String name : PERSONAL) {
            JsonNode v = node.get(name);
            if (plainPersonal(name, v)) {
                node.put(name, encrypt(key, json.writeValueAsString(v)));
                count[0]++;
            }
        }
        return json.writeValueAsString(node);
    }

    private @Nullable ObjectNode objectOrNull(@Nullable String text) {
        if (text == null || !text.startsWith("{")) {
            return null;
        }
        try {
            return json.readTree(text) instanceof ObjectNode o ? o : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private record DataKey(UUID id, byte[] key) {
    }

    private DataKey keyFor(String subject, YearMonth month) {
        String digest = keys.subjectDigest(normalise(subject));
        Optional<DataKey> existing = find(digest, month);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] key = new byte[32];
        random.nextBytes(key);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into platform_audit_subject_key (id, subject_digest, period, wrapped_key, created_at)
                values (?, ?, ?, ?, ?) on conflict (subject_digest, period) do nothing""")
                .params(id, digest, month.toString(), gcm(Cipher.ENCRYPT_MODE, keys.wrappingKey(), key, id), Timestamp.from(Instant.now()))
                .update();
        return find(digest, month).orElseThrow();
    }

    private Optional<DataKey> find(String digest, YearMonth month) {
        return jdbc.sql("select id, wrapped_key from platform_audit_subject_key where subject_digest = ? and period = ?")
                .params(digest, month.toString())
                .query((rs, i) -> unwrap(rs.getObject(1, UUID.class), rs.getBytes(2))).optional();
    }

    private DataKey unwrap(UUID id, byte[] wrapped) {
        return new DataKey(id, gcm(Cipher.DECRYPT_MODE, keys.wrappingKey(), wrapped, id));
    }

    private String encrypt(DataKey key, String plain) {
        byte[] sealed = gcm(Cipher.ENCRYPT_MODE, key.key(), plain.getBytes(StandardCharsets.UTF_8), key.id());
        return PREFIX + key.id() + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    private JsonNode decrypt(String value) {
        String[] parts = value.substring(PREFIX.length()).split(":", 2);
        try {
            UUID id = UUID.fromString(parts[0]);
            Optional<DataKey> key = jdbc.sql("select id, wrapped_key from platform_audit_subject_key where id = ?")
                    .param(id).query((rs, i) -> unwrap(rs.getObject(1, UUID.class), rs.getBytes(2))).optional();
            if (key.isEmpty()) {
                return json.getNodeFactory().stringNode(ERASED);
            }
            byte[] plain = gcm(Cipher.DECRYPT_MODE, key.get().key(), Base64.getDecoder().decode(parts[1]), id);
            return json.readTree(new String(plain, StandardCharsets.UTF_8));
        } catch (RuntimeException unreadable) {
            return json.getNodeFactory().stringNode(ERASED);
        }
    }

    /** AES-256-GCM; the sealed form is IV followed by ciphertext and tag; the key id is the associated data. */
    private byte[] gcm(int mode, byte[] key, byte[] input, UUID keyId) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] aad = keyId.toString().getBytes(StandardCharsets.US_ASCII);
            if (mode == Cipher.ENCRYPT_MODE) {
                byte[] iv = new byte[IV];
                random.nextBytes(iv);
                cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
                cipher.updateAAD(aad);
                byte[] ct = cipher.doFinal(input);
                return ByteBuffer.allocate(IV + ct.length).put(iv).put(ct).array();
            }
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, input, 0, IV));
            cipher.updateAAD(aad);
            return cipher.doFinal(input, IV, input.length - IV);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("audit value encryption failed", e);
        }
    }
}
