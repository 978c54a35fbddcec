package dev.paydesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.AuditVerification;

/**
 * The audit chain against someone with full database access: keyed hashes they cannot recompute,
 * signed checkpoints outside the database they cannot rewrite, and verification that stays right
 * while others write. Tampering happens as a superuser would (triggers off) in transactions that are
 * rolled back, so the shared test database keeps its intact chain.
 */
@SpringBootTest
class AuditAnchoringTests {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcAuditLog log;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    AuditKeys keys;

    @Autowired
    PersonalAuditValues personal;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Clock clock;

    @BeforeEach
    void someHistory() {
        for (int i = 0; i < 3; i++) {
            audit.record("test.anchored", "thing", "t" + i, null, null, Map.of("v", i));
        }
    }

    @Test
    void theChainStartsKeyedHashingOnceWithAMarkerEntry() {
        List<Long> markers = jdbc.sql("select seq from platform_audit_log where action = :a order by seq")
                .param("a", JdbcAuditLog.KEYED_HASHING_STARTED).query(Long.class).list();
        assertThat(markers).hasSize(1);
        Long keyedFrom = jdbc.sql("select keyed_from from platform_audit_head").query(Long.class).single();
        assertThat(keyedFrom).isEqualTo(markers.get(0));
        JdbcAuditLog.Entry last = lastEntry();
        assertThat(last.hash()).isEqualTo(keys.entryHash(JdbcAuditLog.content(last)))
                .isNotEqualTo(JdbcAuditLog.hash(last));
    }

    @Test
    void anEntryEditedWithEveryLaterHashRecomputedWithoutTheKeyIsDetected() {
        long target = jdbc.sql("select max(seq) - 2 from platform_audit_log").query(Long.class).single();
        AuditVerification result = tampered(() -> {
            jdbc.sql("update platform_audit_log set actor = 'mallory' where seq = :s").param("s", target).update();
            rehashPlainFrom(target);
        }, audit::verify);
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(target);
        assertThat(result.problem()).contains("altered");
    }

    @Test
    void aChainRewrittenWholeAsPlainHashesFailsAgainstTheSignedCheckpoint() {
        audit.record("test.anchored", "thing", "before-checkpoint", null, null, null);
        checkpoints.write(jdbc);
        AuditVerification before = audit.verify();
        assertThat(before.intact()).as(String.valueOf(before.problem())).isTrue();
        assertThat(before.checkpointsChecked()).isPositive();

        AuditVerification result = tampered(() -> {
            jdbc.sql("update platform_audit_log set action = 'test.renamed' where action = :a")
                    .param("a", JdbcAuditLog.KEYED_HASHING_STARTED).update();
            jdbc.sql("update platform_audit_log set actor = 'mallory' where seq = (select max(seq) - 1 from platform_audit_log)")
                    .update();
            rehashPlainFrom(1);
        }, audit::verify);
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).contains("checkpoint");
    }

    @Test
    void entriesCutFromTheEndBelowACheckpointAreDetectedEvenWithTheHeadMovedBack() {
        audit.record("test.anchored", "thing", "tail", null, null, null);
        checkpoints.write(jdbc); // (or another context's schedule wrote it first)
        long last = checkpoints.read().stream().flatMap(c -> c.checkpoint().stream()).mapToLong(c -> c.seq()).max().orElseThrow();
        AuditVerification result = tampered(() -> {
            jdbc.sql("delete from platform_audit_log where seq >= :s").param("s", last).update();
            jdbc.sql("update platform_audit_head set last_seq = :s, last_hash = (select hash from platform_audit_log where seq = :s)")
                    .param("s", last - 1).update();
        }, audit::verify);
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(last);
        assertThat(result.problem()).contains("removed");
    }

    @Test
    void aForgedCheckpointFileIsReported(@TempDir Path dir) throws Exception {
        AuditCheckpoints elsewhere = new AuditCheckpoints(dir, keys, clock);
        JdbcAuditLog checker = new JdbcAuditLog(jdbc, clock, keys, elsewhere, personal);
        // the checker is no Spring bean, so it gets the snapshot its @Transactional would give from this template
        TransactionTemplate tx = new TransactionTemplate(this.tx.getTransactionManager());
        tx.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
        elsewhere.write(jdbc);
        assertThat(tx.execute(s -> checker.verify()).intact()).isTrue();
        Path file = elsewhere.read().get(0).file();
        Files.writeString(file, Files.readString(file).replaceAll("\"hash\":\"[0-9a-f]+\"", "\"hash\":\"" + "b".repeat(64) + "\""));
        AuditVerification result = tx.execute(s -> checker.verify());
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).contains("not signed");
    }

    @Test
    void entriesFromBeforeTheSwitchVerifyWithPlainHashesAndLaterOnesWithTheKey(@TempDir Path dir) {
        JdbcAuditLog checker = new JdbcAuditLog(jdbc, clock, keys, new AuditCheckpoints(dir, keys, clock), personal);
        AuditVerification mixed = tampered(() -> {
            jdbc.sql("delete from platform_audit_log").update();
            String prev = JdbcAuditLog.GENESIS;
            for (long seq = 1; seq <= 4; seq++) {
                boolean keyed = seq >= 3;
                JdbcAuditLog.Entry e = new JdbcAuditLog.Entry(seq, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                        "system", seq == 3 ? JdbcAuditLog.KEYED_HASHING_STARTED : "legacy.action", "thing", "x" + seq,
                        null, null, null, prev, "");
                String hash = keyed ? keys.entryHash(JdbcAuditLog.content(e)) : JdbcAuditLog.hash(e);
                insert(e, hash);
                prev = hash;
            }
            jdbc.sql("update platform_audit_head set last_seq = 4, last_hash = :h, keyed_from = 3").param("h", prev).update();
        }, checker::verify);
        assertThat(mixed.intact()).as(String.valueOf(mixed.problem())).isTrue();
        assertThat(mixed.entriesChecked()).isEqualTo(4);
    }

    @Test
    void verificationStaysIntactWhileFourThreadsAppend() throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            running.add(writers.submit(() -> {
                int i = 0;
                while (!done.get()) {
                    tx.executeWithoutResult(s -> {
                        audit.record("test.concurrent", "thing", "w" + thread, null, null, null);
                        audit.record("test.concurrent", "thing", "w" + thread, null, null, null);
                    });
                    i++;
                }
                return i;
            }));
        }
        try {
            for (int round = 0; round < 12; round++) {
                AuditVerification result = audit.verify();
                assertThat(result.intact()).as("round " + round + ": " + result.problem()).isTrue();
            }
        } finally {
            done.set(true);
            for (Future<?> f : running) {
                f.get();
            }
            writers.shutdown();
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void theKeyFileIsCreatedOnceWithModeSixHundred(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/audit.key");
        byte[] first = AuditKeys.loadOrCreate(file);
        byte[] second = AuditKeys.loadOrCreate(file);
        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        AuditKeys a = new AuditKeys(first);
        assertThat(a.entryHash("x")).isNotEqualTo(new AuditKeys(new byte[32]).entryHash("x"))
                .isNotEqualTo(a.checkpointSignature("x"));
    }

    private JdbcAuditLog.Entry lastEntry() {
        return jdbc.sql("select * from platform_audit_log order by seq desc limit 1").query(JdbcAuditLog::map).single();
    }

    /** What an attacker without the key can do: recompute every hash from {@code from} on as plain SHA-256. */
    private void rehashPlainFrom(long from) {
        List<JdbcAuditLog.Entry> entries = jdbc.sql("select * from platform_audit_log where seq >= :s order by seq")
                .param("s", from).query(JdbcAuditLog::map).list();
        String prev = from == 1 ? JdbcAuditLog.GENESIS : jdbc.sql("select hash from platform_audit_log where seq = :s")
                .param("s", from - 1).query(String.class).single();
        for (JdbcAuditLog.Entry e : entries) {
            JdbcAuditLog.Entry relinked = new JdbcAuditLog.Entry(e.seq(), e.occurredAt(), e.actor(), e.action(),
                    e.entityType(), e.entityId(), e.market(), e.before(), e.after(), prev, "");
            String hash = JdbcAuditLog.hash(relinked);
            jdbc.sql("update platform_audit_log set prev_hash = :p, hash = :h where seq = :s")
                    .param("p", prev).param("h", hash).param("s", e.seq()).update();
            prev = hash;
        }
        jdbc.sql("update platform_audit_head set last_hash = :h").param("h", prev).update();
    }

    private void insert(JdbcAuditLog.Entry e, String hash) {
        jdbc.sql("""
                insert into platform_audit_log (seq, occurred_at, actor, action, entity_type, entity_id, prev_hash, hash)
                values (:seq, :at, :actor, :action, :type, :id, :prev, :hash)""")
                .param("seq", e.seq()).param("at", java.sql.Timestamp.from(e.occurredAt())).param("actor", e.actor())
                .param("action", e.action()).param("type", e.entityType()).param("id", e.entityId())
                .param("prev", e.prevHash()).param("hash", hash).update();
    }

    private AuditVerification tampered(Runnable change, Supplier<AuditVerification> verify) {
        return dev.paydesk.platform.AuditTampering.tampered(tx, jdbc, change, verify);
    }
}
