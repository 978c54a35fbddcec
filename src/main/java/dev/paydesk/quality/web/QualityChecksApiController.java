package dev.paydesk.quality.web;

import dev.paydesk.platform.access.CaseWorker;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;
import dev.paydesk.platform.access.QualityReader;
import dev.paydesk.platform.access.QualityReviewerOrLead;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.cases.CaseQualityChecks.AutomaticCheck;
import dev.paydesk.quality.ReviewDraft;
import dev.paydesk.quality.internal.AutomaticCheckService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The automatic checks of a case and the review draft they prefill. */
@RestController
@RequestMapping("/api/v1/quality/cases")
@Tag(name = "Quality", description = "Scorecards, reviews of resolved cases and their lifecycle")
class QualityChecksApiController {

    private final AutomaticCheckService checks;

    QualityChecksApiController(AutomaticCheckService checks) {
        this.checks = checks;
    }

    @GetMapping("/{key}/checks")
    @QualityReader
    @Operation(summary = "Automatic checks of a case: clocks, SOP steps, reply language, card-data requests, "
            + "four-eyes, category, repeat contact, macro or free text")
    List<AutomaticCheck> checks(@PathVariable String key) {
        return checks.checks(key);
    }

    @GetMapping("/{key}/review-draft")
    @QualityReviewerOrLead
    @Operation(summary = "The scorecard for a case with answers prefilled from its automatic checks")
    ReviewDraft draft(@PathVariable String key) {
        return checks.draft(key);
    }
}
