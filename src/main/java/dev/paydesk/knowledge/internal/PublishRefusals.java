package dev.paydesk.knowledge.internal;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AuditLog;

/** Records a refused publication in its own transaction, so the refusal stays audited while nothing else changes. */
@Component
class PublishRefusals {

    private final AuditLog audit;

    PublishRefusals(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void publishRefused(String articleId, int version, String reason) {
        audit.record("knowledge.article.publish-refused", "knowledge-article", articleId, null, null,
                Map.of("version", version, "reason", reason));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void translationPublishRefused(String articleId, String language, String reason) {
        audit.record("knowledge.translation.publish-refused", "knowledge-article", articleId, null, null,
                Map.of("language", language, "reason", reason));
    }
}
