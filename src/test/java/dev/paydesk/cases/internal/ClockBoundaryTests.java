package dev.paydesk.cases.internal;

import static dev.paydesk.cases.internal.ClockFixtures.BERLIN;
import static dev.paydesk.cases.internal.ClockFixtures.OFFICE;
import static dev.paydesk.cases.internal.ClockFixtures.berlin;
import static dev.paydesk.cases.internal.ClockFixtures.clock;
import static dev.paydesk.cases.internal.ClockFixtures.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.paydesk.cases.CaseClock;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.ClockKind;
import dev.paydesk.cases.ClockState;
import dev.paydesk.cases.FirstResponseRule;

/**
 * The due instant is the instant at which the used business time reaches the target; an event at or
 * after it breaches, for every clock kind, whether the due instant falls inside a business period or
 * on its closing instant. Office hours Monday to Friday 09:00–17:00 in Berlin ({@link ClockFixtures});
 * Monday 23 March 2026 is an ordinary working day. Every target here is two business hours.
 */
class ClockBoundaryTests {

    private static final Instant MONDAY_0900 = berlin(2026, 3, 23, 9, 0);
    private static final Instant MONDAY_1100 = berlin(2026, 3, 23, 11, 0);
    private static final Instant MONDAY_1500 = berlin(2026, 3, 23, 15, 0);
    private static final Instant MONDAY_CLOSING = berlin(2026, 3, 23, 17, 0);
    private static final Instant TUESDAY_1000 = berlin(2026, 3, 24, 10, 0);

    @ParameterizedTest
    @EnumSource(value = ClockKind.class, names = "EXTERNAL", mode = EnumSource.Mode.EXCLUDE)
    void anAnswerExactlyAtTheDueInstantInsideBusinessHoursBreaches(ClockKind kind) {
        CaseClock atDue = clockAnswered(kind, MONDAY_0900, MONDAY_1100, TUESDAY_1000);
        assertThat(atDue.state()).isEqualTo(ClockState.BREACHED);
        assertThat(atDue.breachedAt()).isEqualTo(MONDAY_1100);
        assertThat(atDue.dueAt()).isEqualTo(MONDAY_1100);
        assertThat(atDue.remaining()).isEqualTo(Duration.ZERO);

        CaseClock aSecondBefore = clockAnswered(kind, MONDAY_0900, MONDAY_1100.minusSeconds(1), TUESDAY_1000);
        assertThat(aSecondBefore.state()).isEqualTo(ClockState.MET);
    }

    @ParameterizedTest
    @EnumSource(value = ClockKind.class, names = "EXTERNAL", mode = EnumSource.Mode.EXCLUDE)
    void anAnswerAtClosingOrWhileClosedAfterATargetEndingAtClosingBreachesAtClosing(ClockKind kind) {
        for (Instant answered : List.of(MONDAY_CLOSING, berlin(2026, 3, 23, 20, 0), berlin(2026, 3, 24, 8, 59))) {
            CaseClock k = clockAnswered(kind, MONDAY_1500, answered, TUESDAY_1000);
            assertThat(k.state()).as("%s answered at %s", kind, answered).isEqualTo(ClockState.BREACHED);
            assertThat(k.breachedAt()).isEqualTo(MONDAY_CLOSING);
            assertThat(k.dueAt()).isEqualTo(MONDAY_CLOSING);
        }
        assertThat(clockAnswered(kind, MONDAY_1500, MONDAY_CLOSING.minusSeconds(1), TUESDAY_1000).state())
                .isEqualTo(ClockState.MET);
    }

    /** The reported 500: a customer message while closed lands exactly on the used-up target, the clock goes on. */
    @ParameterizedTest
    @EnumSource(value = ClockKind.class, names = "EXTERNAL", mode = EnumSource.Mode.EXCLUDE)
    void aClockThatKeepsRunningPastAnEventAtTheDueInstantIsBreachedNotNegative(ClockKind kind) {
        List<ClockFact> history = started(kind, MONDAY_1500);
        history.add(new ClockFact.CustomerMessage(berlin(2026, 3, 23, 19, 0)));
        history.add(new ClockFact.StatusChange(berlin(2026, 3, 23, 19, 0), CaseStatus.OPEN, null));
        CaseClock k = compute(kind, history, TUESDAY_1000);
        assertThat(k.state()).isEqualTo(ClockState.BREACHED);
        assertThat(k.breachedAt()).isEqualTo(MONDAY_CLOSING);
        assertThat(k.remaining()).isEqualTo(Duration.ofHours(-1));
    }

    @Test
    void anExternalDeadlineResolvedOrLookedAtExactlyAtItsDueInstantIsBreached() {
        // the PSD2 reply deadline is midnight after the fifteenth business day: a reply at 00:00 is late
        Instant due = LocalDate.of(2026, 4, 24).atStartOfDay(BERLIN).toInstant();
        assertThat(ClockCalculator.deadline(ClockKind.EXTERNAL, "PSD2", due, due, due.plusSeconds(3600)).state())
                .isEqualTo(ClockState.BREACHED);
        CaseClock lookedAtDue = ClockCalculator.deadline(ClockKind.EXTERNAL, "PSD2", due, null, due);
        assertThat(lookedAtDue.state()).isEqualTo(ClockState.BREACHED);
        assertThat(lookedAtDue.remaining()).isEqualTo(Duration.ZERO);
        assertThat(ClockCalculator.deadline(ClockKind.EXTERNAL, "PSD2", due, due.minusNanos(1), due).state())
                .isEqualTo(ClockState.MET);
    }

    /** Defect 4: with 0 minutes left the due instant is the closing instant, before and after closing. */
    @Test
    void theDueInstantOfATargetEndingAtClosingIsTheClosingInstantWheneverYouLook() {
        List<ClockFact> opened = List.of(new ClockFact.Opened(MONDAY_1500));
        SlaTargets targets = minutes(FirstResponseRule.FIRST_REPLY, 120, 0, 0);
        CaseClock justBefore = clock(ClockCalculator.compute(opened, targets, OFFICE, MONDAY_CLOSING.minusSeconds(30)),
                ClockKind.FIRST_RESPONSE);
        assertThat(justBefore.state()).isEqualTo(ClockState.RUNNING);
        assertThat(justBefore.remaining()).isEqualTo(Duration.ofSeconds(30));
        assertThat(justBefore.remaining().toMinutes()).isZero();
        assertThat(justBefore.dueAt()).isEqualTo(MONDAY_CLOSING);
        for (Instant now : List.of(MONDAY_CLOSING, MONDAY_CLOSING.plusSeconds(30), berlin(2026, 3, 23, 22, 0),
                berlin(2026, 3, 24, 9, 0), TUESDAY_1000)) {
            CaseClock after = clock(ClockCalculator.compute(opened, targets, OFFICE, now), ClockKind.FIRST_RESPONSE);
            assertThat(after.state()).as("looked at %s", now).isEqualTo(ClockState.BREACHED);
            assertThat(after.dueAt()).as("looked at %s", now).isEqualTo(MONDAY_CLOSING);
            assertThat(after.breachedAt()).isEqualTo(MONDAY_CLOSING);
        }
    }

    @Test
    void theDueInstantDoesNotMoveWhileARunningClockIsWatched() {
        List<ClockFact> opened = List.of(new ClockFact.Opened(MONDAY_1500));
        SlaTargets targets = minutes(FirstResponseRule.FIRST_REPLY, 180, 0, 0);
        Instant due = berlin(2026, 3, 24, 10, 0); // two hours on Monday, one on Tuesday
        for (Instant now : List.of(MONDAY_1500, MONDAY_CLOSING.minusNanos(1), MONDAY_CLOSING, berlin(2026, 3, 23, 23, 0),
                berlin(2026, 3, 24, 9, 0), due.minusSeconds(1))) {
            CaseClock k = clock(ClockCalculator.compute(opened, targets, OFFICE, now), ClockKind.FIRST_RESPONSE);
            assertThat(k.state()).as("looked at %s", now).isEqualTo(ClockState.RUNNING);
            assertThat(k.dueAt()).as("looked at %s", now).isEqualTo(due);
        }
    }

    /** The clock of {@code kind} started at {@code start} and answered (met or not) at {@code answered}. */
    private static CaseClock clockAnswered(ClockKind kind, Instant start, Instant answered, Instant now) {
        List<ClockFact> history = started(kind, start);
        history.add(kind == ClockKind.RESOLUTION || kind == ClockKind.OLA
                ? new ClockFact.StatusChange(answered, CaseStatus.RESOLVED, null)
                : new ClockFact.Reply(answered));
        return compute(kind, history, now);
    }

    /** A history in which the clock of {@code kind} starts at {@code start}. */
    private static List<ClockFact> started(ClockKind kind, Instant start) {
        List<ClockFact> history = new ArrayList<>();
        history.add(new ClockFact.Opened(start));
        if (kind == ClockKind.NEXT_RESPONSE) {
            history.add(new ClockFact.Reply(start));
            history.add(new ClockFact.CustomerMessage(start));
        }
        return history;
    }

    private static CaseClock compute(ClockKind kind, List<ClockFact> history, Instant now) {
        if (kind == ClockKind.OLA) {
            return clock(ClockCalculator.ola(history, "risk", Duration.ofHours(2), OFFICE, now), kind);
        }
        SlaTargets targets = switch (kind) {
            case FIRST_RESPONSE -> minutes(FirstResponseRule.FIRST_REPLY, 120, 0, 0);
            case NEXT_RESPONSE -> minutes(FirstResponseRule.FIRST_REPLY, 0, 120, 0);
            default -> minutes(FirstResponseRule.FIRST_REPLY, 0, 0, 120);
        };
        return clock(ClockCalculator.compute(history, targets, OFFICE, now), kind);
    }
}
