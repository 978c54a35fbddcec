package dev.paydesk.quality.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.platform.access.QualityReader;
import dev.paydesk.quality.QualityReports;
import dev.paydesk.quality.reports.IqsPoint;
import dev.paydesk.quality.reports.Pareto;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Quality reports API: IQS per group and week, the Pareto of failed criteria. */
@RestController
@QualityReader
@Tag(name = "Quality", description = "Scorecards, reviews of resolved cases and their lifecycle")
class QualityReportsApiController {

    private final QualityReports reports;
    private final Clock clock;

    QualityReportsApiController(QualityReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/api/v1/quality/reports/iqs")
    @Operation(summary = "IQS (mean score of counting reviews) per group and week; by = agent, market, category, reviewer, supplier or team; "
            + "period defaults to the last 12 weeks")
    List<IqsPoint> iqs(@RequestParam(defaultValue = "agent") String by, @RequestParam(required = false) @Nullable LocalDate from,
                       @RequestParam(required = false) @Nullable LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        return reports.iqs(QualityReportsController.dimension(by), from == null ? end.minusDays(QualityReportsController.DEFAULT_DAYS) : from, end);
    }

    @GetMapping("/api/v1/quality/reports/pareto")
    @Operation(summary = "Failed criteria of counting reviews, most frequent first, with cumulative share (80 % = vital few)")
    List<Pareto.Line> pareto(@RequestParam(required = false) @Nullable LocalDate from,
                             @RequestParam(required = false) @Nullable LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        return reports.pareto(from == null ? end.minusDays(QualityReportsController.DEFAULT_DAYS) : from, end);
    }
}
