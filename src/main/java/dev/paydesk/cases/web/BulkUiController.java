package dev.paydesk.cases.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import dev.paydesk.cases.BulkChanges;
import dev.paydesk.cases.CaseQuery;
import dev.paydesk.cases.CaseSettings;
import dev.paydesk.cases.CaseWorkbench;
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
    String run(CaseFilters filters, BulkForm form, Model model) {
        model.addAttribute("queues", settings.queues());
        model.addAttribute("macros", workbench.macros("en"));
        try {
            CaseQuery selection = filters.orView("all").query(500, 0);
            BulkChanges.Change change = form.change();
            BulkChanges.Plan plan = form.apply() ? bulk.apply(selection, change) : bulk.preview(selection, change);
            model.addAttribute("plan", plan);
            model.addAttribute("applied", form.apply());
        } catch (InvalidInputException | IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "cases/bulk";
    }
}
