package dev.paydesk.triage.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import dev.paydesk.triage.Incident;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.paydesk.platform.CurrentUser;
import dev.paydesk.shared.NotFoundException;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.triage.Incidents;
import dev.paydesk.platform.access.ManagerOrAdmin;

/** Detected incidents for realtime and process managers (market-scoped). */
@Controller
@ManagerOrAdmin
class IncidentsController {

    private final Incidents incidents;
    private final org.springframework.context.support.MessageSourceAccessor texts;

    IncidentsController(Incidents incidents, org.springframework.context.MessageSource messages) {
        this.texts = new org.springframework.context.support.MessageSourceAccessor(messages);
        this.incidents = incidents;
    }

    private static final java.util.Map<String, java.util.Comparator<Incident>> SORTS = java.util.Map.of(
            "hour", dev.paydesk.shared.ListQuery.by(Incident::hour),
            "category", dev.paydesk.shared.ListQuery.byText(i -> i.cell().category()),
            "provider", dev.paydesk.shared.ListQuery.byText(i -> i.cell().provider()),
            "market", dev.paydesk.shared.ListQuery.byText(i -> i.cell().market()),
            "observed", java.util.Comparator.comparingInt(Incident::observed),
            "status", dev.paydesk.shared.ListQuery.byText(Incident::status));

    @GetMapping("/triage/incidents")
    String list(dev.paydesk.shared.ListQuery list, Model model) {
        model.addAttribute("page", list.page(incidents.recent(5000).stream()
                .filter(i -> CurrentUser.canAccessMarket(i.cell().market()))
                .filter(i -> list.is("status", i.status()) && list.is("market", i.cell().market())
                        && list.matches(i.cell().category(), i.cell().provider(), i.cell().market(), i.cell().method()))
                .toList(), SORTS));
        return "triage/incidents";
    }

    @PostMapping("/triage/incidents/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        CurrentUser.requireInScope(incidents.incident(id).cell().market(), () -> new NotFoundException("incident " + id));
        try {
            incidents.close(id);
            redirect.addFlashAttribute("flash", texts.getMessage("flash.incident.closed", new Object[] {String.valueOf(id)}));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/triage/incidents";
    }
}
