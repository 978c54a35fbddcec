package dev.paydesk.knowledge.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Articles, their append-only versions and their translations, in plain SQL. */
@Repository
class Articles {

    record Head(String id, String audience, String language, String owner, @Nullable LocalDate reviewDue, Tags tags,
                int latestVersion, @Nullable Integer publishedVersion, Instant updatedAt) {
    }

    record Version(String articleId, int version, String title, String body, String author, Instant createdAt,
                   @Nullable String approvedBy, @Nullable Instant approvedAt) {
    }

    /** A translation's draft (title, body, source version, translator) and what a second person published of it. */
    record Translation(String articleId, String language, String title, String body, int sourceVersion,
                       String translator, Instant updatedAt, @Nullable String approvedBy, @Nullable Instant approvedAt,
                       @Nullable String publishedTitle, @Nullable String publishedBody, @Nullable Integer publishedSourceVersion) {
        static Translation draft(String articleId, String language, String title, String body, int sourceVersion,
                                 String translator, Instant updatedAt) {
            return new Translation(articleId, language, title, body, sourceVersion, translator, updatedAt, null, null, null,
                    null, null);
        }
    }

    private static final String HEAD = "select id, audience, language, owner, review_due, markets, methods, providers,"
            + " categories, queues, reason_codes, latest_version, published_version, updated_at from knowledge_article";

    private final JdbcClient jdbc;

    Articles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String id) {
        return jdbc.sql("select count(*) from knowledge_article where id = :id").param("id", id).query(Long.class).single() > 0;
    }

    void insert(Head head, Instant now) {
        jdbc.sql("""
                insert into knowledge_article (id, audience, language, owner, review_due, markets, methods, providers,
                    categories, queues, reason_codes, latest_version, published_version, created_at, updated_at)
                values (:id, :audience, :language, :owner, :review, cast(:markets as text[]), cast(:methods as text[]),
                    cast(:providers as text[]), cast(:categories as text[]), cast(:queues as text[]),
                    cast(:codes as text[]), :latest, null, :now, :now)
                """).param("id", head.id()).param("audience", head.audience()).param("language", head.language())
                .param("owner", head.owner()).param("review", head.reviewDue())
                .param("markets", Pg.array(head.tags().markets())).param("methods", Pg.array(head.tags().methods()))
                .param("providers", Pg.array(head.tags().providers()))
                .param("categories", Pg.array(head.tags().categories())).param("queues", Pg.array(head.tags().queues()))
                .param("codes", Pg.array(head.tags().reasonCodes())).param("latest", head.latestVersion())
                .param("now", java.sql.Timestamp.from(now)).update();
    }

    /** Moves the latest version on only if nobody else did since {@code base}; false when the edit is stale. */
    boolean advance(String id, int base, Head changed, Instant now) {
        return jdbc.sql("""
                update knowledge_article set latest_version = :next, audience = :audience, owner = :owner,
                    review_due = :review, markets = cast(:markets as text[]), methods = cast(:methods as text[]),
                    providers = cast(:providers as text[]), categories = cast(:categories as text[]),
                    queues = cast(:queues as text[]), reason_codes = cast(:codes as text[]), updated_at = :now
                where id = :id and latest_version = :base
                """).param("id", id).param("base", base).param("next", base + 1)
                .param("audience", changed.audience()).param("owner", changed.owner()).param("review", changed.reviewDue())
                .param("markets", Pg.array(changed.tags().markets())).param("methods", Pg.array(changed.tags().methods()))
                .param("providers", Pg.array(changed.tags().providers()))
                .param("categories", Pg.array(changed.tags().categories()))
                .param("queues", Pg.array(changed.tags().queues())).param("codes", Pg.array(changed.tags().reasonCodes()))
                .param("now", java.sql.Timestamp.from(now)).update() == 1;
    }

    void markPublished(String id, int version, String approver, Instant now) {
        jdbc.sql("update knowledge_version set approved_by = :by, approved_at = :now where article_id = :id and version = :v")
                .param("by", approver).param("now", java.sql.Timestamp.from(now)).param("id", id).param("v", version).update();
        jdbc.sql("update knowledge_article set published_version = :v, updated_at = :now where id = :id")
                .param("v", version).param("now", java.sql.Timestamp.from(now)).param("id", id).update();
    }

    void insertVersion(Version v) {
        jdbc.sql("""
                insert into knowledge_version (article_id, version, title, body, author, created_at)
                values (:id, :version, :title, :body, :author, :at)
                """).param("id", v.articleId()).param("version", v.version()).param("title", v.title())
                .param("body", v.body()).param("author", v.author()).param("at", java.sql.Timestamp.from(v.createdAt())).update();
    }

    void saveTranslation(Translation t) {
        jdbc.sql("""
                insert into knowledge_translation (article_id, language, title, body, source_version, translator, updated_at)
                values (:id, :language, :title, :body, :source, :translator, :at)
                on conflict (article_id, language) do update set title = excluded.title, body = excluded.body,
                    source_version = excluded.source_version, translator = excluded.translator, updated_at = excluded.updated_at,
                    approved_by = null, approved_at = null
                """).param("id", t.articleId()).param("language", t.language()).param("title", t.title())
                .param("body", t.body()).param("source", t.sourceVersion()).param("translator", t.translator())
                .param("at", java.sql.Timestamp.from(t.updatedAt())).update();
    }

    /** Publishes the translation's draft, approved by {@code approver}. */
    void publishTranslation(String id, String language, String approver, Instant at) {
        jdbc.sql("""
                update knowledge_translation set approved_by = :approver, approved_at = :at, published_title = title,
                    published_body = body, published_source_version = source_version
                 where article_id = :id and language = :language
                """).param("approver", approver).param("at", java.sql.Timestamp.from(at)).param("id", id)
                .param("language", language).update();
    }

    Optional<Head> head(String id) {
        return jdbc.sql(HEAD + " where id = :id").param("id", id).query((rs, n) -> head(rs)).optional();
    }

    /** A page of articles, newest change first unless sorted otherwise; the title is the latest version's. */
    /** A page of articles visible in {@code scope} (null: every market; untagged articles are for every market). */
    List<Head> page(String sort, int offset, int limit, @Nullable List<String> scope) {
        String order = switch (sort) {
            case "id" -> "id";
            case "owner" -> "owner, id";
            case "review" -> "review_due nulls last, id";
            default -> "updated_at desc, id";
        };
        String where = scope == null ? "" : " where cardinality(markets) = 0 or markets && cast(:scope as text[])";
        var spec = jdbc.sql(HEAD + where + " order by " + order + " offset :offset limit :limit").param("offset", offset)
                .param("limit", limit);
        return (scope == null ? spec : spec.param("scope", Pg.array(scope))).query((rs, n) -> head(rs)).list();
    }

    List<Head> reviewDueBy(LocalDate day) {
        return jdbc.sql(HEAD + " where review_due <= :day order by review_due, id").param("day", day)
                .query((rs, n) -> head(rs)).list();
    }

    Optional<Version> version(String id, int version) {
        return jdbc.sql("select * from knowledge_version where article_id = :id and version = :v").param("id", id)
                .param("v", version).query((rs, n) -> version(rs)).optional();
    }

    List<Version> versions(String id) {
        return jdbc.sql("select * from knowledge_version where article_id = :id order by version desc").param("id", id)
                .query((rs, n) -> version(rs)).list();
    }

    List<Translation> translations(String id) {
        return jdbc.sql("select * from knowledge_translation where article_id = :id order by language").param("id", id)
                .query((rs, n) -> new Translation(rs.getString("article_id"), rs.getString("language"), rs.getString("title"),
                        rs.getString("body"), rs.getInt("source_version"), rs.getString("translator"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("approved_by"),
                        rs.getTimestamp("approved_at") == null ? null : rs.getTimestamp("approved_at").toInstant(),
                        rs.getString("published_title"), rs.getString("published_body"),
                        rs.getObject("published_source_version", Integer.class))).list();
    }

    List<List<String>> synonyms(String team) {
        return jdbc.sql("select terms from knowledge_synonym where team = :team order by position").param("team", team)
                .query((rs, n) -> Pg.strings(rs.getArray(1))).list();
    }

    void replaceSynonyms(String team, List<List<String>> groups) {
        jdbc.sql("delete from knowledge_synonym where team = :team").param("team", team).update();
        for (int i = 0; i < groups.size(); i++) {
            jdbc.sql("insert into knowledge_synonym (team, terms, position) values (:team, cast(:terms as text[]), :p)")
                    .param("team", team).param("terms", Pg.array(groups.get(i))).param("p", i).update();
        }
    }

    private static Head head(ResultSet rs) throws SQLException {
        java.sql.Date review = rs.getDate("review_due");
        int published = rs.getInt("published_version");
        Integer publishedVersion = rs.wasNull() ? null : published;
        return new Head(rs.getString("id"), rs.getString("audience"), rs.getString("language"), rs.getString("owner"),
                review == null ? null : review.toLocalDate(),
                new Tags(Pg.strings(rs.getArray("markets")), Pg.strings(rs.getArray("methods")),
                        Pg.strings(rs.getArray("providers")), Pg.strings(rs.getArray("categories")),
                        Pg.strings(rs.getArray("queues")), Pg.strings(rs.getArray("reason_codes"))),
                rs.getInt("latest_version"), publishedVersion, rs.getTimestamp("updated_at").toInstant());
    }

    private static Version version(ResultSet rs) throws SQLException {
        java.sql.Timestamp approvedAt = rs.getTimestamp("approved_at");
        return new Version(rs.getString("article_id"), rs.getInt("version"), rs.getString("title"), rs.getString("body"),
                rs.getString("author"), rs.getTimestamp("created_at").toInstant(), rs.getString("approved_by"),
                approvedAt == null ? null : approvedAt.toInstant());
    }
}
