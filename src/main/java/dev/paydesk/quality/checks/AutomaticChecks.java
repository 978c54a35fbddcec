package dev.paydesk.quality.checks;

import static dev.paydesk.cases.CaseQualityChecks.Outcome.FAILED;
import static dev.paydesk.cases.CaseQualityChecks.Outcome.NOTED;
import static dev.paydesk.cases.CaseQualityChecks.Outcome.NOT_APPLICABLE;
import static dev.paydesk.cases.CaseQualityChecks.Outcome.PASSED;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.paydesk.cases.CaseClock;
import dev.paydesk.cases.CaseQualityChecks.AutomaticCheck;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.cases.ClockState;
import dev.paydesk.cases.MoneyAction;
import dev.paydesk.cases.TimelineEntry;

/** Evaluates the automatic checks of one case from its facts; no Spring, no database. */
public final class AutomaticChecks {

    /** A second contact of the same customer within this window means the first was not resolved at first contact. */
    public static final Duration REPEAT_WINDOW = Duration.ofDays(7);

    private static final Pattern CARD_DATA = Pattern.compile(
            "card ?number|full card|long number|expiry|expiration|valid thru|cvc|cvv|cv2|security code|"
                    + "kartennummer|ablaufdatum|gültig bis|prüfnummer|sicherheitscode|kartenprüf|"
                    + "numéro de (la )?carte|date d'expiration|cryptogramme|número de (la )?tarjeta|fecha de caducidad",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ASKING = Pattern.compile(
            "send|provide|tell|share|give|reply with|enter|type|confirm|let us know|what is|schick|send|"
                    + "mitteil|teilen sie|angeb|nennen|geben sie|envoy|indiquez|communiquez|envíe|indique|\\?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NEVER = Pattern.compile(
            "never|do not|don't|will not|won't|niemals|\\bnie\\b|nicht|keine|jamais|ne .*pas|nunca|no (le|les) ",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?])\\s+|\\n+");

    private AutomaticChecks() {
    }

    public static List<AutomaticCheck> evaluate(CaseFacts facts) {
        List<AutomaticCheck> checks = new ArrayList<>();
        checks.addAll(clocks(facts));
        checks.add(sopSteps(facts));
        List<TimelineEntry> replies = facts.detail().timeline().stream()
                .filter(e -> e.kind() == dev.paydesk.cases.EntryKind.MESSAGE_OUT && e.body() != null).toList();
        checks.add(replyLanguage(facts.detail().summary(), replies));
        checks.add(noCardDataRequest(replies));
        checks.add(fourEyes(facts.moneyActions()));
        checks.add(category(facts.detail().timeline()));
        checks.add(repeatContact(facts));
        checks.add(replySource(replies, facts.macros()));
        return checks;
    }

    static List<AutomaticCheck> clocks(CaseFacts facts) {
        List<AutomaticCheck> out = new ArrayList<>();
        for (CaseClock clock : facts.detail().clocks()) {
            String code = "clock." + clock.kind().name();
            if (clock.state() == ClockState.BREACHED || clock.breachedAt() != null) {
                out.add(new AutomaticCheck(code, clock.label(), FAILED, "breached at " + clock.breachedAt()));
            } else if (clock.state() == ClockState.MET) {
                out.add(new AutomaticCheck(code, clock.label(), PASSED, "met"));
            } else {
                out.add(new AutomaticCheck(code, clock.label(), NOT_APPLICABLE, clock.state().name().toLowerCase(Locale.ROOT)));
            }
        }
        return out;
    }

    static AutomaticCheck sopSteps(CaseFacts facts) {
        String label = "Every SOP step done";
        if (facts.sop().isEmpty() || facts.sop().get().steps().isEmpty()) {
            return new AutomaticCheck("sop_steps", label, NOT_APPLICABLE, "no SOP for this category");
        }
        CaseWorkbench.Sop sop = facts.sop().get();
        List<Integer> open = sop.steps().stream().filter(s -> s.doneAt() == null).map(CaseWorkbench.Step::number).toList();
        return open.isEmpty()
                ? new AutomaticCheck("sop_steps", label, PASSED, "all " + sop.steps().size() + " steps of " + sop.title())
                : new AutomaticCheck("sop_steps", label, FAILED, "steps not done: " + open + " of " + sop.title());
    }

    static AutomaticCheck replyLanguage(CaseSummary c, List<TimelineEntry> replies) {
        String label = "Replies in the customer's language";
        String expected = c.language().toLowerCase(Locale.ROOT);
        List<String> other = new ArrayList<>();
        int judged = 0;
        for (TimelineEntry reply : replies) {
            String guess = ReplyLanguage.guess(Objects.requireNonNull(reply.body()));
            if (guess != null) {
                judged++;
                if (!expected.startsWith(guess)) {
                    other.add(guess);
                }
            }
        }
        if (judged == 0) {
            return new AutomaticCheck("reply_language", label, NOT_APPLICABLE, "no reply long enough to tell");
        }
        return other.isEmpty()
                ? new AutomaticCheck("reply_language", label, PASSED, judged + " replies in " + expected)
                : new AutomaticCheck("reply_language", label, FAILED, "replies in " + other + ", customer speaks " + expected);
    }

    static AutomaticCheck noCardDataRequest(List<TimelineEntry> replies) {
        String label = "No reply asks for card number, expiry date or security code";
        if (replies.isEmpty()) {
            return new AutomaticCheck("no_card_data_request", label, NOT_APPLICABLE, "no replies");
        }
        for (TimelineEntry reply : replies) {
            for (String sentence : SENTENCES.split(Objects.requireNonNull(reply.body()))) {
                if (CARD_DATA.matcher(sentence).find() && ASKING.matcher(sentence).find()
                        && !NEVER.matcher(sentence).find()) {
                    return new AutomaticCheck("no_card_data_request", label, FAILED, "reply of " + reply.at()
                            + " asks: \"" + abbreviate(sentence) + "\"");
                }
            }
        }
        return new AutomaticCheck("no_card_data_request", label, PASSED, replies.size() + " replies checked");
    }

    static AutomaticCheck fourEyes(List<MoneyAction> actions) {
        String label = "Money actions approved by a second person";
        List<MoneyAction> needing = actions.stream().filter(MoneyAction::needsApproval).toList();
        if (needing.isEmpty()) {
            return new AutomaticCheck("money_four_eyes", label, NOT_APPLICABLE,
                    actions.isEmpty() ? "no money actions" : actions.size() + " under the approval limit");
        }
        List<String> bad = needing.stream().filter(a -> a.status() == MoneyAction.Status.PENDING_APPROVAL
                        || (a.status() == MoneyAction.Status.APPROVED && Objects.equals(a.decidedBy(), a.requestedBy())))
                .map(a -> a.type() + " " + a.amount() + " " + a.status().name().toLowerCase(Locale.ROOT)).toList();
        return bad.isEmpty()
                ? new AutomaticCheck("money_four_eyes", label, PASSED, needing.size() + " decided by a second person")
                : new AutomaticCheck("money_four_eyes", label, FAILED, String.join(", ", bad));
    }

    static AutomaticCheck category(List<TimelineEntry> timeline) {
        String label = "Category versus the classifier's suggestion";
        String suggested = null;
        String byAgent = null;
        for (TimelineEntry e : timeline) {
            if (e.kind() != dev.paydesk.cases.EntryKind.CATEGORY) {
                continue;
            }
            Object value = e.data().get("category");
            if ("classifier".equals(e.data().get("by")) && suggested == null) {
                suggested = String.valueOf(value);
            } else if ("agent".equals(e.data().get("by"))) {
                byAgent = String.valueOf(value);
            }
        }
        if (suggested == null) {
            return new AutomaticCheck("category_changed", label, NOT_APPLICABLE, "no classifier suggestion");
        }
        return byAgent == null || byAgent.equals(suggested)
                ? new AutomaticCheck("category_changed", label, NOTED, "kept " + suggested)
                : new AutomaticCheck("category_changed", label, NOTED, "changed " + suggested + " to " + byAgent);
    }

    static AutomaticCheck repeatContact(CaseFacts facts) {
        String label = "No repeat contact within 7 days";
        CaseSummary c = facts.detail().summary();
        if (c.customerRef() == null) {
            return new AutomaticCheck("repeat_contact", label, NOT_APPLICABLE, "no customer reference");
        }
        List<String> repeats = facts.laterContacts().stream()
                .filter(o -> !o.id().equals(c.id()) && c.customerRef().equals(o.customerRef()))
                .filter(o -> o.createdAt().isAfter(c.createdAt())
                        && !o.createdAt().isAfter(c.createdAt().plus(REPEAT_WINDOW)))
                .map(CaseSummary::key).sorted().toList();
        return repeats.isEmpty()
                ? new AutomaticCheck("repeat_contact", label, PASSED, "no other case of the customer within 7 days")
                : new AutomaticCheck("repeat_contact", label, FAILED, "customer came back: " + String.join(", ", repeats));
    }

    static AutomaticCheck replySource(List<TimelineEntry> replies, List<CaseWorkbench.Macro> macros) {
        String label = "Replies from a macro or free text";
        if (replies.isEmpty()) {
            return new AutomaticCheck("reply_source", label, NOT_APPLICABLE, "no replies");
        }
        List<String> sources = new ArrayList<>();
        for (TimelineEntry reply : replies) {
            String body = Objects.requireNonNull(reply.body()).strip();
            sources.add(macros.stream().filter(m -> template(m.body()).matcher(body).matches()).map(m -> "macro " + m.code())
                    .findFirst().orElse("free text"));
        }
        return new AutomaticCheck("reply_source", label, NOTED, String.join(", ", sources));
    }

    /** A macro body as a pattern: placeholders match anything, text after the macro (a signature, a survey link) is allowed. */
    static Pattern template(String body) {
        String[] parts = body.strip().split("\\{\\{[^}]*}}", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("[\\s\\S]*?");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex + "[\\s\\S]*");
    }

    private static String abbreviate(String text) {
        String t = text.strip();
        return t.length() <= 120 ? t : t.substring(0, 117) + "...";
    }
}
