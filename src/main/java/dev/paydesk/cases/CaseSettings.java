package dev.paydesk.cases;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The case desk's configuration, edited by process managers: queues with their assignment strategy,
 * agents with capacity and skills, routing rules and SLA policies. Changing a policy recomputes the
 * clocks of the open cases it governs.
 */
public interface CaseSettings {

    record Queue(String code, String name, String strategy, @Nullable String peerFunction, @Nullable Integer olaMinutes,
                 List<String> members) {
    }

    record Agent(String username, int capacity, List<String> languages, List<String> providers, boolean active,
                 List<String> queues) {
    }

    record RoutingRule(long id, int position, @Nullable String category, @Nullable String market,
                       @Nullable String language, @Nullable String provider, @Nullable Long minAmountMinor,
                       @Nullable String currency, String queue, @Nullable Priority priority) {
    }

    /**
     * @param firstResponseRule what satisfies the first-response clock; {@link FirstResponseRule#FIRST_REPLY}
     *                          when not given
     */
    record SlaPolicy(long id, String name, @Nullable String category, @Nullable String market,
                     @Nullable Priority priority, @Nullable Integer firstResponseMinutes,
                     @Nullable Integer nextResponseMinutes, @Nullable Integer resolutionMinutes, int warnBeforeMinutes,
                     Set<WaitingReason> pauseReasons, FirstResponseRule firstResponseRule) {

        public SlaPolicy {
            pauseReasons = pauseReasons == null ? Set.of() : Set.copyOf(pauseReasons);
            firstResponseRule = Objects.requireNonNullElse(firstResponseRule, FirstResponseRule.FIRST_REPLY);
        }
    }

    List<Queue> queues();

    Queue saveQueue(Queue queue);

    List<Agent> agents();

    Agent saveAgent(Agent agent);

    List<RoutingRule> routingRules();

    RoutingRule addRoutingRule(RoutingRule rule);

    /** Changes an existing rule's position, conditions, queue and priority (the rule's {@code id} names it). */
    RoutingRule updateRoutingRule(RoutingRule rule);

    void deleteRoutingRule(long id);

    List<SlaPolicy> policies();

    /** Creates ({@code id} 0) or updates a policy; the open cases it governs get their clocks recomputed. */
    SlaPolicy savePolicy(SlaPolicy policy);
}
