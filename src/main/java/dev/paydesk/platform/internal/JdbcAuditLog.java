package dev.paydesk.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.AuditVerification;
import dev.paydesk.platform.CurrentUser;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audit log in PostgreSQL. Writers serialise on the single chain-head row ({@code select … for
 * update}), so the chain stays linear however many nodes write; the table itself rejects updates and
 * deletes by trigger. Entries from the keyed-hashing marker on carry HMAC-SHA256 hashes under the
 * audit key ({@link AuditKeys}); verification reads the chain in one REPEATABLE READ snapshot and
 * checks it against the signed checkpoints ({@link AuditCheckpoints}).
 */
@Service
public class JdbcAuditLog implements AuditLog {

    static final String GENESIS = "0".repeat(64);
    /** The action of the entry from which entries carry keyed hashes. */
    static final String KEYED_HASHING_STARTED = "audit.keyed_hashing_started";
    private static final int PAGE = 5_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditKeys keys;
    private final AuditCheckpoints checkpoints;
    private final PersonalAuditValues personal;
    private final JsonMapper json = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    JdbcAuditLog(JdbcClient jdbc, Clock clock, AuditKeys keys, AuditCheckpoints checkpoints,
                 PersonalAuditValues personal) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.personal = personal;
    }

    /** Appends the keyed-hashing marker unless the chain has it (an existing chain after the upgrade). */
    @Transactional
    public void startKeyedHashing() {
        Boolean keyed = jdbc.sql("select keyed_from is not null from platform_audit_head where id = 1")
                .query(Boolean.class).single();
        if (!keyed) {
            append(List.of());
        }
    }

    /**
     * Captures the entry now (actor, time, states) but appends it to the chain just before the
     * transaction commits: the chain-head lock is then the last lock a transaction takes and is held
     * only for the appends and the commit, so audited transactions cannot deadlock on it with each other.
     */
    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String entityType, String entityId, @Nullable String market,
                       @Nullable Object before, @Nullable Object after) {
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        PersonalAuditValues.Protected states = personal.protect(entityType, entityId, toJson(before), toJson(after), at);
        Pending entry = new Pending(at, CurrentUser.actorName(), action, entityType, entityId, market,
                states.before(), states.after());
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            append(List.of(entry));
            return;
        }
        @SuppressWarnings("unchecked")
        List<Pending> pending = (List<Pending>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<Pending> buffer = new java.util.ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, buffer);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    append(buffer);
                    buffer.clear();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(JdbcAuditLog.this);
                }
            });
            pending = buffer;
        }
        pending.add(entry);
    }

    /** An entry recorded in a transaction, waiting for the commit. */
    private record Pending(Instant at, String actor, String action, String entityType, String entityId,
                           @Nullable String market, @Nullable String before, @Nullable String after) {
    }

    private void append(List<Pending> entries) {
        Head head = jdbc.sql("select last_seq, last_hash, keyed_from from platform_audit_head where id = 1 for update")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3))).single();
        List<Pending> all = entries;
        Long keyedFrom = head.keyedFrom();
        if (keyedFrom == null) {
            keyedFrom = head.lastSeq() + 1;
            all = new java.util.ArrayList<>(entries.size() + 1);
            all.add(new Pending(Instant.now(clock).truncatedTo(ChronoUnit.MICROS), "system", KEYED_HASHING_STARTED,
                    "audit", "chain", null, null, "{\"algorithm\":\"HMAC-SHA256\",\"earlierEntries\":\"SHA-256\"}"));
            all.addAll(entries);
        }
        if (all.isEmpty()) {
            return;
        }
        long seq = head.lastSeq();
        String prev = head.lastHash();
        for (Pending p : all) {
            seq++;
            Entry entry = new Entry(seq, p.at(), p.actor(), p.action(), p.entityType(), p.entityId(), p.market(),
                    p.before(), p.after(), prev, "");
            String hash = keys.entryHash(content(entry));
            jdbc.sql("""
                    insert into platform_audit_log (seq, occurred_at, actor, action, entity_type, entity_id, market,
                        before_state, after_state, prev_hash, hash)
                    values (:seq, :at, :actor, :action, :type, :id, :market, :before, :after, :prev, :hash)""")
                    .param("seq", entry.seq).param("at", Timestamp.from(entry.occurredAt))
                    .param("actor", entry.actor).param("action", p.action()).param("type", p.entityType())
                    .param("id", p.entityId()).param("market", p.market()).param("before", entry.before)
                    .param("after", entry.after).param("prev", prev).param("hash", hash)
                    .update();
            prev = hash;
        }
        jdbc.sql("update platform_audit_head set last_seq = :seq, last_hash = :hash, keyed_from = :keyed where id = 1")
                .param("seq", seq).param("hash", prev).param("keyed", keyedFrom).update();
    }

    /**
     * Encrypts the personal values of every entry written before entries were encrypted at write time,
     * once, holding the chain-head lock: verifies the chain, rewrites the entries and every hash from
     * the first changed entry on (plain SHA-256 before the keyed-hashing marker, HMAC after it), moves
     * the old chain's checkpoints aside and records the old head in {@code platform_audit_reanchoring}
     * and in an {@code audit.reanchored} entry. A new checkpoint is written after the commit.
     */
    @Transactional
    public dev.paydesk.platform.AuditPersonalData.@Nullable Reanchoring reanchor() {
        record Locked(long seq, String hash, @Nullable Long keyedFrom, long encryptedFrom) {
        }
        Locked head = jdbc.sql("select last_seq, last_hash, keyed_from, coalesce(encrypted_from, -1) "
                        + "from platform_audit_head where id = 1 for update")
                .query((rs, i) -> new Locked(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getLong(4)))
                .single();
        if (head.encryptedFrom() >= 0) {
            return null;
        }
        AuditVerification before = verify();
        if (!before.intact()) {
            throw new dev.paydesk.shared.ConflictException("the audit chain does not verify (entry "
                    + before.firstBrokenSeq() + ": " + before.problem() + "); it was not re-anchored");
        }
        jdbc.sql("alter table platform_audit_log disable trigger platform_audit_log_no_update").update();
        long rewritten = 0;
        String prev = GENESIS;
        long next = 1;
        while (next <= head.seq()) {
            List<Entry> page = jdbc.sql("select * from platform_audit_log where seq >= :from and seq <= :to order by seq limit :limit")
                    .param("from", next).param("to", head.seq()).param("limit", PAGE).query(JdbcAuditLog::map).list();
            if (page.isEmpty()) {
                break;
            }
            for (Entry e : page) {
                PersonalAuditValues.Protected states = personal.protect(e.entityType(), e.entityId(), e.before(), e.after(),
                        e.occurredAt());
                Entry changed = new Entry(e.seq(), e.occurredAt(), e.actor(), e.action(), e.entityType(), e.entityId(),
                        e.market(), states.before(), states.after(), prev, "");
                boolean keyed = head.keyedFrom() != null && e.seq() >= head.keyedFrom();
                String hash = keyed ? keys.entryHash(content(changed)) : hash(changed);
                if (!hash.equals(e.hash())) {
                    jdbc.sql("update platform_audit_log set before_state = ?, after_state = ?, prev_hash = ?, hash = ? where seq = ?")
                            .params(states.before(), states.after(), prev, hash, e.seq()).update();
                    rewritten++;
                }
                prev = hash;
                next = e.seq() + 1;
            }
        }
        jdbc.sql("alter table platform_audit_log enable trigger platform_audit_log_no_update").update();
        jdbc.sql("update platform_audit_head set last_hash = ?, encrypted_from = ? where id = 1")
                .params(prev, head.seq() + 1).update();
        String archived = rewritten == 0 ? null : checkpoints.archive("superseded-by-reanchoring-" + clock.millis());
        jdbc.sql("insert into platform_audit_reanchoring (at, verified_entries, old_head_seq, old_head_hash, "
                        + "rewritten_entries, new_head_hash, archived_checkpoints) values (?, ?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), before.entriesChecked(), head.seq(), head.hash(), rewritten, prev,
                        archived).update();
        java.util.Map<String, Object> old = new java.util.LinkedHashMap<>();
        old.put("headSeq", head.seq());
        old.put("headHash", head.hash());
        old.put("verifiedEntries", before.entriesChecked());
        old.put("checkpointsMatched", before.checkpointsChecked());
        java.util.Map<String, Object> now = new java.util.LinkedHashMap<>();
        now.put("rewrittenEntries", rewritten);
        now.put("headHash", prev);
        now.put("archivedCheckpoints", String.valueOf(archived));
        record("audit.reanchored", "audit", "chain", null, old, now);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    checkpoints.write(jdbc);
                }
            });
        }
        return new dev.paydesk.platform.AuditPersonalData.Reanchoring(before.entriesChecked(), head.seq(), head.hash(),
                rewritten, prev);
    }

    /**
     * The checkpoint files are read before the snapshot starts, so every checkpoint lies at or below
     * the snapshot's head; the snapshot (REPEATABLE READ) keeps appends committed meanwhile out of view.
     */
    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public AuditVerification verify() {
        List<AuditCheckpoints.Stored> stored = checkpoints.read();
        java.util.Set<Long> anchored = new java.util.HashSet<>();
        stored.forEach(c -> c.checkpoint().ifPresent(cp -> anchored.add(cp.seq())));
        java.util.Map<Long, String> hashesAt = new java.util.HashMap<>();
        Head head = jdbc.sql("select last_seq, last_hash, keyed_from from platform_audit_head where id = 1")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3))).single();
        long expectedSeq = 1;
        String prevHash = GENESIS;
        long checked = 0;
        Long keyedFrom = null;
        while (true) {
            List<Entry> page = jdbc.sql("select * from platform_audit_log where seq >= :from order by seq limit :limit")
                    .param("from", expectedSeq).param("limit", PAGE).query(JdbcAuditLog::map).list();
            if (page.isEmpty()) {
                break;
            }
            for (Entry e : page) {
                checked++;
                if (e.seq != expectedSeq) {
                    return AuditVerification.broken(checked, expectedSeq,
                            "entry " + expectedSeq + " is missing (next present entry is " + e.seq + ")");
                }
                if (!e.prevHash.equals(prevHash)) {
                    return AuditVerification.broken(checked, e.seq, "entry " + e.seq
                            + " does not link to the hash of the entry before it");
                }
                if (keyedFrom == null && KEYED_HASHING_STARTED.equals(e.action)) {
                    keyedFrom = e.seq;
                }
                String expected = keyedFrom == null ? hash(e) : keys.entryHash(content(e));
                if (!expected.equals(e.hash)) {
                    return AuditVerification.broken(checked, e.seq, "entry " + e.seq
                            + " was altered: its content no longer matches its hash"
                            + (keyedFrom == null ? "" : " (or the audit key is not the one that wrote it)"));
                }
                if (anchored.contains(e.seq)) {
                    hashesAt.put(e.seq, e.hash);
                }
                prevHash = e.hash;
                expectedSeq++;
            }
        }
        long last = expectedSeq - 1;
        if (last < head.lastSeq) {
            return AuditVerification.broken(checked, last + 1, "entries " + (last + 1) + " to " + head.lastSeq
                    + " were deleted from the end of the log");
        }
        if (last > head.lastSeq || !prevHash.equals(head.lastHash)) {
            return AuditVerification.broken(checked, last, "the chain head does not match the last entry");
        }
        return checkAgainst(stored, hashesAt, keyedFrom, last, checked);
    }

    /** Every checkpoint must be authentic and match the chain: same hash at its entry, same keyed-hashing start. */
    private AuditVerification checkAgainst(List<AuditCheckpoints.Stored> stored, java.util.Map<Long, String> hashesAt,
                                           @Nullable Long keyedFrom, long last, long checked) {
        int matched = 0;
        for (AuditCheckpoints.Stored s : stored) {
            String name = s.file().getFileName().toString();
            if (s.checkpoint().isEmpty()) {
                return AuditVerification.broken(checked, last, "checkpoint " + name + " is unreadable");
            }
            AuditCheckpoints.Checkpoint cp = s.checkpoint().get();
            if (!checkpoints.authentic(cp)) {
                return AuditVerification.broken(checked, cp.seq(), "checkpoint " + name
                        + " is not signed with this audit key (forged, or written with another key)");
            }
            if (cp.seq() > last) {
                return AuditVerification.broken(checked, last + 1, "the log ends at entry " + last + " but checkpoint "
                        + name + " recorded entry " + cp.seq() + ": entries were removed");
            }
            if (!cp.hash().equals(hashesAt.get(cp.seq()))) {
                return AuditVerification.broken(checked, cp.seq(), "entry " + cp.seq()
                        + " differs from the signed checkpoint written at " + cp.writtenAt() + ": the chain was rewritten");
            }
            boolean sameStart = cp.keyedFrom() == null
                    ? keyedFrom == null || keyedFrom > cp.seq() : cp.keyedFrom().equals(keyedFrom);
            if (!sameStart) {
                return AuditVerification.broken(checked, cp.seq(), "keyed hashing starts at entry " + keyedFrom
                        + " but checkpoint " + name + " recorded " + cp.keyedFrom() + ": the chain was rewritten");
            }
            matched++;
        }
        return AuditVerification.ok(checked, matched);
    }

    /** The plain SHA-256 of an entry, as entries before keyed hashing carry it. */
    static String hash(Entry e) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(content(e).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** What an entry's hash covers: every field and the previous entry's hash. */
    static String content(Entry e) {
        return String.join("\u001f", Long.toString(e.seq), e.occurredAt.toString(), e.actor, e.action,
                e.entityType, e.entityId, nullToEmpty(e.market), nullToEmpty(e.before), nullToEmpty(e.after),
                e.prevHash);
    }

    private @Nullable String toJson(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof String s ? s : json.writeValueAsString(value);
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "\u0000" : s;
    }

    static Entry map(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                rs.getString("market"), rs.getString("before_state"), rs.getString("after_state"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }

    private record Head(long lastSeq, String lastHash, @Nullable Long keyedFrom) {
    }

    /** One stored audit entry. */
    public record Entry(long seq, Instant occurredAt, String actor, String action, String entityType,
                        String entityId, @Nullable String market, @Nullable String before,
                        @Nullable String after, String prevHash, String hash) {
    }
}
