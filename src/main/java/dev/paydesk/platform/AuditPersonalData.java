package dev.paydesk.platform;

import java.time.Instant;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * Personal values in the audit log. They are stored encrypted under a key per data subject and month
 * (crypto-shredding): the hash chain covers the ciphertext, so destroying keys (erasure, retention)
 * makes the values unreadable for good while {@code audit verify} still passes.
 */
public interface AuditPersonalData {

    /** Destroys (or with {@code dryRun} counts) every key of these subjects; returns how many. */
    int destroySubjectKeys(Collection<String> subjects, boolean dryRun);

    /** Destroys (or counts) the keys of months wholly before {@code cutoff}; returns how many. */
    int destroyKeysBefore(Instant cutoff, boolean dryRun);

    /** A stored before/after value for reading: protected values decrypted, or {@code "[erased]"} once shredded. */
    @Nullable String reveal(@Nullable String stored);

    /**
     * Encrypts the personal values of entries written before this change, once: verifies the chain
     * first, records its old head, rewrites the entries and their hashes, archives the checkpoints
     * of the old chain and appends an audited {@code audit.reanchored} entry. Refused when the chain
     * does not verify. Returns null when already done.
     */
    @Nullable Reanchoring reanchor();

    /** What a re-anchoring did. */
    record Reanchoring(long verifiedEntries, long oldHeadSeq, String oldHeadHash, long rewrittenEntries,
                       String newHeadHash) {
    }
}
