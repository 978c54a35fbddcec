package dev.paydesk.disputes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.paydesk.disputes.CardNetwork;
import dev.paydesk.disputes.DisputeStage;
import dev.paydesk.disputes.DisputeStatus;
import dev.paydesk.disputes.ReasonCategory;
import dev.paydesk.payments.Provider;
import dev.paydesk.platform.BusinessCalendar;
import dev.paydesk.platform.OpeningHours;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.Money;

/** The dispute's rules without Spring: stages forward only, final is final, stale notifications, deadlines. */
class DisputeTransitionTests {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    private static final Function<Instant, Instant> SAME = due -> due;

    private static Dispute dispute() {
        DisputeSignal first = DisputeSignal.of(DisputeStage.PRE_DISPUTE, DisputeStatus.NEEDS_RESPONSE, T0, "first");
        Dispute d = Dispute.open(UUID.randomUUID(), Provider.STRIPE, "acct", "dp_1", first, Money.of(5000, "EUR"), "DE",
                ReasonCategory.FRAUD);
        d.apply(first, SAME);
        return d;
    }

    private static DisputeSignal at(int minutes, DisputeStage stage, DisputeStatus status) {
        return DisputeSignal.of(stage, status, T0.plusSeconds(60L * minutes), "t+" + minutes);
    }

    @Test
    void theStageOnlyMovesForward() {
        Dispute d = dispute();
        d.apply(at(1, DisputeStage.PRE_ARBITRATION, DisputeStatus.NEEDS_RESPONSE), SAME);
        Dispute.Change change = d.apply(at(2, DisputeStage.CHARGEBACK, DisputeStatus.UNDER_REVIEW), SAME);
        assertThat(d.stage()).isEqualTo(DisputeStage.PRE_ARBITRATION);
        assertThat(change.stageChanged()).isFalse();
        assertThat(d.status()).isEqualTo(DisputeStatus.UNDER_REVIEW);
    }

    @Test
    void aFinalStatusIsFinal() {
        Dispute d = dispute();
        Dispute.Change lost = d.apply(at(1, DisputeStage.CHARGEBACK, DisputeStatus.LOST), SAME);
        assertThat(lost.closed()).isTrue();
        for (DisputeStatus later : DisputeStatus.values()) {
            Dispute.Change change = d.apply(at(5, DisputeStage.ARBITRATION, later), SAME);
            assertThat(change.closed()).isFalse();
            assertThat(d.status()).isEqualTo(DisputeStatus.LOST);
        }
        assertThatThrownBy(() -> d.accept(T0.plusSeconds(600))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> d.evidenceSubmitted(T0.plusSeconds(600))).isInstanceOf(ConflictException.class);
    }

    @Test
    void aWonDisputeReopensOnlyWhenTheIssuerEscalatesToALaterStage() {
        Dispute d = dispute();
        d.apply(at(1, DisputeStage.CHARGEBACK, DisputeStatus.WON), SAME);
        d.apply(at(2, DisputeStage.CHARGEBACK, DisputeStatus.NEEDS_RESPONSE), SAME);
        assertThat(d.status()).isEqualTo(DisputeStatus.WON);
        Dispute.Change escalated = d.apply(at(3, DisputeStage.PRE_ARBITRATION, DisputeStatus.NEEDS_RESPONSE), SAME);
        assertThat(escalated.reopened()).isTrue();
        assertThat(d.status()).isEqualTo(DisputeStatus.NEEDS_RESPONSE);
        assertThat(d.closedAt()).isNull();
    }

    @Test
    void anOutcomeDeliveredBeforeTheChargebackItClosesStays() {
        DisputeSignal outcome = at(10, DisputeStage.CHARGEBACK, DisputeStatus.WON);
        Dispute d = Dispute.open(UUID.randomUUID(), Provider.ADYEN, "acct", "psp", outcome, Money.of(900, "EUR"), "NL",
                ReasonCategory.OTHER);
        assertThat(d.apply(outcome, SAME).closed()).isTrue();
        DisputeSignal chargeback = at(1, DisputeStage.CHARGEBACK, DisputeStatus.NEEDS_RESPONSE)
                .withReason("4853", CardNetwork.MASTERCARD).withDue(T0.plusSeconds(86400L * 20));
        Dispute.Change late = d.apply(chargeback, SAME);
        assertThat(d.status()).isEqualTo(DisputeStatus.WON);
        assertThat(d.reasonCode()).isEqualTo("4853");
        assertThat(d.network()).isEqualTo(CardNetwork.MASTERCARD);
        assertThat(late.deadlineChanged()).isFalse();
        assertThat(late.notes()).anyMatch(n -> n.contains("older than the last notification"));
    }

    @Test
    void anOlderNotificationDoesNotTurnBackTheStatus() {
        Dispute d = dispute();
        d.apply(at(5, DisputeStage.CHARGEBACK, DisputeStatus.UNDER_REVIEW), SAME);
        d.apply(at(3, DisputeStage.CHARGEBACK, DisputeStatus.NEEDS_RESPONSE), SAME);
        assertThat(d.status()).isEqualTo(DisputeStatus.UNDER_REVIEW);
    }

    @Test
    void theEndOfTheDefencePeriodOnlyExpiresADisputeThatWasNotAnswered() {
        Dispute answered = dispute();
        answered.evidenceSubmitted(T0.plusSeconds(30));
        answered.apply(DisputeSignal.of(null, null, T0.plusSeconds(600), "ended").expiringOnly(), SAME);
        assertThat(answered.status()).isEqualTo(DisputeStatus.UNDER_REVIEW);

        Dispute silent = dispute();
        Dispute.Change change = silent.apply(DisputeSignal.of(null, null, T0.plusSeconds(600), "ended").expiringOnly(), SAME);
        assertThat(silent.status()).isEqualTo(DisputeStatus.EXPIRED);
        assertThat(change.closed()).isTrue();
    }

    @Test
    void aNewDueDateMovesRespondBy() {
        Dispute d = dispute();
        Instant due = Instant.parse("2026-11-20T22:59:00Z");
        Dispute.Change change = d.apply(at(1, DisputeStage.CHARGEBACK, DisputeStatus.NEEDS_RESPONSE).withDue(due),
                x -> x.minusSeconds(3600));
        assertThat(change.deadlineChanged()).isTrue();
        assertThat(d.dueAt()).isEqualTo(due);
        assertThat(d.respondBy()).isEqualTo(due.minusSeconds(3600));
        assertThat(d.apply(at(2, DisputeStage.CHARGEBACK, DisputeStatus.NEEDS_RESPONSE).withDue(due), SAME)
                .deadlineChanged()).isFalse();
    }

    @Test
    void respondBySkipsWeekendsAndHolidaysOfTheMarket() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        List<OpeningHours> weekdays = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY).stream()
                .map(d -> new OpeningHours(d, LocalTime.of(9, 0), LocalTime.of(17, 0))).toList();
        BusinessCalendar calendar = new BusinessCalendar(berlin, weekdays, year -> {
            TreeMap<LocalDate, String> h = new TreeMap<>();
            h.put(LocalDate.of(2026, 12, 25), "Christmas Day");
            h.put(LocalDate.of(2026, 12, 24), "Company day");
            return h;
        });
        // due Monday 28 Dec 2026 23:59 Berlin; 2 business days back skips the weekend and 24/25 Dec → Tuesday 22 Dec
        Instant due = LocalDate.of(2026, 12, 28).atTime(23, 59).atZone(berlin).toInstant();
        assertThat(DeadlinePolicy.respondBy(due, calendar, 2))
                .isEqualTo(LocalDate.of(2026, 12, 22).atTime(23, 59).atZone(berlin).toInstant());
        // a due date on a Saturday: the two business days before it are Friday and Thursday
        Instant saturday = LocalDate.of(2026, 11, 14).atTime(12, 0).atZone(berlin).toInstant();
        assertThat(DeadlinePolicy.respondBy(saturday, calendar, 2))
                .isEqualTo(LocalDate.of(2026, 11, 12).atTime(12, 0).atZone(berlin).toInstant());
    }
}
