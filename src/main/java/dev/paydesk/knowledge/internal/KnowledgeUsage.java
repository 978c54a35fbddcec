package dev.paydesk.knowledge.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/**
 * What people do with articles: views (from the library or opened from a case), "did this help" answers
 * on a case, and searches with their hit counts. Feeds the usage and gap reports. Answers are audited;
 * views and searches are usage counts, not changes, and are not.
 */
@Service
public class KnowledgeUsage {

    public enum Kind { VIEW, OPENED_FROM_CASE, HELPFUL, NOT_HELPFUL }

    private static final int MAX_QUERY = 200;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    KnowledgeUsage(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A view of an article; {@code caseKey} when it was opened from a case's suggestions. */
    @Transactional
    public void viewed(String articleId, @Nullable String caseKey) {
        insert(articleId, caseKey == null || caseKey.isBlank() ? Kind.VIEW : Kind.OPENED_FROM_CASE, caseKey);
    }

    /** "Did this help" for an article on a case. */
    @Transactional
    public void feedback(String articleId, @Nullable String caseKey, boolean helpful) {
        if (caseKey == null || caseKey.isBlank() || caseKey.length() > 40) {
            throw new InvalidInputException("case", "feedback belongs to a case");
        }
        if (jdbc.sql("select count(*) from knowledge_article where id = :id").param("id", articleId).query(Long.class).single() == 0) {
            throw new NotFoundException("no article " + articleId);
        }
        Kind kind = helpful ? Kind.HELPFUL : Kind.NOT_HELPFUL;
        insert(articleId, kind, caseKey);
        audit.record("knowledge.article.feedback", "knowledge-article", articleId, null, null,
                Map.of("case", caseKey, "answer", kind.name()));
    }

    /** The latest answer this user gave for the article on the case, if any. */
    public @Nullable Kind answer(String articleId, String caseKey, String username) {
        return jdbc.sql("""
                select kind from knowledge_usage where article_id = :id and case_key = :case and username = :user
                  and kind in ('HELPFUL', 'NOT_HELPFUL') order by id desc limit 1
                """).param("id", articleId).param("case", caseKey).param("user", username)
                .query(String.class).optional().map(Kind::valueOf).orElse(null);
    }

    /** A search someone ran (not the keystrokes of search as you type). */
    @Transactional
    public void searched(String query, int hits) {
        String q = query.strip();
        if (q.isEmpty()) {
            return;
        }
        jdbc.sql("insert into knowledge_search_log (query, hits, username, at) values (:q, :hits, :user, :at)")
                .param("q", q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q).param("hits", hits)
                .param("user", CurrentUser.actorName()).param("at", Timestamp.from(clock.instant())).update();
    }

    private void insert(String articleId, Kind kind, @Nullable String caseKey) {
        jdbc.sql("""
                insert into knowledge_usage (article_id, kind, case_key, username, at)
                select :id, :kind, :case, :user, :at where exists (select 1 from knowledge_article where id = :id)
                """).param("id", articleId).param("kind", kind.name()).param("case", caseKey)
                .param("user", CurrentUser.actorName()).param("at", Timestamp.from(clock.instant())).update();
    }
}
