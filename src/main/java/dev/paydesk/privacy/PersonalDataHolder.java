package dev.paydesk.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Implemented by every module that holds personal data about customers, so data-subject requests and
 * retention reach all of it without this module knowing the others' tables. Implementations work in
 * the caller's transaction; with {@code dryRun} they count and change nothing. Erasure and retention
 * remove or pseudonymise personal values and leave amounts, states, timestamps and row counts intact.
 */
public interface PersonalDataHolder {

    /** A short name for reports, e.g. {@code cases}. */
    String name();

    /** The identities this module's records link to the subject's (a case links a reference to an address). */
    default DataSubject linked(DataSubject subject) {
        return subject;
    }

    /** Everything this module holds about the subject. */
    Exported export(DataSubject subject);

    /** What in this module forbids erasing the subject now. */
    default List<LegalHold> holds(DataSubject subject) {
        return List.of();
    }

    /** Removes or pseudonymises the subject's personal data; identities become {@code pseudonym}. */
    List<Touched> erase(DataSubject subject, String pseudonym, boolean dryRun);

    /** Removes or pseudonymises data of the given kinds older than their cutoff. */
    default List<Touched> applyRetention(Map<DataKind, Instant> cutoffs, boolean dryRun) {
        return List.of();
    }
}
