package dev.paydesk.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * In-app notifications of the signed-in user: clock warnings and breaches on their cases or queues, cases
 * assigned to them, notes that mention them ({@code @username}) and money actions waiting for their approval.
 */
public interface CaseNotifications {

    /**
     * @param kind WARNING, BREACH, ASSIGNED, MENTION, APPROVAL or INTAKE_PAUSED
     * @param caseKey the case it is about (null for notices about the desk as a whole)
     */
    record Notification(long id, @Nullable UUID caseId, @Nullable String caseKey, String kind, String text,
                        Instant createdAt, boolean read) {
    }

    /** The user's unread notifications, newest first (at most 50). */
    List<Notification> unread(String username);

    /** The user's newest notifications, unread and read, newest first. */
    List<Notification> recent(String username, int limit);

    long unreadCount(String username);

    /** Marks every notification of the user read. */
    void markRead(String username);

    /** Marks one of the user's notifications read; the notification, empty when it is not theirs. */
    java.util.Optional<Notification> markRead(String username, long id);
}
