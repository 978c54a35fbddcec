package dev.paydesk.cases.internal;

import java.util.List;
import java.util.Locale;

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
 * Every dispute joins or opens a case ({@link CaseIntake}) carrying the respond-by date as an
 * external-deadline clock: an open case already about the same payment or order is joined, otherwise
 * a new case opens in the dispute queue (idempotent per dispute). Deadline changes move the clock; a
 * closed dispute is noted, and a case opened for it is resolved.
 */
@Component
class DisputeIntake {

    static final String QUEUE = "disputes";

    private final CaseDesk desk;
    private final CaseIntake intake;
    private final MarketCatalog markets;

    DisputeIntake(CaseDesk desk, CaseIntake intake, MarketCatalog markets) {
        this.desk = desk;
        this.intake = intake;
        this.markets = markets;
    }

    @ApplicationModuleListener
    void on(DisputeOpened d) {
        String ref = d.disputeId().toString();
        if (!desk.linkedTo(LinkKind.DISPUTE, ref).isEmpty()) {
            return;
        }
        String label = label(d.stage().name());
        String reason = d.reasonCategory().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        CaseIntake.Arrival arrival = new CaseIntake.Arrival(new CaseLink(LinkKind.DISPUTE, ref),
                new CaseIntake.Ref(LinkKind.PAYMENT, d.paymentRef()), new CaseIntake.Ref(LinkKind.ORDER, d.orderRef()));
        CaseIntake.Outcome outcome = intake.joinOrOpen(intake.openCaseAbout(arrival, c -> true).map(CaseSummary::id), arrival,
                "A " + d.provider() + " dispute (" + reason + ", " + d.amount() + ") arrived for this payment; respond by "
                        + d.respondBy() + ".",
                NewCase.builder(d.provider() + " dispute: " + reason + " · " + d.amount(),
                                CaseIntake.marketFor(markets, d.market()), CaseSource.DISPUTE)
                        .description("Stage " + d.stage() + ", status " + d.status() + ". Open the dispute desk to answer it.")
                        .priority(CaseIntake.priorityFor(d.amount())).category("dispute")
                        .customer(NewCase.refOrNull(d.customerRef()), null).provider(d.provider().name()).amount(d.amount())
                        .tags(List.of("dispute")).idempotencyKey(ref).externalDeadline(d.respondBy(), label).queue(QUEUE));
        if (outcome instanceof CaseIntake.Joined joined) {
            desk.setExternalDeadline(joined.caseId(), d.respondBy(), label);
        }
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
