package dev.paydesk.cases.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.cases.CaseAttachments;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.PanRedactor;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/** Attachment storage in PostgreSQL with the configured size and type limits. */
@Service
class CaseAttachmentService implements CaseAttachments {

    private final JdbcClient jdbc;
    private final CaseStore store;
    private final CasesProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    CaseAttachmentService(JdbcClient jdbc, CaseStore store, CasesProperties properties, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Attachment add(UUID caseId, String filename, String contentType, byte[] bytes) {
        CaseSummary c = store.lock(caseId);
        CaseInput.checkMarket(c);
        String type = contentType == null ? "application/octet-stream" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (bytes.length == 0) {
            throw new InvalidInputException("file", "the file is empty");
        }
        if (bytes.length > properties.attachmentMaxBytes()) {
            throw new InvalidInputException("file", "the file is larger than " + properties.attachmentMaxBytes() + " bytes");
        }
        if (!properties.attachmentTypes().contains(type)) {
            throw new InvalidInputException("file", "files of type " + type + " are not accepted; allowed: "
                    + String.join(", ", properties.attachmentTypes()));
        }
        if (type.equals("application/pdf") && !startsWith(bytes, "%PDF-")) {
            throw new InvalidInputException("file", "the file is not a PDF");
        }
        if (type.equals("image/png") && !startsWith(bytes, "\u0089PNG")) {
            throw new InvalidInputException("file", "the file is not a PNG image");
        }
        byte[] stored = type.startsWith("text/") || type.equals("message/rfc822")
                ? PanRedactor.redact(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8) : bytes;
        String name = filename == null || filename.isBlank() ? "attachment" : filename.replaceAll("[\\\\/\\r\\n]", "_").strip();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("insert into cases_attachment (id, case_id, filename, content_type, size_bytes, content, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, caseId, name, type, stored.length, stored, Timestamp.from(now)).update();
        Map<String, Object> data = Map.of("attachment", id.toString(), "filename", name, "contentType", type, "size", stored.length);
        store.appendEntry(caseId, dev.paydesk.cases.EntryKind.ATTACHMENT, now, CurrentUser.actorName(), null, data, null);
        audit.record("case.attachment-added", "case", c.key(), c.market(), null, data);
        return new Attachment(id, caseId, name, type, stored.length, now);
    }

    @Override
    public List<Attachment> list(UUID caseId) {
        return jdbc.sql("select id, case_id, filename, content_type, size_bytes, created_at from cases_attachment where case_id = ? order by created_at")
                .param(caseId).query((rs, n) -> new Attachment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getInt(5), rs.getTimestamp(6).toInstant())).list();
    }

    @Override
    public Content get(UUID attachmentId) {
        Content content = jdbc.sql("select id, case_id, filename, content_type, size_bytes, created_at, content from cases_attachment where id = ?")
                .param(attachmentId).query((rs, n) -> new Content(new Attachment(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getTimestamp(6).toInstant()),
                        rs.getBytes(7))).optional()
                .orElseThrow(() -> new NotFoundException("attachment " + attachmentId + " not found"));
        CaseInput.checkMarket(store.require(content.attachment().caseId()));
        return content;
    }

    private static boolean startsWith(byte[] bytes, String magic) {
        byte[] m = magic.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length < m.length) {
            return false;
        }
        for (int i = 0; i < m.length; i++) {
            if (bytes[i] != m[i]) {
                return false;
            }
        }
        return true;
    }
}
