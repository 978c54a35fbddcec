package dev.paydesk.cases.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.cases.CaseCategorised;
import dev.paydesk.cases.CaseCreated;
import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.EntryKind;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.cases.Priority;
import dev.paydesk.cases.WaitingReason;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;

/**
 * A case and its rules: every change to a case's own state goes through one of these operations,
 * which checks the move, applies it and returns what changed ({@link Changes}: timeline entries,
 * audit records, events). {@link Cases} loads and saves it with its version checked.
 */
final class Case {

    private final CaseState.Fixed fixed;
    private CaseState.Mutable state;
    private int version;
    private final Set<CaseLink> links;
    private final List<CaseLink> addedLinks = new ArrayList<>();

    Case(CaseState.Fixed fixed, CaseState.Mutable state, int version, Set<CaseLink> links) {
        this.fixed = fixed;
        this.state = state;
        this.version = version;
        this.links = new LinkedHashSet<>(links);
    }

    UUID id() {
        return fixed.id();
    }

    String key() {
        return CaseStore.key(fixed.number());
    }

    String market() {
        return fixed.market();
    }

    CaseState.Fixed fixed() {
        return fixed;
    }

    CaseState.Mutable state() {
        return state;
    }

    int version() {
        return version;
    }

    List<CaseLink> links() {
        return List.copyOf(links);
    }

    /** Links added since load (the repository inserts them on save). */
    List<CaseLink> addedLinks() {
        return List.copyOf(addedLinks);
    }

    /** After a successful save: the version the row now has. */
    void saved() {
        version++;
        addedLinks.clear();
    }

    boolean isMerged() {
        return state.mergedInto() != null;
    }

    /** A merged case is closed for good: work goes to the case it was merged into. */
    void requireWorkable() {
        if (state.status() == CaseStatus.CLOSED && isMerged()) {
            throw new ConflictException(key() + " was merged into another case; work on that one");
        }
    }

    // ---- opening -------------------------------------------------------------------------------

    /** The entries of a newly inserted case: created (with how it was routed) and the routing's assignment. */
    Changes opened(String actor, String routedBy, Instant at) {
        return opened(actor, routedBy, at, List.copyOf(links));
    }

    /**
     * As {@link #opened(String, String, Instant)}, with the links in the order the intake gave them: the
     * event's {@code paymentRef} is the first payment or order reference of that order (a dispute's payment,
     * a finding's order), as before the aggregate; links load sorted by kind, which would always say the order.
     */
    Changes opened(String actor, String routedBy, Instant at, List<CaseLink> intakeLinks) {
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("source", fixed.source().name());
        created.put("queue", state.queue());
        created.put("routedBy", routedBy);
        created.put("priority", state.priority().name());
        Changes c = entry(EntryKind.CREATED, at, actor, null, created, created)
                .and(audit("case.created", null, created));
        if (state.assignee() != null) {
            c = c.and(entry(EntryKind.ASSIGNED, at, "routing", null,
                    data("queue", state.queue(), "assignee", state.assignee()), null));
        }
        String paymentRef = intakeLinks.stream().filter(l -> l.kind() == LinkKind.PAYMENT || l.kind() == LinkKind.ORDER)
                .map(CaseLink::ref).findFirst().orElse(null);
        return c.withEvent(new CaseCreated(id(), key(), market(), fixed.language(), fixed.subject(), fixed.description(),
                state.category(), fixed.customerRef(), paymentRef, fixed.provider(), fixed.source(), at));
    }

    // ---- conversation --------------------------------------------------------------------------

    /**
     * A reply to the customer; answering a new case opens it, and the reply may move the case on
     * (e.g. to waiting for the customer). The entry's delivery is filled in once sent.
     */
    Changes reply(String text, @Nullable CaseStatus then, @Nullable WaitingReason thenReason, String actor, Instant at) {
        requireWorkable();
        Map<String, Object> data = new LinkedHashMap<>();
        if (fixed.customerEmail() != null) {
            data.put("to", fixed.customerEmail());
        }
        Changes c = entry(EntryKind.MESSAGE_OUT, at, actor, text, data, data)
                .and(audit("case.replied", null, Map.of("length", text.length())));
        if (state.status() == CaseStatus.NEW) {
            c = c.and(moveTo(CaseStatus.OPEN, null, actor, at));
        }
        if (then != null) {
            c = c.and(changeStatus(then, thenReason, actor, at));
        }
        return c;
    }

    /** A customer message: a waiting, resolved or closed case opens again. */
    Changes receiveMessage(String from, String text, @Nullable String messageId, Instant at) {
        Changes c = new Changes(List.of(new Changes.Entry(id(), EntryKind.MESSAGE_IN, at, from, text, Map.of("from", from),
                messageId, Map.of("from", from))), List.of(), List.of())
                .and(audit("case.message-received", null, Map.of("from", from)));
        if (!state.status().isOpen() || state.status() == CaseStatus.WAITING) {
            c = c.and(moveTo(CaseStatus.OPEN, null, from, at));
        }
        return c;
    }

    Changes addNote(String text, String actor, Instant at) {
        requireWorkable();
        return entry(EntryKind.NOTE, at, actor, text, Map.of(), Map.of())
                .and(audit("case.note-added", null, Map.of("length", text.length())));
    }

    // ---- status --------------------------------------------------------------------------------

    /** A move by the transition table of {@link CaseStatus}; waiting needs a reason; nothing when already there. */
    Changes changeStatus(CaseStatus target, @Nullable WaitingReason reason, String actor, Instant at) {
        requireWorkable();
        if (target.needsReason() && reason == null) {
            throw new InvalidInputException("reason", "a waiting case needs a reason: CUSTOMER, PROVIDER or INTERNAL");
        }
        WaitingReason r = target.needsReason() ? reason : null;
        if (state.status() == target && Objects.equals(state.waitingReason(), r)) {
            return Changes.NONE;
        }
        if (state.status() != target && !state.status().canMoveTo(target)) {
            throw new ConflictException("a " + state.status() + " case cannot move to " + target
                    + " (it can move to " + state.status().next() + ")");
        }
        return moveTo(target, r, actor, at);
    }

    private Changes moveTo(CaseStatus target, @Nullable WaitingReason reason, String actor, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", target.name());
        if (reason != null) {
            data.put("reason", reason.name());
        }
        data.put("from", state.status().name());
        CaseStatus before = state.status();
        state = state.withStatus(target, reason, target.isOpen() ? null : at);
        return entry(EntryKind.STATUS, at, actor, null, data, data)
                .and(audit("case.status-changed", Map.of("status", before.name()), data));
    }

    // ---- routing and details -------------------------------------------------------------------

    /** A new queue and assignee; {@code routedBy} names the routing rule when routing chose them (null: a person did). */
    Changes assign(String queue, @Nullable String assignee, String actor, @Nullable String routedBy, Instant at) {
        requireWorkable();
        if (Objects.equals(queue, state.queue()) && Objects.equals(assignee, state.assignee())) {
            return Changes.NONE;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("queue", queue);
        data.put("assignee", assignee == null ? "" : assignee);
        Map<String, Object> before = new LinkedHashMap<>();
        if (routedBy != null) {
            data.put("routedBy", routedBy);
            before.put("queue", String.valueOf(state.queue()));
        } else {
            before.put("queue", state.queue());
            before.put("assignee", state.assignee());
        }
        state = state.withAssignment(queue, assignee);
        return entry(EntryKind.ASSIGNED, at, routedBy != null ? "routing" : actor, null, data, data)
                .and(audit(routedBy != null ? "case.rerouted" : "case.assigned", before, data));
    }

    /** Sets the category; a person's choice is published for triage to learn from. */
    Changes categorise(String code, boolean byAgent, String actor, Instant at) {
        if (byAgent) {
            requireWorkable();
        }
        if (code.equals(state.category())) {
            return Changes.NONE;
        }
        String previous = state.category();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("category", code);
        data.put("previous", previous == null ? "" : previous);
        data.put("by", byAgent ? "agent" : "classifier");
        state = state.withCategory(code);
        Changes c = entry(EntryKind.CATEGORY, at, actor, null, data, data)
                .and(audit("case.categorised", previous == null ? null : Map.of("category", previous), data));
        return byAgent ? c.withEvent(new CaseCategorised(id(), key(), fixed.subject() + "\n" + fixed.description(),
                fixed.language(), previous, code, actor, at)) : c;
    }

    Changes setPriority(Priority priority, String actor, Instant at) {
        requireWorkable();
        if (state.priority() == priority) {
            return Changes.NONE;
        }
        Priority before = state.priority();
        state = state.withPriority(priority);
        return entry(EntryKind.PRIORITY, at, actor, null, data("priority", priority.name(), "previous", before.name()),
                Map.of("priority", priority.name()))
                .and(audit("case.priority-changed", Map.of("priority", before.name()), Map.of("priority", priority.name())));
    }

    /** Sets the tags (already normalised by {@link CaseInput#normaliseTags}). */
    Changes setTags(List<String> tags, String actor, Instant at) {
        requireWorkable();
        if (tags.equals(state.tags())) {
            return Changes.NONE;
        }
        List<String> before = state.tags();
        state = state.withTags(List.copyOf(tags));
        return entry(EntryKind.TAGS, at, actor, null, Map.of("tags", tags), Map.of("tags", tags))
                .and(audit("case.tags-changed", Map.of("tags", before), Map.of("tags", tags)));
    }

    Changes link(CaseLink link, String actor, Instant at) {
        if (!links.add(link)) {
            return Changes.NONE;
        }
        addedLinks.add(link);
        Map<String, Object> data = data("kind", link.kind().name(), "ref", link.ref());
        return entry(EntryKind.LINKED, at, actor, null, data, data).and(audit("case.linked", null, data));
    }

    /** Sets or clears an external deadline (a dispute's respond-by date, the PSD2 reply date). */
    Changes setExternalDeadline(@Nullable Instant dueAt, @Nullable String label, String actor, Instant at) {
        if (Objects.equals(state.externalDueAt(), dueAt) && Objects.equals(state.externalDueLabel(), label)) {
            return Changes.NONE;
        }
        Map<String, Object> data = data("dueAt", dueAt == null ? "" : dueAt.toString(), "label", label == null ? "" : label);
        Map<String, Object> before = Map.of("dueAt", state.externalDueAt() == null ? "" : state.externalDueAt().toString());
        state = state.withExternalDeadline(dueAt, label);
        return entry(EntryKind.DEADLINE, at, actor, null, data, data).and(audit("case.deadline-changed", before, data));
    }

    // ---- structure -----------------------------------------------------------------------------

    /** Records that a child task was opened for a peer function. */
    Changes escalated(String childKey, String queue, String function, String note, String actor, Instant at) {
        requireWorkable();
        return entry(EntryKind.ESCALATED, at, actor, note, data("child", childKey, "queue", queue, "function", function),
                Map.of("child", childKey))
                .and(audit("case.escalated", null, Map.of("child", childKey, "queue", queue)));
    }

    /** Puts this case below {@code parent} (the caller checked that this makes no cycle). */
    Changes placeBelow(UUID parentId, String parentKey, String actor, Instant at) {
        requireWorkable();
        if (parentId.equals(id())) {
            throw new InvalidInputException("parent", "a case cannot be its own parent");
        }
        state = state.withParent(parentId);
        return entry(EntryKind.PARENT, at, actor, null, Map.of("parent", parentKey), null)
                .and(audit("case.parent-set", null, Map.of("parent", parentKey)));
    }

    /** The parent's side of {@link #placeBelow}: an entry only, its state does not change. */
    Changes childAdded(String childKey, String actor, Instant at) {
        return entry(EntryKind.CHILD, at, actor, null, Map.of("child", childKey), null);
    }

    /** Closes this case as merged into {@code target}, which takes over its links. */
    Changes mergeInto(Case target, String actor, Instant at) {
        if (target.id().equals(id())) {
            throw new InvalidInputException("target", "a case cannot be merged into itself");
        }
        requireWorkable();
        target.requireWorkable();
        if (target.state.status() == CaseStatus.CLOSED) {
            throw new ConflictException(target.key() + " is closed; reopen it before merging into it");
        }
        for (CaseLink l : links) {
            target.addLinkQuietly(l);
        }
        target.addLinkQuietly(new CaseLink(LinkKind.CASE, key()));
        state = state.withMergedInto(target.id());
        Changes c = state.status() == CaseStatus.CLOSED ? Changes.NONE : moveTo(CaseStatus.CLOSED, null, actor, at);
        return c.and(entry(EntryKind.MERGED, at, actor, null, Map.of("into", target.key()), null))
                .and(target.entry(EntryKind.MERGED, at, actor, null, Map.of("from", key()), null))
                .and(audit("case.merged", null, Map.of("into", target.key())));
    }

    private void addLinkQuietly(CaseLink link) {
        if (links.add(link)) {
            addedLinks.add(link);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Changes entry(EntryKind kind, Instant at, String author, @Nullable String body, Map<String, Object> data,
                          @Nullable Map<String, Object> published) {
        return new Changes(List.of(new Changes.Entry(id(), kind, at, author, body, data, null, published)), List.of(),
                List.of());
    }

    private Changes audit(String action, @Nullable Map<String, ?> before, Map<String, ?> after) {
        return new Changes(List.of(), List.of(new Changes.Audit(action, key(), market(), before, after)), List.of());
    }

    private static Map<String, Object> data(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
