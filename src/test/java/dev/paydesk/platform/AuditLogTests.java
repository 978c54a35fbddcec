package dev.paydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.platform.internal.UserAccount;

/**
 * The hash-chained audit log. Tampering happens inside a transaction that is rolled back, so the
 * shared test database keeps an intact chain for the other tests.
 */
@SpringBootTest
class AuditLogTests extends PlatformTestSupport {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void someHistory() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        for (int i = 0; i < 3; i++) {
            asSystem(() -> audit.record("test.changed", "thing", unique("t"), "DE", Map.of("v", 1), Map.of("v", 2)));
        }
    }

    @Test
    void everyStateChangeLeavesAnEntryWithWhoAndBeforeAfter() {
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        asSystem(() -> users.setEnabled(agent.id(), false));
        var entries = jdbc.sql("select actor, action, before_state, after_state from platform_audit_log where entity_id = :id order by seq")
                .param("id", agent.id().toString())
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), String.valueOf(rs.getString(3)),
                        String.valueOf(rs.getString(4))))
                .list();
        assertThat(entries).extracting(e -> e.get(1)).containsExactly("user.created", "user.disabled");
        assertThat(entries.get(1).get(0)).isEqualTo("test-setup");
        assertThat(entries.get(1).get(2)).contains("\"enabled\":true");
        assertThat(entries.get(1).get(3)).contains("\"enabled\":false");
        assertThat(entries.get(0).get(3)).doesNotContain("correct-horse").doesNotContain("$2a$");
    }

    @Test
    void anIntactChainVerifies() {
        AuditVerification result = audit.verify();
        assertThat(result.intact()).as(String.valueOf(result.problem())).isTrue();
        assertThat(result.entriesChecked()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theTableRefusesUpdatesAndDeletes() {
        assertThatThrownBy(() -> jdbc.sql("update platform_audit_log set actor = 'mallory' where seq = 1").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from platform_audit_log where seq = 1").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void anEditedRowIsDetected() {
        long target = middleSeq();
        AuditVerification result = tamper(() -> jdbc.sql("update platform_audit_log set actor = 'mallory' where seq = :s")
                .param("s", target).update());
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(target);
        assertThat(result.problem()).contains("altered");
    }

    @Test
    void anEditedRowWithARecomputedHashIsDetectedAtTheNextLink() {
        long target = middleSeq();
        AuditVerification result = tamper(() -> jdbc.sql(
                        "update platform_audit_log set hash = repeat('a', 64) where seq = :s")
                .param("s", target).update());
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(target);
    }

    @Test
    void aDeletedRowIsDetected() {
        long target = middleSeq();
        AuditVerification result = tamper(() -> jdbc.sql("delete from platform_audit_log where seq = :s")
                .param("s", target).update());
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(target);
        assertThat(result.problem()).contains("missing");
    }

    @Test
    void aDeletedTailIsDetected() {
        long[] last = new long[1];
        AuditVerification result = tamper(() -> {
            last[0] = jdbc.sql("select max(seq) from platform_audit_log").query(Long.class).single();
            jdbc.sql("delete from platform_audit_log where seq = :s").param("s", last[0]).update();
        });
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(last[0]);
        assertThat(result.problem()).contains("deleted");
    }

    private long middleSeq() {
        return jdbc.sql("select max(seq) - 1 from platform_audit_log").query(Long.class).single();
    }

    private AuditVerification tamper(Runnable change) {
        return AuditTampering.tampered(tx, jdbc, change, audit::verify);
    }
}
