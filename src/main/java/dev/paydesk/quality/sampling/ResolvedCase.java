package dev.paydesk.quality.sampling;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.Money;

/**
 * What sampling needs to know about one resolved case.
 *
 * @param agent          who worked it (the assignee at resolution)
 * @param supplier       the agent's supplier (BPO), null = in-house or unknown
 * @param csat           the customer's rating 1..5, if answered
 * @param largestMoney   the largest money action on the case, if any
 * @param agentStartedOn the agent's first day, if known
 */
public record ResolvedCase(String caseKey, String agent, @Nullable String supplier, @Nullable Integer csat,
                           boolean reopened, boolean clockBreached, @Nullable Money largestMoney,
                           @Nullable LocalDate agentStartedOn, boolean disputeLost, LocalDate resolvedOn) {
}
