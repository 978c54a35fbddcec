package dev.paydesk.disputes.internal;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.paydesk.disputes.Evidence;
import dev.paydesk.disputes.EvidenceItem;

/** Merchant evidence and submissions of disputes. */
@Repository
class EvidenceStore {

    private final JdbcClient jdbc;

    EvidenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored file. */
    record StoredFile(String fileName, String contentType, byte[] content) {
    }

    void add(UUID id, UUID disputeId, EvidenceItem item, @Nullable String text, @Nullable String carrier,
             @Nullable String tracking, @Nullable LocalDate shipped, @Nullable LocalDate delivered,
             @Nullable String fileName, @Nullable String contentType, byte @Nullable [] content, String actor,
             Instant at) {
        jdbc.sql("""
                        insert into disputes_evidence (id, dispute_id, item, text, carrier, tracking_number, shipped_on,
                            delivered_on, file_name, content_type, content, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, disputeId, item.name(), text, carrier, tracking, date(shipped), date(delivered), fileName,
                        contentType, content, actor, DisputeStore.ts(at))
                .update();
    }

    List<Evidence.Supplied> supplied(UUID disputeId) {
        return jdbc.sql("""
                        select id, item, text, carrier, tracking_number, shipped_on, delivered_on, file_name,
                            content is not null as has_file, created_by, created_at
                        from disputes_evidence where dispute_id = ? order by created_at, id""")
                .param(disputeId)
                .query((rs, n) -> new Evidence.Supplied(rs.getObject("id", UUID.class),
                        EvidenceItem.valueOf(rs.getString("item")), rs.getString("text"), rs.getString("carrier"),
                        rs.getString("tracking_number"), local(rs.getDate("shipped_on")), local(rs.getDate("delivered_on")),
                        rs.getString("file_name"), rs.getBoolean("has_file"), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    Optional<StoredFile> file(UUID disputeId, UUID evidenceId) {
        return jdbc.sql("select file_name, content_type, content from disputes_evidence where dispute_id = ? and id = ?"
                        + " and content is not null")
                .params(disputeId, evidenceId)
                .query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    void addSubmission(UUID disputeId, Evidence.Submission s) {
        jdbc.sql("""
                        insert into disputes_submission (id, dispute_id, adapter, accepted, provider_response, completeness,
                            submitted_by, submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id(), disputeId, s.adapter(), s.accepted(), s.providerResponse(), s.completeness(),
                        s.submittedBy(), DisputeStore.ts(s.submittedAt()))
                .update();
    }

    List<Evidence.Submission> submissions(UUID disputeId) {
        return jdbc.sql("select id, adapter, accepted, provider_response, completeness, submitted_by, submitted_at"
                        + " from disputes_submission where dispute_id = ? order by submitted_at")
                .param(disputeId)
                .query((rs, n) -> new Evidence.Submission(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3),
                        rs.getString(4), rs.getDouble(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    private static @Nullable Date date(@Nullable LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static @Nullable LocalDate local(@Nullable Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
