package dev.paydesk.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.EntryKind;
import dev.paydesk.cases.Priority;
import dev.paydesk.cases.TimelineEntry;
import dev.paydesk.cases.WaitingReason;
import dev.paydesk.shared.Money;
import dev.paydesk.shared.NotFoundException;

/**
 * Loads and saves {@link Case}s with optimistic locking: a save writes the row only if its version is
 * still the one loaded ({@code update ... where id = ? and version = ?}) and bumps it.
 */
@Repository
class Cases {

    private static final String COLUMNS = """
            id, number, subject, description, market, language, source, customer_ref, customer_email, provider,
            amount_minor, currency, created_at, status, waiting_reason, priority, category, queue_code, assignee, tags,
            external_due_at, external_due_label, parent_id, merged_into, resolved_at, version""";

    private final JdbcClient jdbc;
    private final CaseStore store;

    Cases(JdbcClient jdbc, CaseStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    Case load(UUID id) {
        Case c = jdbc.sql("select " + COLUMNS + " from cases_case where id = ?").param(id).query(Cases::read).optional()
                .orElseThrow(() -> new NotFoundException("case " + id + " not found"));
        return new Case(c.fixed(), c.state(), c.version(), new LinkedHashSet<>(store.links(id)));
    }

    /** Writes the case if nobody saved it since it was loaded; false when someone did (nothing written). */
    boolean save(Case c, Instant at) {
        CaseState.Mutable s = c.state();
        int rows = jdbc.sql("""
                update cases_case set status = ?, waiting_reason = ?, priority = ?, category = ?, queue_code = ?,
                    assignee = ?, tags = ?, external_due_at = ?, external_due_label = ?, parent_id = ?, merged_into = ?,
                    resolved_at = ?, updated_at = ?, version = version + 1
                where id = ? and version = ?""")
                .params(s.status().name(), s.waitingReason() == null ? null : s.waitingReason().name(), s.priority().name(),
                        s.category(), s.queue(), s.assignee(), s.tags().toArray(String[]::new), ts(s.externalDueAt()),
                        s.externalDueLabel(), s.parentId(), s.mergedInto(), ts(s.resolvedAt()), Timestamp.from(at),
                        c.id(), c.version())
                .update();
        if (rows == 0) {
            return false;
        }
        c.addedLinks().forEach(l -> store.addLink(c.id(), l));
        c.saved();
        return true;
    }

    /** The version the case has now (for a clash report). */
    int currentVersion(UUID id) {
        return jdbc.sql("select version from cases_case where id = ?").param(id).query(Integer.class).single();
    }

    void append(Changes changes) {
        for (Changes.Entry e : changes.entries()) {
            store.appendEntry(e.caseId(), e.kind(), e.at(), e.author(), e.body(), e.data(), e.messageId());
        }
    }

    /** The timeline entries written after {@code version} (what changed since a page was rendered). */
    List<TimelineEntry> since(UUID id, int version) {
        return store.timeline(id).stream().filter(e -> e.version() > version).toList();
    }

    /** Copies the conversation (messages and notes) of a merged case onto the target, marked where it came from. */
    void copyConversation(UUID source, String sourceKey, UUID target) {
        jdbc.sql("""
                insert into cases_entry (case_id, kind, at, author, body, data, version)
                select ?, kind, at, author, body, coalesce(data, '{}'::jsonb) || jsonb_build_object('mergedFrom', ?),
                       (select version from cases_case where id = ?)
                from cases_entry where case_id = ? and kind = any(?) order by at, id""")
                .params(target, sourceKey, target, source, EntryKind.names(EntryKind.CONVERSATION)).update();
        jdbc.sql("update cases_case t set search = t.search || s.search from cases_case s where t.id = ? and s.id = ?")
                .params(target, source).update();
    }

    /** Whether {@code candidate} is {@code child} itself or already below it (so it cannot become its parent). */
    boolean isBelow(UUID candidate, UUID child) {
        Boolean below = jdbc.sql("""
                with recursive up(id) as (select parent_id from cases_case where id = ? union
                    select c.parent_id from cases_case c join up on c.id = up.id where c.parent_id is not null)
                select exists (select 1 from up where id = ?)""").params(candidate, child).query(Boolean.class).single();
        return Boolean.TRUE.equals(below);
    }

    private static Case read(ResultSet rs, int n) throws SQLException {
        long amount = rs.getLong("amount_minor");
        Money money = rs.wasNull() ? null : Money.of(amount, rs.getString("currency"));
        String reason = rs.getString("waiting_reason");
        CaseState.Fixed fixed = new CaseState.Fixed(rs.getObject("id", UUID.class), rs.getLong("number"),
                rs.getString("subject"), rs.getString("description"), rs.getString("market"), rs.getString("language"),
                CaseSource.valueOf(rs.getString("source")), rs.getString("customer_ref"), rs.getString("customer_email"),
                rs.getString("provider"), money, rs.getTimestamp("created_at").toInstant());
        CaseState.Mutable state = new CaseState.Mutable(CaseStatus.valueOf(rs.getString("status")),
                reason == null ? null : WaitingReason.valueOf(reason), Priority.valueOf(rs.getString("priority")),
                rs.getString("category"), rs.getString("queue_code"), rs.getString("assignee"),
                CaseStore.strings(rs.getArray("tags")), instant(rs.getTimestamp("external_due_at")),
                rs.getString("external_due_label"), rs.getObject("parent_id", UUID.class),
                rs.getObject("merged_into", UUID.class), instant(rs.getTimestamp("resolved_at")));
        return new Case(fixed, state, rs.getInt("version"), java.util.Set.of());
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static @Nullable Timestamp ts(@Nullable Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
