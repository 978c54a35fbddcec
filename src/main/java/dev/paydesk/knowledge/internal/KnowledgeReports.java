package dev.paydesk.knowledge.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Usage and gaps for the process manager: searches that found nothing (the articles to write next),
 * published articles nobody opened, articles' views and "did this help" answers, and translations older
 * than their source. Plain SQL over knowledge's own tables.
 */
@Service
public class KnowledgeReports {

    public record FailedSearch(String query, long times, Instant last) {
    }

    public record ArticleUsage(String articleId, String title, long views, long fromCases, long helpful, long notHelpful) {
    }

    public record StaleTranslation(String articleId, String title, String language, int sourceVersion, int currentVersion) {
    }

    private static final int ROWS = 50;

    private final JdbcClient jdbc;
    private final Clock clock;

    KnowledgeReports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Searches without a hit in the last {@code days} days, most frequent first. */
    public List<FailedSearch> failedSearches(int days) {
        return jdbc.sql("""
                select lower(query) as q, count(*) as times, max(at) as last from knowledge_search_log
                where hits = 0 and at >= :since group by lower(query) order by times desc, last desc limit :rows
                """).param("since", java.sql.Timestamp.from(since(days))).param("rows", ROWS)
                .query((rs, n) -> new FailedSearch(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant())).list();
    }

    /** Published articles with their usage, sorted by {@code sort} (views, helpful, unhelpful; the least used first for views). */
    public List<ArticleUsage> usage(String sort, int page) {
        String order = switch (sort) {
            case "helpful" -> "helpful desc, a.id";
            case "unhelpful" -> "not_helpful desc, a.id";
            default -> "views + from_cases, a.id";
        };
        return jdbc.sql("""
                select a.id, v.title,
                       count(u.id) filter (where u.kind = 'VIEW') as views,
                       count(u.id) filter (where u.kind = 'OPENED_FROM_CASE') as from_cases,
                       count(u.id) filter (where u.kind = 'HELPFUL') as helpful,
                       count(u.id) filter (where u.kind = 'NOT_HELPFUL') as not_helpful
                from knowledge_article a
                join knowledge_version v on v.article_id = a.id and v.version = a.published_version
                left join knowledge_usage u on u.article_id = a.id
                group by a.id, v.title
                order by %s limit :rows offset :offset
                """.formatted(order)).param("rows", ROWS + 1).param("offset", Math.max(0, page) * ROWS)
                .query((rs, n) -> new ArticleUsage(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6))).list();
    }

    /** Translations older than the text people read (the published version, else the latest draft). */
    public List<StaleTranslation> staleTranslations() {
        return jdbc.sql("""
                select a.id, v.title, t.language, t.source_version, coalesce(a.published_version, a.latest_version)
                from knowledge_translation t join knowledge_article a on a.id = t.article_id
                join knowledge_version v on v.article_id = a.id and v.version = a.latest_version
                where t.source_version < coalesce(a.published_version, a.latest_version)
                order by a.id, t.language limit :rows
                """).param("rows", ROWS)
                .query((rs, n) -> new StaleTranslation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5))).list();
    }

    public static int pageSize() {
        return ROWS;
    }

    private Instant since(int days) {
        return clock.instant().minus(Duration.ofDays(Math.max(1, Math.min(days, 366))));
    }
}
