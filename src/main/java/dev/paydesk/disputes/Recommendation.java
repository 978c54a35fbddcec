package dev.paydesk.disputes;

import java.util.List;

import dev.paydesk.shared.Money;

/**
 * Accept or fight, with the numbers behind it: {@code expectedValue = pWin × amount − fees − handlingCost};
 * fight when it is positive.
 *
 * @param priorAlpha the category's Beta prior before the merchant's own outcomes
 * @param wins the merchant's won disputes in this category (and provider)
 * @param losses the merchant's lost disputes in this category (and provider)
 * @param posteriorMean (priorAlpha + wins) / (priorAlpha + priorBeta + wins + losses)
 * @param completeness share of the evidence checklist present, 0..1
 * @param pWin posteriorMean scaled by evidence completeness
 */
public record Recommendation(Decision decision, ReasonCategory category, double priorAlpha, double priorBeta,
                             long wins, long losses, double posteriorMean, double completeness, double pWin,
                             Money amount, Money fees, Money handlingCost, Money expectedValue, List<String> reasoning) {

    public enum Decision { FIGHT, ACCEPT }
}
