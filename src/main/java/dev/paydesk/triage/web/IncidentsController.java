package dev.paydesk.triage.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

    IncidentsController(Incidents incidents) {
        this.incidents = incidents;
    }

    @GetMapping("/triage/incidents")
    String list(Model model) {
        model.addAttribute("incidents", incidents.recent(200).stream()
                .filter(i -> CurrentUser.canAccessMarket(i.cell().market())).toList());
        return "triage/incidents";
    }

    @PostMapping("/triage/incidents/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        CurrentUser.requireInScope(incidents.incident(id).cell().market(), () -> new NotFoundException("incident " + id));
        try {
            incidents.close(id);
            redirect.addFlashAttribute("flash", "Incident " + id + " closed.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/triage/incidents";
    }
}
