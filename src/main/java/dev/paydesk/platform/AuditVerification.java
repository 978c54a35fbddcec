package dev.paydesk.platform;

import org.jspecify.annotations.Nullable;

/**
 * Result of walking the audit chain.
 *
 * @param intact whether every link checks out
 * @param entriesChecked how many entries were read
 * @param firstBrokenSeq sequence number of the first broken link, if any
 * @param problem what is wrong there, in words
 */
public record AuditVerification(boolean intact, long entriesChecked, @Nullable Long firstBrokenSeq,
                                @Nullable String problem) {

    public static AuditVerification ok(long checked) {
        return new AuditVerification(true, checked, null, null);
    }

    public static AuditVerification broken(long checked, long seq, String problem) {
        return new AuditVerification(false, checked, seq, problem);
    }
}
