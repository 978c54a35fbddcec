package dev.paydesk.cases.internal;

import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.paydesk.cases.WaitingReason;

/**
 * The SLA targets that apply to a case, in business time on the market's calendar; a null target
 * means the policy does not measure that clock.
 */
record SlaTargets(long policyId, String policyName, @Nullable Duration firstResponse, @Nullable Duration nextResponse,
                  @Nullable Duration resolution, Duration warnBefore, Set<WaitingReason> pauseReasons) {

    SlaTargets {
        pauseReasons = Set.copyOf(pauseReasons);
    }
}
