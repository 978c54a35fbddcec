package dev.paydesk.cases.internal;

import static dev.paydesk.cases.internal.CaseFixtures.aCase;
import static dev.paydesk.cases.internal.ClockFixtures.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.paydesk.cases.CaseCategorised;
import dev.paydesk.cases.CaseChanged;
import dev.paydesk.cases.CaseClock;
import dev.paydesk.cases.CaseCreated;
import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.ClockKind;
import dev.paydesk.cases.ClockState;
import dev.paydesk.cases.EntryKind;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.cases.WaitingReason;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;

/** The case lifecycle on the aggregate alone: transitions, reopening, what each operation reports, the clocks. */
class CaseLifecycleTests {

    private static final Instant T = berlin(2026, 3, 2, 10, 0);

    @Test
    void openingReportsCreatedAndTheRoutingAssignmentAndPublishesCaseCreated() {
        Case c = aCase().linkedTo(new CaseLink(LinkKind.PAYMENT, "PAY-1")).build();
        Changes opened = c.opened("agent", "category refund", T);
        assertThat(opened.entries()).extracting(Changes.Entry::kind).containsExactly(EntryKind.CREATED);
        assertThat(opened.entries().getFirst().data()).containsEntry("routedBy", "category refund");
        assertThat(opened.events()).singleElement().isInstanceOfSatisfying(CaseCreated.class,
                e -> assertThat(e.paymentRef()).isEqualTo("PAY-1"));
        assertThat(opened.published(c.key(), c.market())).filteredOn(CaseChanged.class::isInstance).hasSize(1);
    }

    @Test
    void replyingToANewCaseOpensItAndCanLeaveItWaitingForTheCustomer() {
        Case c = aCase().build();
        Changes reply = c.reply("Bitte senden Sie den Beleg", CaseStatus.WAITING, WaitingReason.CUSTOMER, "agent", T);
        assertThat(reply.entries()).extracting(Changes.Entry::kind)
                .containsExactly(EntryKind.MESSAGE_OUT, EntryKind.STATUS, EntryKind.STATUS);
        assertThat(c.state().status()).isEqualTo(CaseStatus.WAITING);
        assertThat(c.state().waitingReason()).isEqualTo(WaitingReason.CUSTOMER);
        assertThat(reply.entries().getFirst().data()).containsEntry("to", "kunde@example.de");
    }

    @Test
    void waitingNeedsAReasonAndOtherStatesDropIt() {
        Case c = aCase().inStatus(CaseStatus.OPEN).build();
        assertThatThrownBy(() -> c.changeStatus(CaseStatus.WAITING, null, "agent", T))
                .isInstanceOf(InvalidInputException.class);
        c.changeStatus(CaseStatus.RESOLVED, WaitingReason.PROVIDER, "agent", T);
        assertThat(c.state().waitingReason()).isNull();
        assertThat(c.state().resolvedAt()).isEqualTo(T);
    }

    @Test
    void theTransitionTableRefusesMovesBackToNewAndOutOfClosedExceptReopening() {
        for (CaseStatus from : java.util.EnumSet.range(CaseStatus.OPEN, CaseStatus.CLOSED)) {
            assertThatThrownBy(() -> aCase().inStatus(from).build().changeStatus(CaseStatus.NEW, null, "a", T))
                    .as("%s -> NEW", from).isInstanceOf(ConflictException.class);
        }
        assertThatThrownBy(() -> aCase().inStatus(CaseStatus.CLOSED).build().changeStatus(CaseStatus.RESOLVED, null, "a", T))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> aCase().inStatus(CaseStatus.CLOSED).build()
                .changeStatus(CaseStatus.WAITING, WaitingReason.CUSTOMER, "a", T)).isInstanceOf(ConflictException.class);
        Case closed = aCase().inStatus(CaseStatus.CLOSED).build();
        closed.changeStatus(CaseStatus.OPEN, null, "a", T);
        assertThat(closed.state().status()).isEqualTo(CaseStatus.OPEN);
        assertThat(closed.state().resolvedAt()).isNull();
        assertThat(CaseStatus.RESOLVED.reopensTo(CaseStatus.WAITING)).isTrue();
    }

    @Test
    void settingTheSameStatusChangesNothing() {
        Case c = aCase().waitingFor(WaitingReason.PROVIDER).build();
        assertThat(c.changeStatus(CaseStatus.WAITING, WaitingReason.PROVIDER, "a", T).isEmpty()).isTrue();
        assertThat(c.changeStatus(CaseStatus.WAITING, WaitingReason.CUSTOMER, "a", T).entries()).hasSize(1);
    }

    @Test
    void aCustomerMessageReopensAResolvedCaseAndWakesAWaitingOne() {
        Case resolved = aCase().inStatus(CaseStatus.RESOLVED).build();
        Changes in = resolved.receiveMessage("kunde@example.de", "Noch nicht da", "<m1@x>", T);
        assertThat(in.entries()).extracting(Changes.Entry::kind).containsExactly(EntryKind.MESSAGE_IN, EntryKind.STATUS);
        assertThat(in.entries().getFirst().messageId()).isEqualTo("<m1@x>");
        assertThat(resolved.state().status()).isEqualTo(CaseStatus.OPEN);
        Case waiting = aCase().waitingFor(WaitingReason.CUSTOMER).build();
        waiting.receiveMessage("kunde@example.de", "Beleg anbei", null, T);
        assertThat(waiting.state().status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void aMergedCaseTakesNoMoreWorkButStillHearsFromTheCustomer() {
        Case merged = aCase().mergedInto(UUID.randomUUID()).build();
        assertThatThrownBy(() -> merged.reply("x", null, null, "a", T)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("merged");
        assertThatThrownBy(() -> merged.changeStatus(CaseStatus.OPEN, null, "a", T)).isInstanceOf(ConflictException.class);
    }

    @Test
    void mergingClosesTheSourceAndGivesTheTargetItsLinks() {
        Case source = aCase().number(100_001).inStatus(CaseStatus.OPEN).linkedTo(new CaseLink(LinkKind.ORDER, "ORD-9")).build();
        Case target = aCase().number(100_002).inStatus(CaseStatus.OPEN).build();
        Changes merge = source.mergeInto(target, "agent", T);
        assertThat(source.state().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(source.state().mergedInto()).isEqualTo(target.id());
        assertThat(target.addedLinks()).containsExactly(new CaseLink(LinkKind.ORDER, "ORD-9"),
                new CaseLink(LinkKind.CASE, "PD-100001"));
        assertThat(merge.entries()).filteredOn(e -> e.kind() == EntryKind.MERGED).extracting(Changes.Entry::caseId)
                .containsExactly(source.id(), target.id());
        Case closedTarget = aCase().inStatus(CaseStatus.CLOSED).build();
        assertThatThrownBy(() -> aCase().build().mergeInto(closedTarget, "a", T)).isInstanceOf(ConflictException.class);
    }

    @Test
    void anAgentsCategoryIsPublishedForTriageAndTheClassifiersIsNot() {
        Changes byAgent = aCase().category("refund").build().categorise("chargeback", true, "agent", T);
        assertThat(byAgent.events()).singleElement().isInstanceOfSatisfying(CaseCategorised.class,
                e -> assertThat(e.previous()).isEqualTo("refund"));
        Changes byClassifier = aCase().build().categorise("chargeback", false, "triage", T);
        assertThat(byClassifier.events()).isEmpty();
        assertThat(byClassifier.entries().getFirst().data()).containsEntry("by", "classifier");
    }

    @Test
    void aLinkIsAddedOnce() {
        Case c = aCase().build();
        CaseLink link = new CaseLink(LinkKind.DISPUTE, "D-1");
        assertThat(c.link(link, "a", T).entries()).hasSize(1);
        assertThat(c.link(link, "a", T).isEmpty()).isTrue();
        assertThat(c.addedLinks()).containsExactly(link);
    }

    /**
     * Opened Monday 2 March 2026 09:00 Berlin with a 4-hour first response that pauses while waiting for the
     * customer: waiting 10:00-12:00 leaves 3 of the 4 hours at 12:00, so the reply is due at 15:00.
     */
    @Test
    void waitingForTheCustomerPausesTheFirstResponseClockAndTheirMessageResumesIt() {
        Case c = aCase().openedAt(berlin(2026, 3, 2, 9, 0)).build();
        Changes opened = c.opened("agent", "test", berlin(2026, 3, 2, 9, 0));
        Changes waiting = c.changeStatus(CaseStatus.WAITING, WaitingReason.CUSTOMER, "agent", berlin(2026, 3, 2, 10, 0));
        Changes message = c.receiveMessage("kunde@example.de", "Beleg", null, berlin(2026, 3, 2, 12, 0));
        SlaTargets targets = ClockFixtures.targets(4, 8, 40, WaitingReason.CUSTOMER);

        List<CaseClock> atEleven = ClockCalculator.compute(CaseFixtures.facts(opened, waiting), targets, ClockFixtures.OFFICE,
                berlin(2026, 3, 2, 11, 0));
        assertThat(ClockFixtures.clock(atEleven, ClockKind.FIRST_RESPONSE).state()).isEqualTo(ClockState.PAUSED);

        List<CaseClock> atOne = ClockCalculator.compute(CaseFixtures.facts(opened, waiting, message), targets,
                ClockFixtures.OFFICE, berlin(2026, 3, 2, 13, 0));
        assertThat(ClockFixtures.clock(atOne, ClockKind.FIRST_RESPONSE).dueAt()).isEqualTo(berlin(2026, 3, 2, 15, 0));

        Changes reply = c.reply("Erstattung ist unterwegs", null, null, "agent", berlin(2026, 3, 2, 14, 0));
        List<CaseClock> after = ClockCalculator.compute(CaseFixtures.facts(opened, waiting, message, reply), targets,
                ClockFixtures.OFFICE, berlin(2026, 3, 2, 16, 0));
        assertThat(ClockFixtures.clock(after, ClockKind.FIRST_RESPONSE).state()).isEqualTo(ClockState.MET);
    }
}
