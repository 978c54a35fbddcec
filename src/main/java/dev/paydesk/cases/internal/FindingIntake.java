package dev.paydesk.cases.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.cases.NewCase;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.reconciliation.FindingOpened;
import dev.paydesk.reconciliation.FindingResolved;

/**
 * Reconciliation findings on the case desk: a finding joins an open case about the same order (or
 * payment), otherwise it opens a case (idempotent per finding) whose category is the finding type,
 * routed by the routing rules (the reconciliation queue unless a rule says otherwise) with a priority
 * by the money at risk. A finding that resolves itself is noted, and a case opened only for it
 * resolves too.
 */
@Component
class FindingIntake {

    static final String QUEUE = "reconciliation";

    private final CaseDesk desk;
    private final MarketCatalog markets;

    FindingIntake(CaseDesk desk, MarketCatalog markets) {
        this.desk = desk;
        this.markets = markets;
    }

    @ApplicationModuleListener
    void on(FindingOpened f) {
        String ref = f.findingId().toString();
        List<CaseSummary> already = desk.linkedTo(LinkKind.FINDING, ref);
        if (already.stream().anyMatch(c -> c.status().isOpen())) {
            return;
        }
        Optional<CaseSummary> joined = JoinableCases.firstOpen(desk, c -> c.source() != CaseSource.FINDING,
                new JoinableCases.Ref(LinkKind.ORDER, f.orderRef()), new JoinableCases.Ref(LinkKind.PAYMENT, f.paymentRef()));
        String what = f.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (joined.isPresent()) {
            desk.link(joined.get().id(), new CaseLink(LinkKind.FINDING, ref));
            desk.addNote(joined.get().id(), "Reconciliation found " + what + " (" + f.amountAtRisk() + " at risk): " + f.summary());
            return;
        }
        if (!already.isEmpty()) {
            CaseSummary previous = already.getFirst();
            desk.changeStatus(previous.id(), CaseStatus.OPEN, null);
            desk.addNote(previous.id(), "The finding came back: " + f.summary());
            return;
        }
        List<CaseLink> links = new ArrayList<>();
        links.add(new CaseLink(LinkKind.FINDING, ref));
        if (f.orderRef() != null) {
            links.add(new CaseLink(LinkKind.ORDER, f.orderRef()));
        }
        if (f.paymentRef() != null) {
            links.add(new CaseLink(LinkKind.PAYMENT, f.paymentRef()));
        }
        String market = JoinableCases.marketFor(markets, f.market());
        String category = "reconciliation." + f.type().name().toLowerCase(Locale.ROOT).replace('_', '-');
        desk.open(new NewCase(capitalise(what) + " · " + f.amountAtRisk() + (f.orderRef() == null ? "" : " · " + f.orderRef()),
                f.summary() + "\nSuggested action: " + f.type().suggestedAction(), market, null,
                JoinableCases.priorityFor(f.amountAtRisk()), category, f.customerRef(), null, f.provider(), f.amountAtRisk(),
                List.of("reconciliation"), links, CaseSource.FINDING, ref, null, null, false, null))
                .summary();
    }

    @ApplicationModuleListener
    void on(FindingResolved f) {
        for (CaseSummary c : desk.linkedTo(LinkKind.FINDING, f.findingId().toString())) {
            desk.addNote(c.id(), "Reconciliation: the finding resolved itself (" + f.resolution() + ")");
            if (c.source() == CaseSource.FINDING && c.status().isOpen()) {
                desk.changeStatus(c.id(), CaseStatus.RESOLVED, null);
            }
        }
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
