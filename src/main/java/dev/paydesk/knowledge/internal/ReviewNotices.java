package dev.paydesk.knowledge.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AuditLog;

/**
 * Tells article owners that a review is due: one notice per article and review date (a new review date gives a
 * new notice), kept until the owner opens it. Created by {@link ReviewNoticeSchedule}; shown through the header
 * bell ({@code platform.Inbox}).
 */
@Service
public class ReviewNotices {

    public record Notice(long id, String articleId, LocalDate reviewDue, String title, Instant createdAt, boolean read) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ReviewNotices(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A notice for every article whose review date has come and whose owner was not yet told for that date. */
    @Transactional
    public int notifyDue() {
        Instant now = clock.instant();
        List<Map<String, Object>> created = jdbc.sql("""
                insert into knowledge_review_notice (article_id, review_due, owner, title, created_at)
                select a.id, a.review_due, a.owner, v.title, :now
                  from knowledge_article a
                  join knowledge_version v on v.article_id = a.id and v.version = a.latest_version
                 where a.review_due <= :today
                on conflict (article_id, review_due) do nothing
                returning article_id, review_due, owner""")
                .param("now", Timestamp.from(now)).param("today", LocalDate.now(clock))
                .query().listOfRows();
        for (Map<String, Object> row : created) {
            audit.record("knowledge.review.notified", "knowledge-article", (String) row.get("article_id"), null, null,
                    Map.of("owner", row.get("owner"), "reviewDue", String.valueOf(row.get("review_due"))));
        }
        return created.size();
    }

    public long unreadCount(String owner) {
        return jdbc.sql("select count(*) from knowledge_review_notice where owner = ? and read_at is null").param(owner)
                .query(Long.class).single();
    }

    /** The owner's notices, unread first, newest first. */
    public List<Notice> recent(String owner, int limit) {
        return jdbc.sql("""
                select id, article_id, review_due, title, created_at, read_at is not null as read
                  from knowledge_review_notice where owner = ?
                 order by read_at is not null, created_at desc, id desc limit ?""")
                .params(owner, limit).query((rs, n) -> new Notice(rs.getLong("id"), rs.getString("article_id"),
                        rs.getObject("review_due", LocalDate.class), rs.getString("title"),
                        rs.getTimestamp("created_at").toInstant(), rs.getBoolean("read"))).list();
    }

    /** Marks one of the owner's notices read; empty when it is not theirs. */
    @Transactional
    public Optional<String> open(String owner, long id) {
        return jdbc.sql("""
                update knowledge_review_notice set read_at = coalesce(read_at, ?) where id = ? and owner = ?
                returning article_id""").params(Timestamp.from(clock.instant()), id, owner).query(String.class).optional();
    }
}
