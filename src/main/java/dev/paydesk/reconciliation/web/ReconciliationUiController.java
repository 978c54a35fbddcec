package dev.paydesk.reconciliation.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.paydesk.platform.NavItem;
import dev.paydesk.platform.Role;
import dev.paydesk.reconciliation.FindingType;
import dev.paydesk.reconciliation.Findings;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.Money;
import dev.paydesk.platform.access.SpecialistProcessManagerAdminOrAuditor;
import dev.paydesk.platform.access.SpecialistProcessManagerOrAdmin;

/** The findings page (filters, totals at risk, bulk acknowledge and assign) and the settlement batch report. */
@Controller
@SpecialistProcessManagerAdminOrAuditor
class ReconciliationUiController {

    private static final Set<Role> READERS = Set.of(Role.SPECIALIST, Role.PROCESS_MANAGER, Role.ADMIN, Role.AUDITOR);

    private final Findings findings;

    ReconciliationUiController(Findings findings) {
        this.findings = findings;
    }

    @GetMapping("/reconciliation")
    String list(FindingFilters filters, @RequestParam(required = false) @Nullable String minAmount, Model model) {
        Long minAmountMinor = minAmount == null || minAmount.isBlank() ? null : Money.parse(minAmount, "EUR").minor();
        Findings.Filter filter = filters.filter(minAmountMinor, 500);
        Findings.Totals totals = findings.totals(filter);
        model.addAttribute("findings", findings.search(filter));
        model.addAttribute("count", totals.count());
        model.addAttribute("totals", totals.amountMinorByCurrency().entrySet().stream()
                .map(e -> Money.of(e.getValue(), e.getKey()).toString()).collect(Collectors.toList()));
        model.addAttribute("types", FindingType.values());
        return "reconciliation/findings";
    }

    @PostMapping("/reconciliation/acknowledge")
    @SpecialistProcessManagerOrAdmin
    String acknowledge(@RequestParam(name = "ids", required = false) @Nullable List<UUID> ids, RedirectAttributes redirect) {
        int changed = ids == null ? 0 : findings.acknowledge(ids);
        redirect.addFlashAttribute("flash", changed + " finding(s) acknowledged.");
        return "redirect:/reconciliation";
    }

    @PostMapping("/reconciliation/assign")
    @SpecialistProcessManagerOrAdmin
    String assign(@RequestParam(name = "ids", required = false) @Nullable List<UUID> ids,
                  @RequestParam(defaultValue = "") String assignee, RedirectAttributes redirect) {
        try {
            int changed = ids == null ? 0 : findings.assign(ids, assignee);
            redirect.addFlashAttribute("flash", changed + " finding(s) assigned to " + assignee + ".");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/reconciliation";
    }

    @GetMapping("/reconciliation/batches")
    String batches(Model model) {
        model.addAttribute("batches", findings.batches(200));
        return "reconciliation/batches";
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem reconciliationNav() {
            return new NavItem("Money", "Findings", "/reconciliation", "alert", READERS, 20);
        }

        @Bean
        NavItem settlementBatchesNav() {
            return new NavItem("Money", "Settlement batches", "/reconciliation/batches", "card", READERS, 30);
        }
    }
}
