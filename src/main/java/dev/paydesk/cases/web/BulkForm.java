package dev.paydesk.cases.web;

import org.jspecify.annotations.Nullable;

import dev.paydesk.cases.BulkChanges;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.WaitingReason;

/**
 * The change half of the bulk page (the selection is {@link CaseFilters}). {@code newStatus} is a
 * status or {@code WAITING_<reason>}; {@code action} is {@code preview} (the default) or {@code apply}.
 */
record BulkForm(@Nullable String newQueue, @Nullable String newAssignee, @Nullable String newStatus,
                @Nullable String newCategory, @Nullable String addTags, @Nullable String removeTags,
                @Nullable String macro, @Nullable String note, @Nullable String action) {

    boolean apply() {
        return "apply".equals(action);
    }

    BulkChanges.Change change() {
        CaseStatus status = null;
        WaitingReason reason = null;
        if (newStatus != null && !newStatus.isBlank()) {
            if (newStatus.startsWith("WAITING_")) {
                status = CaseStatus.WAITING;
                reason = WaitingReason.valueOf(newStatus.substring(8));
            } else {
                status = CaseStatus.valueOf(newStatus);
            }
        }
        return new BulkChanges.Change(blank(newQueue), newAssignee == null || newAssignee.isEmpty() ? null : newAssignee,
                status, reason, blank(newCategory), CasesUiController.splitTags(addTags),
                CasesUiController.splitTags(removeTags), blank(macro), blank(note));
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
