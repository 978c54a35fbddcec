package dev.paydesk.cases.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.cases.NewCase;
import dev.paydesk.disputes.DisputeClosed;
import dev.paydesk.disputes.DisputeDeadlineChanged;
import dev.paydesk.disputes.DisputeOpened;
import dev.paydesk.platform.MarketCatalog;

/**
 * Every dispute opens or joins a case in the dispute queue carrying the respond-by date as an
 * external-deadline clock: an open case already about the same order or payment is joined, otherwise
 * a new case opens (idempotent per dispute). Deadline changes move the clock; a closed dispute is
 * noted, and a case opened for it is resolved.
 */
@Component
class DisputeIntake {

    static final String QUEUE = "disputes";

    private final CaseDesk desk;
    private final MarketCatalog markets;

    DisputeIntake(CaseDesk desk, MarketCatalog markets) {
        this.desk = desk;
        this.markets = markets;
    }

    @ApplicationModuleListener
    void on(DisputeOpened d) {
        String ref = d.disputeId().toString();
        if (!desk.linkedTo(LinkKind.DISPUTE, ref).isEmpty()) {
            return;
        }
        String label = label(d.stage().name());
        Optional<CaseSummary> joined = JoinableCases.firstOpen(desk, c -> true,
                new JoinableCases.Ref(LinkKind.PAYMENT, d.paymentRef()), new JoinableCases.Ref(LinkKind.ORDER, d.orderRef()));
        if (joined.isPresent()) {
            UUID id = joined.get().id();
            desk.link(id, new CaseLink(LinkKind.DISPUTE, ref));
            desk.setExternalDeadline(id, d.respondBy(), label);
            desk.addNote(id, "A " + d.provider() + " dispute (" + d.reasonCategory().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + ", " + d.amount() + ") arrived for this payment; respond by " + d.respondBy() + ".");
            return;
        }
        List<CaseLink> links = new ArrayList<>();
        links.add(new CaseLink(LinkKind.DISPUTE, ref));
        // references too long for a case stay with the dispute, so a dispute never fails its listener
        if (NewCase.refOrNull(d.paymentRef()) != null) {
            links.add(new CaseLink(LinkKind.PAYMENT, d.paymentRef()));
        }
        if (NewCase.refOrNull(d.orderRef()) != null) {
            links.add(new CaseLink(LinkKind.ORDER, d.orderRef()));
        }
        String market = JoinableCases.marketFor(markets, d.market());
        desk.open(new NewCase(d.provider() + " dispute: " + d.reasonCategory().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " · " + d.amount(), "Stage " + d.stage() + ", status " + d.status() + ". Open the dispute desk to answer it.",
                market, null, JoinableCases.priorityFor(d.amount()), "dispute", NewCase.refOrNull(d.customerRef()), null, d.provider().name(), d.amount(),
                List.of("dispute"), links, CaseSource.DISPUTE, ref, d.respondBy(), label, false, QUEUE));
    }

    @ApplicationModuleListener
    void on(DisputeDeadlineChanged d) {
        for (CaseSummary c : desk.linkedTo(LinkKind.DISPUTE, d.disputeId().toString())) {
            desk.setExternalDeadline(c.id(), d.respondBy(), label(d.stage().name()));
            if (!c.status().isOpen()) {
                desk.changeStatus(c.id(), CaseStatus.OPEN, null);
            }
        }
    }

    @ApplicationModuleListener
    void on(DisputeClosed d) {
        for (CaseSummary c : desk.linkedTo(LinkKind.DISPUTE, d.disputeId().toString())) {
            desk.addNote(c.id(), "Dispute closed: " + d.outcome().name().toLowerCase(Locale.ROOT) + " (" + d.amount() + ")");
            if (c.source() == CaseSource.DISPUTE && c.status().isOpen()) {
                desk.changeStatus(c.id(), CaseStatus.RESOLVED, null);
            }
        }
    }

    static String label(String stage) {
        return "Respond to dispute (" + stage.toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
    }
}
