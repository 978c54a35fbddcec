package dev.paydesk.knowledge.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.paydesk.knowledge.internal.KnowledgeReports;
import dev.paydesk.platform.access.ManagerAdminOrAuditor;

/** The usage and gap report: failed searches, least-used articles, helpfulness, stale translations. */
@Controller
@ManagerAdminOrAuditor
class KnowledgeReportsUiController {

    private final KnowledgeReports reports;

    KnowledgeReportsUiController(KnowledgeReports reports) {
        this.reports = reports;
    }

    @GetMapping("/knowledge/reports")
    String reports(@RequestParam(defaultValue = "views") String sort, @RequestParam(defaultValue = "0") int page,
                   @RequestParam(defaultValue = "30") int days, Model model) {
        var usage = reports.usage(sort, page);
        model.addAttribute("failed", reports.failedSearches(days));
        model.addAttribute("usage", usage.stream().limit(KnowledgeReports.pageSize()).toList());
        model.addAttribute("hasNext", usage.size() > KnowledgeReports.pageSize());
        model.addAttribute("stale", reports.staleTranslations());
        model.addAttribute("sort", sort);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("days", days);
        return "knowledge/reports";
    }
}
