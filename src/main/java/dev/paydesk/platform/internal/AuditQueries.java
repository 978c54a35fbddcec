package dev.paydesk.platform.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.platform.CurrentUser;

/**
 * Read side of the audit log for the admin page and the API, always within the reader's market scope:
 * a scoped reader sees the entries of their markets only; entries without a market (users of several
 * markets, API tokens, imports, platform-wide settings) are for all-markets readers only.
 */
@Component
public class AuditQueries {

    private final JdbcClient jdbc;
    private final PersonalAuditValues personal;

    AuditQueries(JdbcClient jdbc, PersonalAuditValues personal) {
        this.jdbc = jdbc;
        this.personal = personal;
    }

    /** Newest first, optionally filtered by entity type, entity id or actor, within the caller's markets. */
    public List<JdbcAuditLog.Entry> search(@Nullable String entityType, @Nullable String entityId,
                                           @Nullable String actor, int limit) {
        List<String> scope = CurrentUser.marketScope();
        return jdbc.sql("""
                select * from platform_audit_log
                where (cast(:type as text) is null or entity_type = :type)
                  and (cast(:id as text) is null or entity_id = :id)
                  and (cast(:actor as text) is null or actor = :actor)
                  and (:all or market = any(:markets))
                order by seq desc limit :limit""")
                .param("type", blankToNull(entityType)).param("id", blankToNull(entityId))
                .param("actor", blankToNull(actor)).param("limit", Math.min(Math.max(limit, 1), 1000))
                .param("all", scope == null)
                .param("markets", scope == null ? new String[0] : scope.toArray(String[]::new))
                .query(JdbcAuditLog::map).stream()
                .map(e -> new JdbcAuditLog.Entry(e.seq(), e.occurredAt(), e.actor(), e.action(), e.entityType(), e.entityId(),
                        e.market(), personal.reveal(e.before()), personal.reveal(e.after()), e.prevHash(), e.hash()))
                .toList();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
