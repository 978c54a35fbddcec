package dev.paydesk.platform.internal;

import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Anchors the audit chain outside the database: the audit key and the signed checkpoints, and the
 * schedule that starts keyed hashing and writes a checkpoint at start and every
 * {@code paydesk.audit.checkpoint-interval} (15 minutes by default). CLI commands run no schedules.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditKeys.Settings.class)
class AuditAnchoring {

    @Bean
    AuditKeys auditKeys(AuditKeys.Settings settings) {
        return AuditKeys.from(settings);
    }

    @Bean
    AuditCheckpoints auditCheckpoints(AuditKeys.Settings settings, AuditKeys keys, Clock clock) {
        return new AuditCheckpoints(Path.of(settings.checkpointDir()), keys, clock);
    }

    /** Starts keyed hashing on an existing chain and writes checkpoints. */
    @Component
    static class CheckpointSchedule {

        private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

        private final JdbcAuditLog audit;
        private final AuditCheckpoints checkpoints;
        private final JdbcClient jdbc;

        CheckpointSchedule(JdbcAuditLog audit, AuditCheckpoints checkpoints, JdbcClient jdbc) {
            this.audit = audit;
            this.checkpoints = checkpoints;
            this.jdbc = jdbc;
        }

        @Scheduled(fixedDelayString = "${paydesk.audit.checkpoint-interval:PT15M}", initialDelayString = "PT5S")
        void checkpoint() {
            audit.startKeyedHashing();
            try {
                audit.reanchor(); // once: encrypts the personal values of entries written before encryption
            } catch (dev.paydesk.shared.ConflictException broken) {
                log.error("Audit re-anchoring refused: {}", broken.getMessage());
            } catch (org.springframework.dao.DataAccessException denied) {
                // rewriting entries written before encryption needs the audit table's owner; checkpoints go on
                log.error("Audit re-anchoring needs the owner of platform_audit_log (start one node once with the "
                        + "owner's credentials as PAYDESK_DB_USERNAME/PASSWORD): {}", denied.getMostSpecificCause().getMessage());
            }
            checkpoints.write(jdbc).ifPresent(c -> log.debug("Audit checkpoint at entry {} written to {}", c.seq(),
                    checkpoints.directory()));
        }
    }
}
