package dev.paydesk.cases.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.Priority;
import dev.paydesk.cases.WaitingReason;
import dev.paydesk.shared.Money;

/** The columns of a case: what is fixed at opening, and what {@link Case}'s operations change. */
final class CaseState {

    private CaseState() {
    }

    /** What a case was opened with. */
    record Fixed(UUID id, long number, String subject, String description, String market, String language,
                 CaseSource source, @Nullable String customerRef, @Nullable String customerEmail,
                 @Nullable String provider, @Nullable Money amount, Instant createdAt) {
    }

    /** What changes over a case's life (saved with the version checked). */
    record Mutable(CaseStatus status, @Nullable WaitingReason waitingReason, Priority priority, @Nullable String category,
                   @Nullable String queue, @Nullable String assignee, List<String> tags, @Nullable Instant externalDueAt,
                   @Nullable String externalDueLabel, @Nullable UUID parentId, @Nullable UUID mergedInto,
                   @Nullable Instant resolvedAt) {

        Mutable withStatus(CaseStatus s, @Nullable WaitingReason reason, @Nullable Instant resolved) {
            return new Mutable(s, reason, priority, category, queue, assignee, tags, externalDueAt, externalDueLabel,
                    parentId, mergedInto, resolved);
        }

        Mutable withAssignment(@Nullable String q, @Nullable String a) {
            return new Mutable(status, waitingReason, priority, category, q, a, tags, externalDueAt, externalDueLabel,
                    parentId, mergedInto, resolvedAt);
        }

        Mutable withCategory(String c) {
            return new Mutable(status, waitingReason, priority, c, queue, assignee, tags, externalDueAt, externalDueLabel,
                    parentId, mergedInto, resolvedAt);
        }

        Mutable withPriority(Priority p) {
            return new Mutable(status, waitingReason, p, category, queue, assignee, tags, externalDueAt, externalDueLabel,
                    parentId, mergedInto, resolvedAt);
        }

        Mutable withTags(List<String> t) {
            return new Mutable(status, waitingReason, priority, category, queue, assignee, t, externalDueAt, externalDueLabel,
                    parentId, mergedInto, resolvedAt);
        }

        Mutable withExternalDeadline(@Nullable Instant due, @Nullable String label) {
            return new Mutable(status, waitingReason, priority, category, queue, assignee, tags, due, label,
                    parentId, mergedInto, resolvedAt);
        }

        Mutable withParent(UUID parent) {
            return new Mutable(status, waitingReason, priority, category, queue, assignee, tags, externalDueAt,
                    externalDueLabel, parent, mergedInto, resolvedAt);
        }

        Mutable withMergedInto(UUID target) {
            return new Mutable(status, waitingReason, priority, category, queue, assignee, tags, externalDueAt,
                    externalDueLabel, parentId, target, resolvedAt);
        }
    }
}
