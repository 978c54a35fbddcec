package dev.paydesk.quality.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.paydesk.platform.access.QualityReader;
import dev.paydesk.quality.QualityReports;
import dev.paydesk.quality.reports.IqsPoint;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.ListQuery;

/** The quality reports page: IQS over time by agent, market, category or reviewer and the Pareto of failed criteria. */
@Controller
@QualityReader
class QualityReportsController {

    /** Default period: the last twelve weeks. */
    static final int DEFAULT_DAYS = 84;

    private static final Map<String, Comparator<IqsPoint>> SORTS = Map.of(
            "group", ListQuery.byText(IqsPoint::group),
            "week", ListQuery.by(IqsPoint::week),
            "reviews", ListQuery.by(IqsPoint::reviews),
            "iqs", ListQuery.by(IqsPoint::iqs),
            "critical", ListQuery.by(IqsPoint::criticalFailures));

    private final QualityReports reports;
    private final Clock clock;

    QualityReportsController(QualityReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/quality/reports")
    String page(ListQuery list, Model model) {
        String by = list.filter("by") == null ? "agent" : list.filter("by");
        LocalDate to = LocalDate.now(clock);
        LocalDate from = to.minusDays(DEFAULT_DAYS);
        try {
            model.addAttribute("page", list.page(reports.iqs(dimension(by), from, to).stream()
                    .filter(p -> list.matches(p.group())).toList(), SORTS));
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("page", list.page(List.<IqsPoint>of(), SORTS));
        }
        model.addAttribute("by", by);
        model.addAttribute("pareto", reports.pareto(from, to));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "quality/reports";
    }

    static QualityReports.Dimension dimension(String by) {
        try {
            return QualityReports.Dimension.valueOf(by.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("by", "report by agent, market, category, reviewer, supplier or team, not '" + by + "'");
        }
    }
}
