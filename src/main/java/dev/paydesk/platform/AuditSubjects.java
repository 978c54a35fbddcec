package dev.paydesk.platform;

import java.util.Optional;

/**
 * Implemented by a module whose audit entries are about a customer: names the data subject (customer
 * reference, else e-mail address) of an entry so the personal values in its before/after states are
 * encrypted under that subject's key and shredded with it on erasure. Entries whose own values name a
 * customer ({@code customerRef}, {@code customerEmail}) need no resolver.
 */
public interface AuditSubjects {

    /** The subject of an entry about {@code entityType}/{@code entityId}, if this module knows it. */
    Optional<String> subjectOf(String entityType, String entityId);
}
