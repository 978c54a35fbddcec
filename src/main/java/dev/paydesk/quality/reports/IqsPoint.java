package dev.paydesk.quality.reports;

import java.time.LocalDate;

/**
 * The internal quality score of one group in one week: the mean score of its counting reviews (overturned
 * reviews do not count).
 *
 * @param group the agent, market, category or reviewer
 * @param week  the Monday of the week
 */
public record IqsPoint(String group, LocalDate week, long reviews, double iqs, long criticalFailures) {
}
