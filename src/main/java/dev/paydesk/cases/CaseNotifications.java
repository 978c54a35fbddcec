package dev.paydesk.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** In-app notifications of the signed-in user (clock warnings and breaches on their cases or queues). */
public interface CaseNotifications {

    record Notification(long id, @Nullable UUID caseId, String kind, String text, Instant createdAt) {
    }

    List<Notification> unread(String username);

    void markRead(String username);
}
