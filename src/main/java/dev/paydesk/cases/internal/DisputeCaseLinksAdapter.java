package dev.paydesk.cases.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.disputes.DisputeCaseLinks;

/** Tells the dispute page which cases (of the user's markets) work its dispute. */
@Component
class DisputeCaseLinksAdapter implements DisputeCaseLinks {

    private final CaseDesk desk;

    DisputeCaseLinksAdapter(CaseDesk desk) {
        this.desk = desk;
    }

    @Override
    public List<CaseRef> casesOf(UUID disputeId) {
        return desk.linkedTo(LinkKind.DISPUTE, disputeId.toString()).stream()
                .map(c -> new CaseRef(c.key(), "/cases/" + c.key())).toList();
    }
}
