package dev.paydesk.platform;

import org.jspecify.annotations.Nullable;

/**
 * The one append-only audit log every state change goes through. Entries are hash-chained: each
 * stores the SHA-256 of its content and of the previous entry, so an edited or deleted row breaks
 * the chain. Call it inside the transaction that makes the change.
 */
public interface AuditLog {

    /**
     * Records a change by the current user (or {@code system} outside a request).
     *
     * @param action what happened, e.g. {@code user.created}
     * @param entityType the kind of thing changed, e.g. {@code user}
     * @param entityId its id
     * @param market the market it belongs to, if any
     * @param before its state before (null when created); serialised as JSON
     * @param after its state after (null when deleted); serialised as JSON
     */
    void record(String action, String entityType, String entityId, @Nullable String market,
                @Nullable Object before, @Nullable Object after);

    /** Walks the chain from the start and reports the first broken link. */
    AuditVerification verify();
}
