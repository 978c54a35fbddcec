package dev.paydesk.quality.sampling;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.Money;

/**
 * A sampling rule set. Targeted picks take every case that matches; then each agent gets a random share
 * of their remaining cases so that their total reaches at least {@code minPerAgent} (or all they have).
 *
 * @param randomShare       share of each agent's cases picked at random, 0..1
 * @param minPerAgent       picks per agent at least (targeted ones count)
 * @param csatAtMost        pick cases rated this or lower (null = off), e.g. 2
 * @param moneyAbove        pick cases with a money action above this amount, same currency (null = off)
 * @param newAgentDays      pick every case of agents in their first N days (0 = off), e.g. 30
 * @param dueDays           days a reviewer has for a pick
 * @param allowSameSupplier whether a reviewer of the agent's own supplier may review
 */
public record SamplingRules(double randomShare, int minPerAgent, @Nullable Integer csatAtMost, boolean reopened,
                            boolean clockBreached, @Nullable Money moneyAbove, int newAgentDays, boolean lostDisputes,
                            int dueDays, boolean allowSameSupplier) {

    public SamplingRules {
        if (!(randomShare >= 0 && randomShare <= 1)) {
            throw new InvalidInputException("randomShare", "the random share is between 0 and 1");
        }
        if (minPerAgent < 0 || newAgentDays < 0 || dueDays < 1) {
            throw new InvalidInputException("rules", "minimum per agent and new-agent days are 0 or more, due days 1 or more");
        }
        if (csatAtMost != null && (csatAtMost < 1 || csatAtMost > 5)) {
            throw new InvalidInputException("csatAtMost", "CSAT is rated 1 to 5");
        }
    }

    /** The defaults: 5 % per agent, at least 2, CSAT ≤ 2, reopened, breached, lost disputes, 30 days, 5 days to review. */
    public static SamplingRules standard(@Nullable Money moneyAbove) {
        return new SamplingRules(0.05, 2, 2, true, true, moneyAbove, 30, true, 5, true);
    }
}
