package dev.paydesk.cases.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.cases.BulkChanges;
import dev.paydesk.cases.CaseQuery;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.shared.InvalidInputException;

/** Dry run and application of a bulk change; both come from the same planning function. */
@Service
class BulkChangeService implements BulkChanges {

    private final CaseDeskService desk;
    private final CaseWorkbench workbench;
    private final CaseRouter router;
    private final AuditLog audit;

    BulkChangeService(CaseDeskService desk, CaseWorkbench workbench, CaseRouter router, AuditLog audit) {
        this.desk = desk;
        this.workbench = workbench;
        this.router = router;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public Plan preview(CaseQuery selection, Change change) {
        return plan(selection, change);
    }

    @Override
    @Transactional
    public Plan apply(CaseQuery selection, Change change) {
        Plan plan = plan(selection, change);
        for (CasePlan p : plan.cases()) {
            for (FieldChange f : p.changes()) {
                switch (f.field()) {
                    case "queue", "assignee" -> { }
                    case "status" -> desk.changeStatus(p.caseId(), change.status(), change.reason());
                    case "category" -> desk.categorise(p.caseId(), f.after(), true);
                    case "tags" -> desk.setTags(p.caseId(), List.of(f.after().isEmpty() ? new String[0] : f.after().split(",")));
                    case "reply" -> desk.reply(p.caseId(), workbench.renderMacro(p.caseId(), change.macro()), null, null);
                    case "note" -> desk.addNote(p.caseId(), change.note());
                    default -> throw new IllegalStateException("unplanned field " + f.field());
                }
            }
            if (p.changes().stream().anyMatch(f -> f.field().equals("queue") || f.field().equals("assignee"))) {
                CaseSummary now = desk.get(p.caseId()).summary();
                desk.assign(p.caseId(), change.queue() != null && !change.queue().isBlank() ? change.queue() : now.queue(),
                        assigneeAfter(change, now));
            }
        }
        audit.record("case.bulk-change", "case_bulk", Integer.toString(plan.cases().size()), null, null,
                java.util.Map.of("cases", plan.cases().stream().map(CasePlan::key).toList(), "change", change));
        return plan;
    }

    private Plan plan(CaseQuery selection, Change change) {
        validate(change);
        CaseQuery all = new CaseQuery(selection.view(), selection.text(), selection.statuses(), selection.market(),
                selection.queue(), selection.assignee(), selection.category(), selection.priority(), selection.tag(),
                500, 0);
        List<CaseSummary> matched = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            List<CaseSummary> page = desk.list(new CaseQuery(all.view(), all.text(), all.statuses(), all.market(), all.queue(),
                    all.assignee(), all.category(), all.priority(), all.tag(), 500, offset));
            matched.addAll(page);
            if (matched.size() > MAX_CASES) {
                throw new InvalidInputException("selection", "the selection holds more than " + MAX_CASES
                        + " cases; narrow the filter");
            }
            if (page.size() < 500) {
                break;
            }
        }
        List<CasePlan> plans = new ArrayList<>();
        int unchanged = 0;
        for (CaseSummary c : matched) {
            List<FieldChange> changes = new ArrayList<>();
            if (change.queue() != null && !change.queue().isBlank() && !change.queue().equals(c.queue())) {
                changes.add(new FieldChange("queue", nz(c.queue()), change.queue()));
            }
            String assignee = assigneeAfter(change, c);
            if (!Objects.equals(assignee, c.assignee())) {
                changes.add(new FieldChange("assignee", nz(c.assignee()), nz(assignee)));
            }
            if (change.status() != null && (change.status() != c.status() || !Objects.equals(change.reason(), c.waitingReason()))
                    && (change.status() == c.status() || c.status().canMoveTo(change.status()))) {
                changes.add(new FieldChange("status", c.status() + (c.waitingReason() == null ? "" : "/" + c.waitingReason()),
                        change.status() + (change.reason() == null ? "" : "/" + change.reason())));
            }
            if (change.category() != null && !change.category().isBlank() && !change.category().equals(c.category())) {
                changes.add(new FieldChange("category", nz(c.category()), change.category()));
            }
            Set<String> tags = new LinkedHashSet<>(c.tags());
            tags.addAll(CaseInput.normaliseTags(change.addTags()));
            CaseInput.normaliseTags(change.removeTags()).forEach(tags::remove);
            if (!new ArrayList<>(tags).equals(c.tags())) {
                changes.add(new FieldChange("tags", String.join(",", c.tags()), String.join(",", tags)));
            }
            if (change.macro() != null && !change.macro().isBlank()) {
                changes.add(new FieldChange("reply", "", "macro " + change.macro()));
            }
            if (change.note() != null && !change.note().isBlank()) {
                changes.add(new FieldChange("note", "", change.note().strip()));
            }
            if (changes.isEmpty()) {
                unchanged++;
            } else {
                plans.add(new CasePlan(c.id(), c.key(), List.copyOf(changes)));
            }
        }
        return new Plan(plans, unchanged);
    }

    private static @Nullable String assigneeAfter(Change change, CaseSummary c) {
        if (change.assignee() == null) {
            return c.assignee();
        }
        return change.assignee().isBlank() || change.assignee().equals("-") ? null : change.assignee().strip();
    }

    private void validate(Change change) {
        if (change.status() != null && change.status().needsReason() && change.reason() == null) {
            throw new InvalidInputException("reason", "waiting needs a reason");
        }
        if (change.status() != null && Arrays.stream(CaseStatus.values()).noneMatch(s -> s.canMoveTo(change.status()))) {
            throw new InvalidInputException("status", "no case can move to " + change.status());
        }
        if (change.queue() != null && !change.queue().isBlank() && !router.queueExists(change.queue())) {
            throw new InvalidInputException("queue", "unknown queue '" + change.queue() + "'");
        }
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
