package dev.paydesk.cases;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Bulk clean-up on a filtered selection (e.g. every case of an incident): a dry run lists exactly what
 * will change per case; applying computes the same plan inside its transaction and carries it out
 * through the normal commands, so each change is audited and on the case's timeline.
 */
public interface BulkChanges {

    /** What to change; null or empty fields are left alone. A macro is sent as a reply. */
    record Change(@Nullable String queue, @Nullable String assignee, @Nullable CaseStatus status,
                  @Nullable WaitingReason reason, @Nullable String category, List<String> addTags,
                  List<String> removeTags, @Nullable String macro, @Nullable String note) {

        public Change {
            addTags = addTags == null ? List.of() : List.copyOf(addTags);
            removeTags = removeTags == null ? List.of() : List.copyOf(removeTags);
        }
    }

    record FieldChange(String field, String before, String after) {
    }

    record CasePlan(UUID caseId, String key, List<FieldChange> changes) {
    }

    /** The selection's plan: cases that change, and how many matched but need no change. */
    record Plan(List<CasePlan> cases, int unchanged) {
    }

    /** Most cases one bulk change may touch. */
    int MAX_CASES = 5000;

    Plan preview(CaseQuery selection, Change change);

    Plan apply(CaseQuery selection, Change change);
}
