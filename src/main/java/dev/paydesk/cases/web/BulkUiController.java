package dev.paydesk.cases.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.paydesk.cases.BulkChanges;
import dev.paydesk.cases.CaseQuery;
import dev.paydesk.cases.CaseSettings;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.cases.WaitingReason;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.platform.access.AnySpecialistProcessManagerOrAdmin;

/** The bulk clean-up page: filter, dry run, then apply. */
@Controller
@AnySpecialistProcessManagerOrAdmin
class BulkUiController {

    private final BulkChanges bulk;
    private final CaseSettings settings;
    private final CaseWorkbench workbench;

    BulkUiController(BulkChanges bulk, CaseSettings settings, CaseWorkbench workbench) {
        this.bulk = bulk;
        this.settings = settings;
        this.workbench = workbench;
    }

    @GetMapping("/cases/bulk")
    String form(Model model) {
        model.addAttribute("queues", settings.queues());
        model.addAttribute("macros", workbench.macros("en"));
        return "cases/bulk";
    }

    @PostMapping("/cases/bulk")
    String run(@RequestParam(defaultValue = "all") String view, @RequestParam(required = false) @Nullable String q,
               @RequestParam(required = false) @Nullable String market, @RequestParam(required = false) @Nullable String queue,
               @RequestParam(required = false) @Nullable String category, @RequestParam(required = false) @Nullable String tag,
               @RequestParam(required = false) @Nullable String newQueue, @RequestParam(required = false) @Nullable String newAssignee,
               @RequestParam(required = false) @Nullable String newStatus, @RequestParam(required = false) @Nullable String newCategory,
               @RequestParam(required = false) @Nullable String addTags, @RequestParam(required = false) @Nullable String removeTags,
               @RequestParam(required = false) @Nullable String macro, @RequestParam(required = false) @Nullable String note,
               @RequestParam(defaultValue = "preview") String action, Model model) {
        model.addAttribute("queues", settings.queues());
        model.addAttribute("macros", workbench.macros("en"));
        try {
            CaseQuery selection = CasesApiController.query(view, q, List.of(), market, queue, null, category, null, tag, 500, 0);
            CaseStatus status = null;
            WaitingReason reason = null;
            if (newStatus != null && !newStatus.isBlank()) {
                if (newStatus.startsWith("WAITING_")) {
                    status = CaseStatus.WAITING;
                    reason = WaitingReason.valueOf(newStatus.substring(8));
                } else {
                    status = CaseStatus.valueOf(newStatus);
                }
            }
            BulkChanges.Change change = new BulkChanges.Change(blank(newQueue), newAssignee == null || newAssignee.isEmpty() ? null : newAssignee,
                    status, reason, blank(newCategory), CasesUiController.splitTags(addTags),
                    CasesUiController.splitTags(removeTags), blank(macro), blank(note));
            BulkChanges.Plan plan = action.equals("apply") ? bulk.apply(selection, change) : bulk.preview(selection, change);
            model.addAttribute("plan", plan);
            model.addAttribute("applied", action.equals("apply"));
        } catch (InvalidInputException | IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "cases/bulk";
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
