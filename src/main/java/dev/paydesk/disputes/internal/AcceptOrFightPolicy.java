package dev.paydesk.disputes.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.paydesk.disputes.Recommendation;
import dev.paydesk.disputes.ReasonCategory;
import dev.paydesk.shared.Money;

/**
 * Expected value of fighting: P(win) × amount − fees − handling cost, fight when positive.
 * P(win) is the posterior mean of a Beta(α, β) prior for the reason category updated with the
 * merchant's own wins and losses (Beta–Binomial conjugacy: Beta(α + wins, β + losses)), scaled by
 * evidence completeness c: P = mean × (w + (1 − w) × c), where w is the share of the win chance a
 * dispute keeps with no evidence at all (configurable).
 */
final class AcceptOrFightPolicy {

    private AcceptOrFightPolicy() {
    }

    record Inputs(ReasonCategory category, double alpha, double beta, long wins, long losses, double completeness,
                  double missingEvidenceWeight, Money amount, Money fees, Money handlingCost) {
    }

    static Recommendation decide(Inputs in) {
        double mean = (in.alpha() + in.wins()) / (in.alpha() + in.beta() + in.wins() + in.losses());
        double c = Math.max(0, Math.min(1, in.completeness()));
        double w = Math.max(0, Math.min(1, in.missingEvidenceWeight()));
        double p = mean * (w + (1 - w) * c);
        long expectedRecovery = BigDecimal.valueOf(p).multiply(BigDecimal.valueOf(in.amount().minor()))
                .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        Money ev = new Money(expectedRecovery, in.amount().currency()).minus(in.fees()).minus(in.handlingCost());
        Recommendation.Decision decision = ev.minor() > 0 ? Recommendation.Decision.FIGHT : Recommendation.Decision.ACCEPT;
        List<String> why = new ArrayList<>();
        why.add(String.format(Locale.ROOT, "%s: prior Beta(%.1f, %.1f) and %d won / %d lost of this merchant give P(win) %.0f%%",
                in.category().label(), in.alpha(), in.beta(), in.wins(), in.losses(), mean * 100));
        why.add(String.format(Locale.ROOT, "evidence %.0f%% complete: P(win) %.0f%%", c * 100, p * 100));
        why.add(String.format(Locale.ROOT, "expected value %s = %.0f%% × %s − fees %s − handling %s", ev, p * 100,
                in.amount(), in.fees(), in.handlingCost()));
        why.add(decision == Recommendation.Decision.FIGHT ? "fighting is worth more than accepting"
                : "accepting costs less than fighting is expected to recover");
        return new Recommendation(decision, in.category(), in.alpha(), in.beta(), in.wins(), in.losses(), mean, c, p,
                in.amount(), in.fees(), in.handlingCost(), ev, why);
    }
}
