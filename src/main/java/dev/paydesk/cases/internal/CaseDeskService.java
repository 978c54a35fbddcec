package dev.paydesk.cases.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseDetail;
import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.CaseQuery;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.ExpectedVersion;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.cases.NewCase;
import dev.paydesk.cases.Priority;
import dev.paydesk.cases.TimelineEntry;
import dev.paydesk.cases.WaitingReason;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.PanRedactor;

/**
 * The case desk's commands and queries: each command one transaction that loads the {@link Case},
 * calls it and saves it through {@link CaseEditor}; no SQL and no status rules here.
 */
@Service
class CaseDeskService implements CaseDesk {

    private final CaseStore store;
    private final Cases cases;
    private final CaseEditor editor;
    private final CaseOpening opening;
    private final CaseStructure structure;
    private final CaseRouter router;
    private final CaseClocks clocks;
    private final CaseSearch search;
    private final OutboundMail mail;
    private final LinkScope linkScope;

    CaseDeskService(CaseStore store, Cases cases, CaseEditor editor, CaseOpening opening, CaseStructure structure,
                    CaseRouter router, CaseClocks clocks, CaseSearch search, OutboundMail mail, LinkScope linkScope) {
        this.store = store;
        this.cases = cases;
        this.editor = editor;
        this.opening = opening;
        this.structure = structure;
        this.router = router;
        this.clocks = clocks;
        this.search = search;
        this.mail = mail;
        this.linkScope = linkScope;
    }

    @Override
    @Transactional
    public Opened open(NewCase n) {
        return opening.open(n);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CaseDetail> find(String keyOrId) {
        return store.idByKey(keyOrId).flatMap(store::withDetails).filter(r -> CaseInput.canSee(r.summary().market()))
                .map(this::detail);
    }

    @Override
    @Transactional(readOnly = true)
    public CaseDetail get(UUID id) {
        CaseStore.Row row = store.withDetails(id).orElseThrow(() -> new dev.paydesk.shared.NotFoundException("case " + id + " not found"));
        CaseInput.checkMarket(row.summary());
        return detail(row);
    }

    /** The case page's data: the clocks from the timeline read for the page, not from a query of their own. */
    private CaseDetail detail(CaseStore.Row row) {
        CaseSummary c = row.summary();
        CaseStore.Details d = row.details();
        UUID id = c.id();
        List<TimelineEntry> timeline = store.timeline(id);
        return new CaseDetail(c, d.description(), d.customerEmail(), d.provider(), store.links(id),
                clocks.compute(c, d, CaseClocks.facts(timeline)), timeline,
                d.parentId() == null ? null : store.summary(d.parentId()).orElse(null), store.children(id),
                d.mergedInto() == null ? null : store.summary(d.mergedInto()).map(CaseSummary::key).orElse(null));
    }

    @Override
    public Optional<UUID> resolve(String keyOrId) {
        return store.idByKey(keyOrId).filter(id -> CaseInput.canSee(store.require(id).market()));
    }

    @Override
    public List<CaseSummary> list(CaseQuery query) {
        return search.list(query);
    }

    @Override
    public long count(CaseQuery query) {
        return search.count(query);
    }

    @Override
    public long countUpTo(CaseQuery query, int cap) {
        return search.countUpTo(query, cap);
    }

    @Override
    @Transactional
    public void reply(UUID id, ExpectedVersion expected, String body, @Nullable CaseStatus thenStatus,
                      @Nullable WaitingReason thenReason) {
        String text = PanRedactor.redact(CaseInput.required("body", body, 100_000));
        String actor = CurrentUser.actorName();
        editor.edit(id, expected, (c, at) -> c.reply(text, thenStatus, thenReason, actor, at),
                changes -> changes.mapEntries(e -> e.kind() == dev.paydesk.cases.EntryKind.MESSAGE_OUT
                        ? e.delivered(mail.send(store.require(id), store.details(id).customerEmail(), text).orElse(null)) : e));
    }

    @Override
    @Transactional
    public void addNote(UUID id, ExpectedVersion expected, String body) {
        String text = PanRedactor.redact(CaseInput.required("body", body, 100_000));
        String actor = CurrentUser.actorName();
        editor.edit(id, expected.commuting(), (c, at) -> c.addNote(text, actor, at));
    }

    @Override
    @Transactional
    public void receiveMessage(UUID id, String from, String body, @Nullable String messageId) {
        if (messageId != null && store.messageKnown(messageId)) {
            return;
        }
        String text = PanRedactor.redact(Objects.requireNonNullElse(body, ""));
        editor.edit(id, ExpectedVersion.LATEST, (c, at) -> c.receiveMessage(from, text, messageId, at));
    }

    @Override
    @Transactional
    public void changeStatus(UUID id, ExpectedVersion expected, CaseStatus status, @Nullable WaitingReason reason) {
        String actor = CurrentUser.actorName();
        editor.edit(id, expected, (c, at) -> c.changeStatus(status, reason, actor, at));
    }

    @Override
    @Transactional
    public void assign(UUID id, ExpectedVersion expected, @Nullable String queue, @Nullable String assignee) {
        String newQueue = queue == null || queue.isBlank() ? null : opening.requireQueue(queue);
        String newAssignee = CaseInput.blankToNull(assignee);
        String actor = CurrentUser.actorName();
        editor.edit(id, expected, (c, at) -> c.assign(newQueue != null ? newQueue : c.state().queue(), newAssignee,
                actor, null, at));
    }

    @Override
    @Transactional
    public CaseSummary reroute(UUID id) {
        String actor = CurrentUser.actorName();
        editor.edit(id, ExpectedVersion.LATEST, (c, at) -> {
            CaseState.Mutable s = c.state();
            if (!s.status().isOpen()) {
                return Changes.NONE;
            }
            CaseRouter.Route route = router.route(s.category(), c.market(), c.fixed().language(), c.fixed().provider(),
                    c.fixed().amount());
            String assignee = s.assignee() != null && route.queue().equals(s.queue()) ? s.assignee()
                    : router.assign(route.queue(), c.fixed().language(), c.fixed().provider()).orElse(null);
            return c.assign(route.queue(), assignee, actor, route.reason(), at);
        });
        return store.require(id);
    }

    @Override
    @Transactional
    public void categorise(UUID id, ExpectedVersion expected, String category, boolean byAgent) {
        String code = CaseInput.required("category", category, 100);
        String actor = CurrentUser.actorName();
        editor.edit(id, expected, (c, at) -> c.categorise(code, byAgent, actor, at));
    }

    @Override
    @Transactional
    public void setPriority(UUID id, ExpectedVersion expected, Priority priority) {
        String actor = CurrentUser.actorName();
        editor.edit(id, expected, (c, at) -> c.setPriority(priority, actor, at));
    }

    @Override
    @Transactional
    public void setTags(UUID id, ExpectedVersion expected, List<String> tags) {
        List<String> normalised = CaseInput.normaliseTags(tags);
        String actor = CurrentUser.actorName();
        editor.edit(id, expected, (c, at) -> c.setTags(normalised, actor, at));
    }

    @Override
    @Transactional
    public void saveDetails(UUID id, ExpectedVersion expected, @Nullable String category, Priority priority,
                            List<String> tags) {
        String code = category == null || category.isBlank() ? null : CaseInput.required("category", category, 100);
        List<String> normalised = CaseInput.normaliseTags(tags);
        String actor = CurrentUser.actorName();
        editor.edit(id, expected, (c, at) -> (code == null ? Changes.NONE : c.categorise(code, true, actor, at))
                .and(c.setPriority(priority, actor, at)).and(c.setTags(normalised, actor, at)));
    }

    @Override
    @Transactional
    public void link(UUID id, ExpectedVersion expected, CaseLink link) {
        linkScope.requireLinkable(link);
        String actor = CurrentUser.actorName();
        editor.edit(id, expected, (c, at) -> c.link(link, actor, at));
    }

    @Override
    @Transactional
    public void setExternalDeadline(UUID id, @Nullable Instant dueAt, @Nullable String label) {
        String actor = CurrentUser.actorName();
        editor.edit(id, ExpectedVersion.LATEST, (c, at) -> c.setExternalDeadline(dueAt, label, actor, at));
    }

    @Override
    public List<CaseSummary> linkedTo(LinkKind kind, String ref) {
        return store.linkedTo(kind, ref).stream().filter(c -> CaseInput.canSee(c.market())).toList();
    }

    @Override
    @Transactional
    public CaseSummary escalate(UUID id, ExpectedVersion expected, String peerQueue, String note) {
        return structure.escalate(id, expected, peerQueue, note);
    }

    @Override
    @Transactional
    public void setParent(UUID child, ExpectedVersion expected, UUID parent) {
        structure.setParent(child, expected, parent);
    }

    @Override
    @Transactional
    public void merge(UUID source, ExpectedVersion expected, UUID target) {
        structure.merge(source, expected, target);
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> changesSince(UUID id, int version) {
        CaseInput.checkMarket(store.require(id));
        return cases.since(id, version);
    }

    /*
     * The system writers' forms (CaseDesk's default methods) overridden here so that they run in a
     * transaction: a default method called through the proxy would call the versioned form on the
     * target itself, outside any transaction, and the module's events would never reach their listeners.
     */

    @Override
    @Transactional
    public void reply(UUID id, String body, @Nullable CaseStatus thenStatus, @Nullable WaitingReason thenReason) {
        reply(id, ExpectedVersion.LATEST, body, thenStatus, thenReason);
    }

    @Override
    @Transactional
    public void addNote(UUID id, String body) {
        addNote(id, ExpectedVersion.LATEST, body);
    }

    @Override
    @Transactional
    public void changeStatus(UUID id, CaseStatus status, @Nullable WaitingReason reason) {
        changeStatus(id, ExpectedVersion.LATEST, status, reason);
    }

    @Override
    @Transactional
    public void assign(UUID id, @Nullable String queue, @Nullable String assignee) {
        assign(id, ExpectedVersion.LATEST, queue, assignee);
    }

    @Override
    @Transactional
    public void categorise(UUID id, String category, boolean byAgent) {
        categorise(id, ExpectedVersion.LATEST, category, byAgent);
    }

    @Override
    @Transactional
    public void setPriority(UUID id, Priority priority) {
        setPriority(id, ExpectedVersion.LATEST, priority);
    }

    @Override
    @Transactional
    public void setTags(UUID id, List<String> tags) {
        setTags(id, ExpectedVersion.LATEST, tags);
    }

    @Override
    @Transactional
    public void link(UUID id, CaseLink link) {
        link(id, ExpectedVersion.LATEST, link);
    }

    @Override
    @Transactional
    public CaseSummary escalate(UUID id, String peerQueue, String note) {
        return escalate(id, ExpectedVersion.LATEST, peerQueue, note);
    }

    @Override
    @Transactional
    public void setParent(UUID child, UUID parent) {
        setParent(child, ExpectedVersion.LATEST, parent);
    }

    @Override
    @Transactional
    public void merge(UUID source, UUID target) {
        merge(source, ExpectedVersion.LATEST, target);
    }
}
