package dev.paydesk.quality.checks;

import java.util.ArrayList;
import java.util.List;

import dev.paydesk.cases.CaseQualityChecks.AutomaticCheck;
import dev.paydesk.cases.CaseQualityChecks.Outcome;
import dev.paydesk.quality.Answer;
import dev.paydesk.quality.Criterion;
import dev.paydesk.quality.Scale;
import dev.paydesk.quality.Scorecard;

/**
 * Answers prefilled from automatic checks: a criterion whose {@code check} names a check code (or a prefix
 * such as {@code clock}, covering every clock) gets yes/5 when all passed, no/1 when any failed, na when
 * none applied; noted facts prefill nothing.
 */
public final class Prefill {

    private Prefill() {
    }

    public static List<Answer> answers(Scorecard card, List<AutomaticCheck> checks) {
        List<Answer> out = new ArrayList<>();
        for (Criterion c : card.criteria()) {
            if (c.check() == null) {
                continue;
            }
            List<AutomaticCheck> matching = checks.stream()
                    .filter(k -> k.code().equals(c.check()) || k.code().startsWith(c.check() + ".")).toList();
            boolean failed = matching.stream().anyMatch(k -> k.outcome() == Outcome.FAILED);
            boolean passed = matching.stream().anyMatch(k -> k.outcome() == Outcome.PASSED);
            boolean noted = matching.stream().anyMatch(k -> k.outcome() == Outcome.NOTED);
            if (matching.isEmpty() || (noted && !failed && !passed)) {
                continue;
            }
            String value = failed ? (c.scale() == Scale.YES_NO ? "no" : "1")
                    : passed ? (c.scale() == Scale.YES_NO ? "yes" : "5") : "na";
            String why = String.join("; ", matching.stream().map(k -> k.label() + ": " + k.detail()).toList());
            out.add(new Answer(c.code(), value, "automatic check: " + why));
        }
        return out;
    }
}
