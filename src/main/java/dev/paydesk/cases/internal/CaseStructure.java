package dev.paydesk.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.ExpectedVersion;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.cases.NewCase;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;

/** Changes between cases: escalating to a peer-function child task, parent and child, merging. */
@Component
class CaseStructure {

    private final Cases cases;
    private final CaseStore store;
    private final CaseEditor editor;
    private final CaseOpening opening;
    private final CaseRouter router;
    private final Clock clock;

    CaseStructure(Cases cases, CaseStore store, CaseEditor editor, CaseOpening opening, CaseRouter router, Clock clock) {
        this.cases = cases;
        this.store = store;
        this.editor = editor;
        this.opening = opening;
        this.router = router;
        this.clock = clock;
    }

    CaseSummary escalate(UUID id, ExpectedVersion expected, String peerQueue, String note) {
        Case parent = editor.load(id, expected);
        parent.requireWorkable();
        String queue = opening.requireQueue(peerQueue);
        String peer = router.peerFunction(queue).orElseThrow(() -> new InvalidInputException("queue",
                "'" + queue + "' is not a peer-function queue (tech, risk, finance, product)"));
        CaseSummary p = store.require(id);
        NewCase child = NewCase.builder("[" + peer + "] " + p.subject(), p.market(), CaseSource.ESCALATION).description(note)
                .language(p.language()).priority(p.priority()).category(p.category()).customer(p.customerRef(), null)
                .amount(p.amount()).tags(List.of("escalation")).links(List.of(new CaseLink(LinkKind.CASE, p.key())))
                .queue(queue).build();
        CaseSummary opened = opening.open(child).summary();
        String actor = CurrentUser.actorName();
        editor.edit(opened.id(), ExpectedVersion.LATEST, (c, at) -> c.placeBelow(id, p.key(), actor, at));
        editor.edit(id, ExpectedVersion.of(parent.version()),
                (c, at) -> c.escalated(opened.key(), queue, peer, note, actor, at));
        return store.require(opened.id());
    }

    void setParent(UUID childId, ExpectedVersion expected, UUID parentId) {
        if (childId.equals(parentId)) {
            throw new InvalidInputException("parent", "a case cannot be its own parent");
        }
        CaseSummary parent = store.require(parentId);
        CaseInput.checkMarket(parent);
        if (cases.isBelow(parentId, childId)) {
            CaseSummary child = store.require(childId);
            throw new ConflictException(parent.key() + " is already below " + child.key());
        }
        String actor = CurrentUser.actorName();
        Changes changes = editor.edit(childId, expected, (c, at) -> c.placeBelow(parentId, parent.key(), actor, at));
        if (!changes.isEmpty()) {
            Case p = cases.load(parentId);
            Changes childAdded = p.childAdded(store.require(childId).key(), actor, clock.instant());
            cases.append(childAdded);
        }
    }

    void merge(UUID sourceId, ExpectedVersion expected, UUID targetId) {
        if (sourceId.equals(targetId)) {
            throw new InvalidInputException("target", "a case cannot be merged into itself");
        }
        Case source = editor.load(sourceId, expected);
        Case target = editor.load(targetId, ExpectedVersion.LOADED);
        Instant now = clock.instant();
        Changes changes = source.mergeInto(target, CurrentUser.actorName(), now);
        editor.saveOrFail(source, now);
        editor.saveOrFail(target, now);
        cases.copyConversation(sourceId, source.key(), targetId);
        editor.record(source, changes);
    }
}
