package dev.paydesk.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.paydesk.quality.reports.IqsPoint;

/** IQS per supplier or team is the mean over all of the group's reviews, and a review counts for each team. */
class IqsRegroupTests {

    private static final LocalDate WEEK = LocalDate.of(2026, 11, 30);

    @Test
    void groupsSumReviewsAndScoresOfTheirAgents() {
        // ann: 2 reviews scoring 90 and 70 (sum 160); bob: 1 review scoring 40 with a critical failure
        List<QualityReportService.AgentWeek> rows = List.of(
                new QualityReportService.AgentWeek("ann", WEEK, 2, 160, 0),
                new QualityReportService.AgentWeek("bob", WEEK, 1, 40, 1));
        Map<String, List<String>> teams = Map.of("ann", List.of("night", "payments"), "bob", List.of("payments"));

        List<IqsPoint> points = QualityReportService.regroup(rows, teams::get);

        // night: ann only -> 160 / 2 = 80; payments: (90 + 70 + 40) / 3 = 66.67 (not the mean of agent means, 60)
        assertThat(points).containsExactly(new IqsPoint("night", WEEK, 2, 80.0, 0),
                new IqsPoint("payments", WEEK, 3, 66.67, 1));
    }

    @Test
    void weeksStaySeparate() {
        List<IqsPoint> points = QualityReportService.regroup(List.of(
                new QualityReportService.AgentWeek("ann", WEEK.plusWeeks(1), 1, 50, 0),
                new QualityReportService.AgentWeek("ann", WEEK, 1, 100, 0)), a -> List.of("bpo"));
        assertThat(points).extracting(IqsPoint::week).containsExactly(WEEK, WEEK.plusWeeks(1));
        assertThat(points).extracting(IqsPoint::iqs).containsExactly(100.0, 50.0);
    }
}
