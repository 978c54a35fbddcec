package dev.paydesk.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Files on a case: size-limited, content type checked against an allow-list, text files masked for
 * card numbers before storage.
 */
public interface CaseAttachments {

    record Attachment(UUID id, UUID caseId, String filename, String contentType, int sizeBytes, Instant createdAt) {
    }

    record Content(Attachment attachment, byte[] bytes) {
    }

    Attachment add(UUID caseId, String filename, String contentType, byte[] bytes);

    List<Attachment> list(UUID caseId);

    Content get(UUID attachmentId);
}
