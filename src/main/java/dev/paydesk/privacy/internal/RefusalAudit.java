package dev.paydesk.privacy.internal;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AuditLog;

/** Records a refused privacy request in its own transaction, so the refusal stays audited while nothing else changes. */
@Component
class RefusalAudit {

    private final AuditLog audit;

    RefusalAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(String action, String customer, String why) {
        audit.record(action, "privacy_subject", "request", null, null, Map.of("customerRef", customer, "refusal", why));
    }
}
