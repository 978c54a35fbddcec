package dev.paydesk.platform.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read side of the audit log for the admin page and the API. */
@Component
public class AuditQueries {

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first, optionally filtered by entity type, entity id or actor. */
    public List<JdbcAuditLog.Entry> search(@Nullable String entityType, @Nullable String entityId,
                                           @Nullable String actor, int limit) {
        return jdbc.sql("""
                select * from platform_audit_log
                where (cast(:type as text) is null or entity_type = :type)
                  and (cast(:id as text) is null or entity_id = :id)
                  and (cast(:actor as text) is null or actor = :actor)
                order by seq desc limit :limit""")
                .param("type", blankToNull(entityType)).param("id", blankToNull(entityId))
                .param("actor", blankToNull(actor)).param("limit", Math.min(Math.max(limit, 1), 1000))
                .query(JdbcAuditLog::map).list();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
