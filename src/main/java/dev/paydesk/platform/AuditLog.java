package dev.paydesk.platform;

import org.jspecify.annotations.Nullable;

/**
 * The one append-only audit log every state change goes through. Entries are hash-chained: each
 * stores a keyed hash (HMAC-SHA256 under a key the database never holds) of its content and of the
 * previous entry's hash, so an edited or deleted row breaks the chain and nobody without the key can
 * recompute it; signed checkpoints written outside the database catch a chain cut or replaced
 * below them. Entries written before keyed hashing started keep their plain SHA-256 hashes. Call it
 * inside the transaction that makes the change.
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

    /**
     * Walks the chain from the start in one consistent snapshot, checks it against the signed
     * checkpoints, and reports the first broken link.
     */
    AuditVerification verify();
}
