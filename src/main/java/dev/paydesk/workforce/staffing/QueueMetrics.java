package dev.paydesk.workforce.staffing;

/**
 * Steady-state figures of one interval for a given number of agents.
 *
 * @param agents           agents on the phone (after shrinkage)
 * @param serviceLevel     share of OFFERED contacts answered within the threshold
 * @param serviceLevelOfAnswered share of ANSWERED contacts answered within the threshold
 * @param waitWithin       P(time in queue &lt;= threshold), counting abandoners by the time they left
 * @param asaSeconds       mean wait of answered contacts (infinite when the queue is unstable)
 * @param occupancy        share of agent time busy
 * @param probWait         probability that an arriving contact waits
 * @param probAbandon      probability that a contact abandons (0 in Erlang C)
 */
public record QueueMetrics(int agents, double serviceLevel, double serviceLevelOfAnswered, double waitWithin,
        double asaSeconds, double occupancy, double probWait, double probAbandon) {
}
