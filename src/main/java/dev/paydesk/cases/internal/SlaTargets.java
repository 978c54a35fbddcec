package dev.paydesk.cases.internal;

import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.paydesk.cases.FirstResponseRule;
import dev.paydesk.cases.WaitingReason;

/**
 * The SLA targets that apply to a case, in business time on the market's calendar; a null target
 * means the policy does not measure that clock.
 */
record SlaTargets(long policyId, String policyName, @Nullable Duration firstResponse, @Nullable Duration nextResponse,
                  @Nullable Duration resolution, Duration warnBefore, Set<WaitingReason> pauseReasons,
                  FirstResponseRule firstResponseRule) {

    SlaTargets {
        for (Duration target : new Duration[] {firstResponse, nextResponse, resolution}) {
            if (target != null && (target.isZero() || target.isNegative())) {
                throw new IllegalArgumentException("an SLA target must be positive: " + target);
            }
        }
        pauseReasons = Set.copyOf(pauseReasons);
    }

    /** No policy applies: no clocks. */
    static SlaTargets none() {
        return new SlaTargets(0, "none", null, null, null, Duration.ZERO, Set.of(), FirstResponseRule.FIRST_REPLY);
    }
}
