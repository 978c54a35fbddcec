package dev.paydesk.cases.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.EntryKind;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.cases.Priority;
import dev.paydesk.cases.TimelineEntry;
import dev.paydesk.cases.WaitingReason;
import dev.paydesk.shared.Money;
import dev.paydesk.shared.NotFoundException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rows of the case desk's tables. */
@Repository
class CaseStore {

    static final String SUMMARY_COLUMNS = """
            c.id, c.number, c.subject, c.status, c.waiting_reason, c.priority, c.category, c.market, c.language,
            c.queue_code, c.assignee, c.tags, c.source, c.customer_ref, c.amount_minor, c.currency, c.next_due_at,
            c.breached, c.created_at, c.updated_at, c.version""";

    static final RowMapper<CaseSummary> SUMMARY = CaseStore::summary;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CaseStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    static String key(long number) {
        return "PD-" + number;
    }

    static CaseSummary summary(ResultSet rs, int n) throws SQLException {
        long amount = rs.getLong("amount_minor");
        Money money = rs.wasNull() ? null : Money.of(amount, rs.getString("currency"));
        String reason = rs.getString("waiting_reason");
        Timestamp due = rs.getTimestamp("next_due_at");
        return new CaseSummary(rs.getObject("id", UUID.class), key(rs.getLong("number")), rs.getString("subject"),
                CaseStatus.valueOf(rs.getString("status")), reason == null ? null : WaitingReason.valueOf(reason),
                Priority.valueOf(rs.getString("priority")), rs.getString("category"), rs.getString("market"),
                rs.getString("language"), rs.getString("queue_code"), rs.getString("assignee"),
                strings(rs.getArray("tags")), CaseSource.valueOf(rs.getString("source")), rs.getString("customer_ref"),
                money, due == null ? null : due.toInstant(), rs.getBoolean("breached"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }

    static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    Optional<CaseSummary> summary(UUID id) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from cases_case c where c.id = ?").param(id).query(SUMMARY).optional();
    }

    CaseSummary require(UUID id) {
        return summary(id).orElseThrow(() -> new NotFoundException("case " + id + " not found"));
    }

    /** Locks the case row for the rest of the transaction and returns it. */
    CaseSummary lock(UUID id) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from cases_case c where c.id = ? for update").param(id)
                .query(SUMMARY).optional().orElseThrow(() -> new NotFoundException("case " + id + " not found"));
    }

    Optional<UUID> idByKey(String key) {
        String k = key.strip().toUpperCase(java.util.Locale.ROOT);
        if (k.matches("PD-\\d{1,18}")) {
            return jdbc.sql("select id from cases_case where number = ?").param(Long.parseLong(k.substring(3)))
                    .query(UUID.class).optional();
        }
        try {
            UUID id = UUID.fromString(key.strip());
            return jdbc.sql("select id from cases_case where id = ?").param(id).query(UUID.class).optional();
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** A case's summary and details, read together. */
    record Row(CaseSummary summary, Details details) {
    }

    /** The summary and the details in one query (a case read). */
    Optional<Row> withDetails(UUID id) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + ", " + DETAIL_COLUMNS + " from cases_case c where c.id = ?").param(id)
                .query((rs, n) -> new Row(summary(rs, n), details(rs))).optional();
    }

    private static final String DETAIL_COLUMNS = """
            c.description, c.customer_email, c.provider, c.parent_id, c.merged_into, c.external_due_at, c.external_due_label,
            c.resolved_at""";

    private static Details details(ResultSet rs) throws SQLException {
        Timestamp due = rs.getTimestamp("external_due_at");
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new Details(rs.getString("description"), rs.getString("customer_email"), rs.getString("provider"),
                rs.getObject("parent_id", UUID.class), rs.getObject("merged_into", UUID.class),
                due == null ? null : due.toInstant(), rs.getString("external_due_label"), resolved == null ? null : resolved.toInstant());
    }

    /** The columns of a case that its page and its clocks need beyond the summary. */
    record Details(String description, @Nullable String customerEmail, @Nullable String provider, @Nullable UUID parentId,
                   @Nullable UUID mergedInto, @Nullable Instant externalDueAt, @Nullable String externalDueLabel,
                   @Nullable Instant resolvedAt) {
    }

    Details details(UUID id) {
        return jdbc.sql("select " + DETAIL_COLUMNS + " from cases_case c where c.id = ?").param(id)
                .query((rs, n) -> details(rs)).optional().orElseThrow(() -> new NotFoundException("case " + id + " not found"));
    }

    /** Builds the case's full-text document from its own fields (on creation). */
    void indexDocument(UUID caseId) {
        jdbc.sql("""
                update cases_case set search =
                    setweight(to_tsvector('simple', subject || ' PD-' || number), 'A')
                    || setweight(to_tsvector('simple', coalesce(customer_ref, '') || ' ' || coalesce(customer_email, '')), 'A')
                    || setweight(to_tsvector('simple', description), 'B')
                where id = ?""").param(caseId).update();
    }

    /** Appends an entry to a case's timeline, stamped with the case's current version. */
    long appendEntry(UUID caseId, EntryKind kind, Instant at, String author, @Nullable String body,
                     @Nullable Map<String, ?> data, @Nullable String messageId) {
        if (body != null && !body.isBlank() && EntryKind.CONVERSATION.contains(kind)) {
            jdbc.sql("update cases_case set search = search || setweight(to_tsvector('simple', ?), 'C') where id = ?")
                    .params(body, caseId).update();
        }
        return jdbc.sql("""
                insert into cases_entry (case_id, kind, at, author, body, data, message_id, version)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?, (select version from cases_case where id = ?)) returning id""")
                .params(caseId, kind.name(), Timestamp.from(at), author, body,
                        data == null || data.isEmpty() ? null : json.writeValueAsString(data), messageId, caseId)
                .query(Long.class).single();
    }

    boolean messageKnown(String messageId) {
        return jdbc.sql("select count(*) from cases_entry where message_id = ?").param(messageId).query(Long.class).single() > 0;
    }

    Optional<UUID> caseOfMessage(String messageId) {
        return jdbc.sql("select case_id from cases_entry where message_id = ?").param(messageId).query(UUID.class).optional();
    }

    List<TimelineEntry> timeline(UUID caseId) {
        return jdbc.sql("select id, kind, at, author, body, data, coalesce(version, 0) from cases_entry where case_id = ? order by at, id")
                .param(caseId).query((rs, n) -> new TimelineEntry(rs.getLong(1), EntryKind.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5), data(rs.getString(6)), rs.getInt(7)))
                .list();
    }

    Map<String, Object> data(@Nullable String raw) {
        if (raw == null) {
            return Map.of();
        }
        return json.readValue(raw, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    List<CaseLink> links(UUID caseId) {
        return jdbc.sql("select kind, ref from cases_link where case_id = ? order by kind, ref").param(caseId)
                .query((rs, n) -> new CaseLink(LinkKind.valueOf(rs.getString(1)), rs.getString(2))).list();
    }

    boolean addLink(UUID caseId, CaseLink link) {
        return jdbc.sql("insert into cases_link (case_id, kind, ref) values (?, ?, ?) on conflict do nothing")
                .params(caseId, link.kind().name(), link.ref()).update() == 1;
    }

    List<CaseSummary> children(UUID id) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from cases_case c where c.parent_id = ? order by c.number")
                .param(id).query(SUMMARY).list();
    }

    List<CaseSummary> linkedTo(LinkKind kind, String ref) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + """
                 from cases_case c join cases_link l on l.case_id = c.id
                where l.kind = ? and l.ref = ? order by c.created_at desc""")
                .params(kind.name(), ref).query(SUMMARY).list();
    }

    List<UUID> openIds(int limit, @Nullable UUID after) {
        List<Object> params = new ArrayList<>();
        String sql = "select id from cases_case where status not in ('RESOLVED', 'CLOSED')";
        if (after != null) {
            sql += " and id > ?";
            params.add(after);
        }
        params.add(limit);
        return jdbc.sql(sql + " order by id limit ?").params(params).query(UUID.class).list();
    }
}
