package dev.paydesk.platform;

import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Test support: changes the audit log as a database superuser would, and sees what verification says. */
public final class AuditTampering {

    private AuditTampering() {
    }

    /** Turns the append-only triggers off, applies {@code change}, runs {@code verify}, and rolls everything back. */
    public static AuditVerification tampered(TransactionTemplate tx, JdbcClient jdbc, Runnable change,
                                             Supplier<AuditVerification> verify) {
        return tx.execute(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            // writers in other test contexts (clock sweeps, webhook retries) wait behind the head lock until the rollback
            jdbc.sql("select last_seq from platform_audit_head where id = 1 for update").query(Long.class).single();
            change.run();
            AuditVerification result = verify.get();
            status.setRollbackOnly();
            return result;
        });
    }
}
