package dev.paydesk.knowledge.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.shared.NotFoundException;

/**
 * Images and files on articles, kept in PostgreSQL ({@code knowledge_file}) and checked by {@link FileRules}.
 * Readers see an article's files as they see the article (404 outside their markets); every upload and delete is
 * audited on the article.
 */
@Service
public class ArticleFiles {

    /** The Markdown an editor writes to show an uploaded image: {@code ![alt](files/<id>)}. */
    public static final String URL_PREFIX = "/knowledge/files/";

    public record FileView(UUID id, String articleId, String filename, String contentType, int size, String sha256,
                           String uploadedBy, Instant uploadedAt) {
        @JsonProperty
        public String url() {
            return URL_PREFIX + id;
        }

        @JsonProperty
        public boolean inline() {
            return FileRules.inline(contentType);
        }

        /** The Markdown reference to paste into the article: an image for images, a link otherwise. */
        @JsonProperty
        public String markdown() {
            String label = filename.replaceAll("[\\[\\]()]", "_");
            return (inline() ? "![" + label + "](files/" : "[" + label + "](files/") + id + ")";
        }
    }

    public record Content(FileView file, byte[] bytes) {
    }

    private static final Map<String, String> SORTS = Map.of("name", "lower(filename), uploaded_at",
            "type", "content_type, lower(filename)", "size", "size_bytes desc, lower(filename)",
            "uploaded", "uploaded_at desc, id");
    private static final String COLUMNS = "id, article_id, filename, content_type, size_bytes, sha256, uploaded_by, uploaded_at";

    private final JdbcClient jdbc;
    private final KnowledgeService knowledge;
    private final AuditLog audit;
    private final Clock clock;
    private final long maxBytes;

    ArticleFiles(JdbcClient jdbc, KnowledgeService knowledge, AuditLog audit, Clock clock,
                 @Value("${paydesk.knowledge.max-file-size:5MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.knowledge = knowledge;
        this.audit = audit;
        this.clock = clock;
        this.maxBytes = maxSize.toBytes();
    }

    /** The configured limit as people say it, e.g. "5 MB". */
    public String maxSize() {
        return FileRules.readable(maxBytes);
    }

    @Transactional
    public FileView upload(String articleId, @Nullable String filename, @Nullable String declaredType, byte[] bytes) {
        knowledge.visible(articleId);
        String raw = filename == null ? "" : filename;
        String type = FileRules.check(raw, declaredType, bytes, maxBytes);
        FileView file = new FileView(UUID.randomUUID(), articleId, FileRules.safeName(raw, type), type, bytes.length,
                sha256(bytes), CurrentUser.actorName(), clock.instant());
        jdbc.sql("insert into knowledge_file (" + COLUMNS + ", content) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(file.id(), articleId, file.filename(), type, bytes.length, file.sha256(), file.uploadedBy(),
                        Timestamp.from(file.uploadedAt()), bytes).update();
        audit.record("knowledge.file.uploaded", "knowledge-article", articleId, null, null, summary(file));
        return file;
    }

    /** An article's files, sorted by name, type, size or upload time (newest first, the default). */
    public List<FileView> list(String articleId, @Nullable String sort) {
        knowledge.visible(articleId);
        String order = SORTS.getOrDefault(sort == null ? "uploaded" : sort, SORTS.get("uploaded"));
        return jdbc.sql("select " + COLUMNS + " from knowledge_file where article_id = ? order by " + order)
                .param(articleId).query((rs, n) -> view(rs)).list();
    }

    /** A file with its bytes; 404 when it does not exist, belongs to another article or to an article out of scope. */
    public Content content(@Nullable String articleId, UUID fileId) {
        Content content = jdbc.sql("select " + COLUMNS + ", content from knowledge_file where id = ?").param(fileId)
                .query((rs, n) -> new Content(view(rs), rs.getBytes("content"))).optional()
                .filter(c -> articleId == null || c.file().articleId().equals(articleId))
                .orElseThrow(() -> new NotFoundException("no file " + fileId));
        try {
            knowledge.visible(content.file().articleId());
        } catch (NotFoundException outOfScope) {
            throw new NotFoundException("no file " + fileId);
        }
        return content;
    }

    @Transactional
    public FileView delete(String articleId, UUID fileId) {
        FileView file = content(articleId, fileId).file();
        jdbc.sql("delete from knowledge_file where id = ?").param(fileId).update();
        audit.record("knowledge.file.deleted", "knowledge-article", articleId, null, summary(file), null);
        return file;
    }

    private static FileView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new FileView(rs.getObject("id", UUID.class), rs.getString("article_id"), rs.getString("filename"),
                rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant());
    }

    private static Map<String, Object> summary(FileView f) {
        return Map.of("file", f.id().toString(), "filename", f.filename(), "contentType", f.contentType(),
                "size", f.size(), "sha256", f.sha256());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
