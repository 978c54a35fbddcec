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
                .query(JdbcAuditLog::map).list().stream()
                .map(e -> new JdbcAuditLog.Entry(e.seq(), e.occurredAt(), e.actor(), e.action(), e.entityType(), e.entityId(),
                        e.market(), personal.reveal(e.before()), personal.reveal(e.after()), e.prevHash(), e.hash()))
                .toList();
    }

    private static final java.util.Map<String, String> SORTS = java.util.Map.of("seq", "seq", "when", "occurred_at",
            "actor", "actor", "action", "action", "entity", "entity_type");

    private static final String FILTER = """
            from platform_audit_log
            where (cast(:type as text) is null or lower(entity_type) = lower(:type))
              and (cast(:id as text) is null or entity_id = :id)
              and (cast(:actor as text) is null or lower(actor) = lower(:actor))
              and (cast(:q as text) is null or action ilike :q or actor ilike :q or entity_id ilike :q
                   or entity_type ilike :q)
              and (:all or market = any(:markets))
            """;

    /**
     * One page of entries (newest first unless sorted otherwise), filters ignoring case, with the total, so
     * every entry can be reached; within the caller's markets.
     */
    public dev.paydesk.shared.ListPage<JdbcAuditLog.Entry> page(@Nullable String entityType, @Nullable String entityId,
                                                                @Nullable String actor,
                                                                dev.paydesk.shared.ListQuery list) {
        List<String> scope = CurrentUser.marketScope();
        String q = list.q() == null ? null
                : "%" + list.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("type", blankToNull(entityType));
        params.put("id", blankToNull(entityId));
        params.put("actor", blankToNull(actor));
        params.put("q", q);
        params.put("all", scope == null);
        params.put("markets", scope == null ? new String[0] : scope.toArray(String[]::new));
        long total = jdbc.sql("select count(*) " + FILTER).params(params).query(Long.class).single();
        List<JdbcAuditLog.Entry> rows = jdbc.sql("select * " + FILTER + " order by "
                        + list.orderBy(SORTS, "seq desc") + ", seq desc limit :limit offset :offset")
                .params(params).param("limit", list.size()).param("offset", list.offset())
                .query(JdbcAuditLog::map).list();
        return dev.paydesk.shared.ListPage.of(rows, total, list, SORTS.keySet());
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
