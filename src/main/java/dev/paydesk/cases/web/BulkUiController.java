package dev.paydesk.cases.web;

import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpSession;

import dev.paydesk.cases.BulkChanges;
import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseQuery;
import dev.paydesk.cases.CaseSettings;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.platform.access.AnySpecialistProcessManagerOrAdmin;

/** The bulk clean-up page: filter, dry run, then apply. */
@Controller
@AnySpecialistProcessManagerOrAdmin
class BulkUiController {

    private static final String UNDO = "paydesk.bulk-undo";

    private final BulkChanges bulk;
    private final CaseSettings settings;
    private final CaseWorkbench workbench;

    private final CaseDesk desk;
    private final java.time.Clock clock;
    private final MessageSource messages;

    BulkUiController(BulkChanges bulk, CaseSettings settings, CaseWorkbench workbench, CaseDesk desk, java.time.Clock clock,
                     MessageSource messages) {
        this.desk = desk;
        this.clock = clock;
        this.messages = messages;
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
    String run(CaseFilters filters, BulkForm form, HttpSession session, Model model) {
        model.addAttribute("queues", settings.queues());
        model.addAttribute("macros", workbench.macros("en"));
        try {
            CaseQuery selection = filters.orView("all").query(500, 0);
            BulkChanges.Change change = form.change();
            BulkChanges.Plan plan = form.apply() ? bulk.apply(selection, change) : bulk.preview(selection, change);
            model.addAttribute("plan", plan);
            model.addAttribute("applied", form.apply());
            if (form.apply() && !plan.cases().isEmpty()) {
                BulkUndo.Applied applied = BulkUndo.Applied.of(UUID.randomUUID(), CurrentUser.actorName(), clock.instant(), plan);
                session.setAttribute(UNDO, applied);
                model.addAttribute("undoToken", applied.token());
                model.addAttribute("undoSeconds", BulkUndo.WINDOW.toSeconds());
            }
        } catch (InvalidInputException | IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "cases/bulk";
    }

    /** Puts back what the last bulk change of this session set, if its undo window is still open. */
    @PostMapping("/cases/bulk/undo")
    String undo(@RequestParam UUID token, HttpSession session, Locale locale, RedirectAttributes redirect) {
        if (!(session.getAttribute(UNDO) instanceof BulkUndo.Applied applied) || !applied.token().equals(token)
                || !applied.user().equals(CurrentUser.actorName())) {
            redirect.addFlashAttribute("error", messages.getMessage("bulk.undo.gone", null, locale));
            return "redirect:/cases/bulk";
        }
        if (!applied.open(clock.instant())) {
            session.removeAttribute(UNDO);
            redirect.addFlashAttribute("error", messages.getMessage("bulk.undo.closed", new Object[] {BulkUndo.WINDOW.toSeconds()}, locale));
            return "redirect:/cases/bulk";
        }
        session.removeAttribute(UNDO);
        BulkUndo.Outcome outcome = BulkUndo.undo(desk, applied);
        redirect.addFlashAttribute("flash", messages.getMessage("bulk.undo.done", new Object[] {outcome.restored()}, locale)
                + (outcome.kept().isEmpty() ? "" : " " + messages.getMessage("bulk.undo.kept",
                new Object[] {String.join(", ", outcome.kept())}, locale)));
        return "redirect:/cases/bulk";
    }
}
