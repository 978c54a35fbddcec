package dev.paydesk.quality.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.paydesk.cases.CaseClock;
import dev.paydesk.cases.CaseDetail;
import dev.paydesk.cases.CaseQualityChecks.AutomaticCheck;
import dev.paydesk.cases.CaseQualityChecks.Outcome;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.cases.ClockKind;
import dev.paydesk.cases.ClockState;
import dev.paydesk.cases.Priority;
import dev.paydesk.cases.TimelineEntry;

/** The checks' rules on hand-made cases; {@code QualityChecksApiTests} runs them on real cases. */
class AutomaticChecksTests {

    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    static CaseSummary summary(String language, @Nullable String customer, Instant created) {
        return new CaseSummary(UUID.randomUUID(), "PD-" + created.getEpochSecond(), "Refund", CaseStatus.RESOLVED, null,
                Priority.NORMAL, "refund", "DE", language, null, "alex", List.of(), CaseSource.API, customer, null, null,
                false, created, created, 1);
    }

    static CaseFacts facts(String language, List<CaseClock> clocks, List<TimelineEntry> timeline,
                           List<CaseWorkbench.Macro> macros, List<CaseSummary> others) {
        CaseDetail detail = new CaseDetail(summary(language, "cust-1", T0), "", null, null, List.of(), clocks, timeline,
                null, List.of(), null);
        return new CaseFacts(detail, Optional.empty(), List.of(), macros, others);
    }

    static TimelineEntry reply(String body) {
        return new TimelineEntry(1, dev.paydesk.cases.EntryKind.MESSAGE_OUT, T0, "alex", body, Map.of(), 1);
    }

    static AutomaticCheck check(CaseFacts facts, String code) {
        return AutomaticChecks.evaluate(facts).stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void aBreachedClockFailsAndAMetClockPasses() {
        List<CaseClock> clocks = List.of(
                new CaseClock(ClockKind.values()[0], ClockState.BREACHED, T0, Duration.ofMinutes(-5), T0, "First response"),
                new CaseClock(ClockKind.values()[ClockKind.values().length - 1], ClockState.MET, null, null, null, "Resolution"));
        List<AutomaticCheck> checks = AutomaticChecks.clocks(facts("en", clocks, List.of(), List.of(), List.of()));
        assertThat(checks).extracting(AutomaticCheck::outcome).containsExactly(Outcome.FAILED, Outcome.PASSED);
    }

    @Test
    void aReplyAskingForCardDataFailsButAWarningNotToSendItPasses() {
        assertThat(check(facts("en", List.of(), List.of(reply("Please send us the expiry date and the CVC of your card.")),
                List.of(), List.of()), "no_card_data_request").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(check(facts("de", List.of(), List.of(reply("Bitte teilen Sie uns Ihre Kartennummer mit.")),
                List.of(), List.of()), "no_card_data_request").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(check(facts("en", List.of(), List.of(reply("Please never send us your card number by e-mail.")),
                List.of(), List.of()), "no_card_data_request").outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void theReplyLanguageMustBeTheCustomers() {
        TimelineEntry english = reply("We have refunded the payment and you will see it on your statement within five days.");
        assertThat(check(facts("de", List.of(), List.of(english), List.of(), List.of()), "reply_language").outcome())
                .isEqualTo(Outcome.FAILED);
        assertThat(check(facts("en", List.of(), List.of(english), List.of(), List.of()), "reply_language").outcome())
                .isEqualTo(Outcome.PASSED);
        assertThat(check(facts("de", List.of(), List.of(
                reply("Wir haben die Zahlung erstattet, bitte haben Sie noch etwas Geduld mit der Bank.")),
                List.of(), List.of()), "reply_language").outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void aReplyFromAMacroIsToldApartFromFreeText() {
        var macro = new CaseWorkbench.Macro("refund-sent", "en", "Refund sent",
                "Dear customer, we refunded {{order.amount_due}} for order {{order.ref}}.");
        assertThat(check(facts("en", List.of(), List.of(reply("Dear customer, we refunded EUR 12.00 for order A-1.\n-- Paydesk")),
                List.of(macro), List.of()), "reply_source").detail()).isEqualTo("macro refund-sent");
        assertThat(check(facts("en", List.of(), List.of(reply("Hi, the money is on its way.")), List.of(macro), List.of()),
                "reply_source").detail()).isEqualTo("free text");
    }

    @Test
    void aCategoryChangedByTheAgentIsNotedAgainstTheSuggestion() {
        List<TimelineEntry> timeline = new ArrayList<>();
        timeline.add(new TimelineEntry(1, dev.paydesk.cases.EntryKind.CATEGORY, T0, "triage", null, Map.of("category", "refund", "by", "classifier"), 1));
        timeline.add(new TimelineEntry(2, dev.paydesk.cases.EntryKind.CATEGORY, T0, "alex", null, Map.of("category", "chargeback", "by", "agent"), 2));
        assertThat(check(facts("en", List.of(), timeline, List.of(), List.of()), "category_changed").detail())
                .isEqualTo("changed refund to chargeback");
        assertThat(check(facts("en", List.of(), List.of(), List.of(), List.of()), "category_changed").outcome())
                .isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    void aRepeatContactWithinSevenDaysFails() {
        CaseSummary inSix = summary("en", "cust-1", T0.plus(Duration.ofDays(6)));
        CaseSummary inEight = summary("en", "cust-1", T0.plus(Duration.ofDays(8)));
        CaseSummary otherCustomer = summary("en", "cust-2", T0.plus(Duration.ofDays(1)));
        assertThat(check(facts("en", List.of(), List.of(), List.of(), List.of(inSix)), "repeat_contact").outcome())
                .isEqualTo(Outcome.FAILED);
        assertThat(check(facts("en", List.of(), List.of(), List.of(), List.of(inEight, otherCustomer)), "repeat_contact")
                .outcome()).isEqualTo(Outcome.PASSED);
    }
}
