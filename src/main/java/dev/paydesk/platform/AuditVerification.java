package dev.paydesk.platform;

import org.jspecify.annotations.Nullable;

/**
 * Result of walking the audit chain.
 *
 * @param intact whether every link checks out
 * @param entriesChecked how many entries were read
 * @param firstBrokenSeq sequence number of the first broken link, if any
 * @param problem what is wrong there, in words
 * @param checkpointsChecked how many signed checkpoints (kept outside the database) the chain matched
 */
public record AuditVerification(boolean intact, long entriesChecked, @Nullable Long firstBrokenSeq,
                                @Nullable String problem, int checkpointsChecked) {

    public static AuditVerification ok(long checked, int checkpoints) {
        return new AuditVerification(true, checked, null, null, checkpoints);
    }

    public static AuditVerification broken(long checked, long seq, String problem) {
        return new AuditVerification(false, checked, seq, problem, 0);
    }
}
