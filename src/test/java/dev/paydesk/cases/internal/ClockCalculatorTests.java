package dev.paydesk.cases.internal;

import static dev.paydesk.cases.internal.ClockFixtures.BERLIN;
import static dev.paydesk.cases.internal.ClockFixtures.OFFICE;
import static dev.paydesk.cases.internal.ClockFixtures.berlin;
import static dev.paydesk.cases.internal.ClockFixtures.clock;
import static dev.paydesk.cases.internal.ClockFixtures.targets;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.paydesk.cases.CaseClock;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.ClockKind;
import dev.paydesk.cases.ClockState;
import dev.paydesk.cases.WaitingReason;
import dev.paydesk.platform.BusinessCalendar;

/** Clock arithmetic on the Berlin office calendar of {@link ClockFixtures}. */
class ClockCalculatorTests {

    private final BusinessCalendar office = OFFICE;

    @Test
    void firstResponseDueSkipsTheNightAndWeekend() {
        Instant opened = berlin(2026, 3, 20, 15, 0); // Friday 15:00
        List<CaseClock> clocks = ClockCalculator.compute(List.of(new ClockFact.Opened(opened)), targets(4, 8, 16),
                office, berlin(2026, 3, 20, 16, 0));
        CaseClock first = clock(clocks, ClockKind.FIRST_RESPONSE);
        assertThat(first.state()).isEqualTo(ClockState.RUNNING);
        // two hours on Friday, two on Monday
        assertThat(first.dueAt()).isEqualTo(berlin(2026, 3, 23, 11, 0));
        assertThat(first.remaining()).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void holidaysDoNotCount() {
        Instant opened = berlin(2026, 4, 2, 16, 0); // Thursday before Easter
        CaseClock resolution = clock(ClockCalculator.compute(List.of(new ClockFact.Opened(opened)), targets(4, 8, 8),
                office, opened), ClockKind.RESOLUTION);
        // one hour on Thursday, Good Friday to Easter Monday closed, seven hours on Tuesday
        assertThat(resolution.dueAt()).isEqualTo(berlin(2026, 4, 7, 16, 0));
    }

    @Test
    void theDueTimeFollowsTheWallClockAcrossTheSummerTimeChange() {
        Instant opened = berlin(2026, 3, 27, 16, 0); // Friday before the change
        CaseClock first = clock(ClockCalculator.compute(List.of(new ClockFact.Opened(opened)), targets(2, 8, 16),
                office, opened), ClockKind.FIRST_RESPONSE);
        assertThat(first.dueAt()).isEqualTo(berlin(2026, 3, 30, 10, 0));
        assertThat(Duration.between(opened, first.dueAt())).isEqualTo(Duration.ofHours(65)); // 66 wall hours minus the lost one
    }

    @Test
    void aReplyInTimeMeetsTheFirstResponseAndALateOneBreachesIt() {
        Instant opened = berlin(2026, 3, 23, 9, 0);
        List<ClockFact> onTime = List.of(new ClockFact.Opened(opened), new ClockFact.Reply(berlin(2026, 3, 23, 12, 0)));
        assertThat(clock(ClockCalculator.compute(onTime, targets(4, 8, 16), office, berlin(2026, 3, 24, 9, 0)),
                ClockKind.FIRST_RESPONSE).state()).isEqualTo(ClockState.MET);

        List<ClockFact> late = List.of(new ClockFact.Opened(opened), new ClockFact.Reply(berlin(2026, 3, 23, 14, 0)));
        CaseClock first = clock(ClockCalculator.compute(late, targets(4, 8, 16), office, berlin(2026, 3, 24, 9, 0)),
                ClockKind.FIRST_RESPONSE);
        assertThat(first.state()).isEqualTo(ClockState.BREACHED);
        assertThat(first.breachedAt()).isEqualTo(berlin(2026, 3, 23, 13, 0));
    }

    @Test
    void waitingForTheCustomerPausesOnlyWhenThePolicySaysSo() {
        Instant opened = berlin(2026, 3, 23, 9, 0);
        List<ClockFact> history = List.of(new ClockFact.Opened(opened),
                new ClockFact.Reply(berlin(2026, 3, 23, 10, 0)),
                new ClockFact.StatusChange(berlin(2026, 3, 23, 10, 0), CaseStatus.WAITING, WaitingReason.CUSTOMER),
                new ClockFact.StatusChange(berlin(2026, 3, 24, 10, 0), CaseStatus.OPEN, null));
        Instant now = berlin(2026, 3, 24, 11, 0);

        CaseClock pausing = clock(ClockCalculator.compute(history, targets(4, 8, 8, WaitingReason.CUSTOMER), office, now),
                ClockKind.RESOLUTION);
        // ran 09-10 on Monday and 10-11 on Tuesday: six of eight hours left
        assertThat(pausing.remaining()).isEqualTo(Duration.ofHours(6));
        assertThat(pausing.dueAt()).isEqualTo(berlin(2026, 3, 24, 17, 0));

        CaseClock notPausing = clock(ClockCalculator.compute(history, targets(4, 8, 8, WaitingReason.PROVIDER), office, now),
                ClockKind.RESOLUTION);
        // 09-17 Monday is the whole target: breached at Monday 17:00 already
        assertThat(notPausing.state()).isEqualTo(ClockState.BREACHED);
        assertThat(notPausing.breachedAt()).isEqualTo(berlin(2026, 3, 23, 17, 0));
    }

    @Test
    void aPausedClockHasNoDueTime() {
        Instant opened = berlin(2026, 3, 23, 9, 0);
        List<ClockFact> history = List.of(new ClockFact.Opened(opened),
                new ClockFact.StatusChange(berlin(2026, 3, 23, 11, 0), CaseStatus.WAITING, WaitingReason.PROVIDER));
        CaseClock resolution = clock(ClockCalculator.compute(history, targets(4, 8, 8, WaitingReason.PROVIDER), office,
                berlin(2026, 3, 30, 9, 0)), ClockKind.RESOLUTION);
        assertThat(resolution.state()).isEqualTo(ClockState.PAUSED);
        assertThat(resolution.dueAt()).isNull();
        assertThat(resolution.remaining()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aCustomerMessageAfterOurReplyStartsTheNextResponseClock() {
        List<ClockFact> history = List.of(new ClockFact.Opened(berlin(2026, 3, 23, 9, 0)),
                new ClockFact.Reply(berlin(2026, 3, 23, 10, 0)),
                new ClockFact.CustomerMessage(berlin(2026, 3, 23, 15, 0)));
        CaseClock next = clock(ClockCalculator.compute(history, targets(4, 4, 40), office, berlin(2026, 3, 23, 16, 0)),
                ClockKind.NEXT_RESPONSE);
        assertThat(next.state()).isEqualTo(ClockState.RUNNING);
        assertThat(next.dueAt()).isEqualTo(berlin(2026, 3, 24, 11, 0));

        List<ClockFact> answered = new ArrayList<>(history);
        answered.add(new ClockFact.Reply(berlin(2026, 3, 24, 9, 30)));
        assertThat(clock(ClockCalculator.compute(answered, targets(4, 4, 40), office, berlin(2026, 3, 24, 12, 0)),
                ClockKind.NEXT_RESPONSE).state()).isEqualTo(ClockState.MET);
    }

    @Test
    void aChangedPolicyRecomputesThePastFromTheSameHistory() {
        List<ClockFact> history = List.of(new ClockFact.Opened(berlin(2026, 3, 23, 9, 0)),
                new ClockFact.Reply(berlin(2026, 3, 23, 12, 0)));
        Instant now = berlin(2026, 3, 23, 13, 0);
        assertThat(clock(ClockCalculator.compute(history, targets(4, 8, 16), office, now), ClockKind.FIRST_RESPONSE).state())
                .isEqualTo(ClockState.MET);
        CaseClock tighter = clock(ClockCalculator.compute(history, targets(2, 8, 16), office, now), ClockKind.FIRST_RESPONSE);
        assertThat(tighter.state()).isEqualTo(ClockState.BREACHED);
        assertThat(tighter.breachedAt()).isEqualTo(berlin(2026, 3, 23, 11, 0));
    }

    @Test
    void aChangedCalendarRecomputesToo() {
        List<ClockFact> history = List.of(new ClockFact.Opened(berlin(2026, 4, 2, 16, 0)));
        BusinessCalendar noHolidays = new BusinessCalendar(BERLIN, OFFICE.openingHours(), year -> new TreeMap<>());
        assertThat(clock(ClockCalculator.compute(history, targets(4, 8, 8), noHolidays, berlin(2026, 4, 2, 16, 0)),
                ClockKind.RESOLUTION).dueAt()).isEqualTo(berlin(2026, 4, 3, 16, 0));
    }

    @Test
    void resolvingStopsEveryClockAndReopeningResumesResolution() {
        List<ClockFact> history = List.of(new ClockFact.Opened(berlin(2026, 3, 23, 9, 0)),
                new ClockFact.Reply(berlin(2026, 3, 23, 10, 0)),
                new ClockFact.StatusChange(berlin(2026, 3, 23, 11, 0), CaseStatus.RESOLVED, null),
                new ClockFact.StatusChange(berlin(2026, 3, 25, 9, 0), CaseStatus.OPEN, null));
        CaseClock resolution = clock(ClockCalculator.compute(history, targets(4, 8, 8), office, berlin(2026, 3, 25, 10, 0)),
                ClockKind.RESOLUTION);
        assertThat(resolution.state()).isEqualTo(ClockState.RUNNING);
        assertThat(resolution.remaining()).isEqualTo(Duration.ofHours(5)); // 2 h before resolving, 1 h after reopening
    }

    @Test
    void anExternalDeadlineRunsInCalendarTime() {
        Instant due = berlin(2026, 4, 10, 23, 59);
        CaseClock running = ClockCalculator.deadline(ClockKind.EXTERNAL, "Evidence due", due, null, berlin(2026, 4, 3, 12, 0));
        assertThat(running.state()).isEqualTo(ClockState.RUNNING);
        assertThat(running.remaining()).isEqualTo(Duration.between(berlin(2026, 4, 3, 12, 0), due));
        assertThat(ClockCalculator.deadline(ClockKind.EXTERNAL, "x", due, null, berlin(2026, 4, 11, 0, 0)).state())
                .isEqualTo(ClockState.BREACHED);
        assertThat(ClockCalculator.deadline(ClockKind.EXTERNAL, "x", due, berlin(2026, 4, 9, 0, 0), berlin(2026, 4, 20, 0, 0))
                .state()).isEqualTo(ClockState.MET);
    }

    @Test
    void thePsd2ReplyDeadlineCountsFifteenBusinessDaysOrThirtyFiveInExceptionalCases() {
        // Complaint received Tuesday 31 March 2026; Good Friday and Easter Monday are not business days.
        Instant received = berlin(2026, 3, 31, 14, 0);
        Instant due = Psd2Deadline.dueAt(received, office, false);
        // 1-2 April (2), 7-10 April (4), 13-17 April (5), 20-23 April (4) = 15: due at the end of Thursday 23 April
        assertThat(due).isEqualTo(LocalDate.of(2026, 4, 24).atStartOfDay(BERLIN).toInstant());
        Instant exceptional = Psd2Deadline.dueAt(received, office, true);
        assertThat(office.businessDaysBetween(LocalDate.of(2026, 3, 31), exceptional.atZone(BERLIN).toLocalDate().minusDays(1)))
                .isEqualTo(35);
    }
}
