package dev.paydesk.reconciliation.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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
import dev.paydesk.shared.ListQuery;
import dev.paydesk.shared.Money;
import dev.paydesk.platform.access.SpecialistProcessManagerAdminOrAuditor;
import dev.paydesk.platform.access.SpecialistProcessManagerOrAdmin;

/** The findings page (filters, totals at risk, bulk acknowledge and assign) and the settlement batch report. */
@Controller
@SpecialistProcessManagerAdminOrAuditor
class ReconciliationUiController {

    private static final Set<Role> READERS = Set.of(Role.SPECIALIST, Role.PROCESS_MANAGER, Role.ADMIN, Role.AUDITOR);

    private final Findings findings;

    private final MessageSource messages;

    ReconciliationUiController(Findings findings, MessageSource messages) {
        this.findings = findings;
        this.messages = messages;
    }

    /**
     * Findings, paged and sortable; text filters ignore case. A bad amount or day count is named on the page and
     * ignored, never an error page.
     */
    @GetMapping("/reconciliation")
    String list(FindingPageFilters filters, ListQuery list, java.util.Locale locale, Model model) {
        FindingPageFilters.Read read = filters.read(locale, 500);
        Findings.Filter filter = read.filter();
        Findings.Totals totals = findings.totals(filter, list.q());
        model.addAttribute("page", findings.page(filter, list));
        model.addAttribute("totals", totals.amountMinorByCurrency().entrySet().stream()
                .map(e -> Money.of(e.getValue(), e.getKey())).collect(Collectors.toList()));
        model.addAttribute("types", FindingType.values());
        model.addAttribute("badFields", read.badFields());
        return "reconciliation/findings";
    }

    @PostMapping("/reconciliation/acknowledge")
    @SpecialistProcessManagerOrAdmin
    String acknowledge(@RequestParam(name = "ids", required = false) @Nullable List<UUID> ids, RedirectAttributes redirect) {
        int changed = ids == null ? 0 : findings.acknowledge(ids);
        redirect.addFlashAttribute("flash", messages.getMessage("flash.findings.acknowledged", new Object[] {changed},
                org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        return "redirect:/reconciliation";
    }

    @PostMapping("/reconciliation/assign")
    @SpecialistProcessManagerOrAdmin
    String assign(@RequestParam(name = "ids", required = false) @Nullable List<UUID> ids,
                  @RequestParam(defaultValue = "") String assignee, java.util.Locale locale, RedirectAttributes redirect) {
        try {
            int changed = findings.assign(ids == null ? List.of() : ids, assignee);
            redirect.addFlashAttribute("flash", messages.getMessage("findings.assigned", new Object[] {changed, assignee.strip()}, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.getMessage("settings.field." + e.field(), null, e.field(), locale)
                    + ": " + e.getMessage());
        }
        return "redirect:/reconciliation";
    }

    private static final java.util.Map<String, java.util.Comparator<Findings.BatchSummary>> BATCH_SORTS = java.util.Map.of(
            "provider", ListQuery.byText(Findings.BatchSummary::provider),
            "batch", ListQuery.byText(Findings.BatchSummary::batch),
            "lines", java.util.Comparator.comparingInt(Findings.BatchSummary::lines),
            "unmatched", java.util.Comparator.comparingInt(Findings.BatchSummary::unmatched),
            "difference", java.util.Comparator.comparingLong(Findings.BatchSummary::differenceMinor),
            "reported", ListQuery.by(Findings.BatchSummary::reportedAt));

    @GetMapping("/reconciliation/batches")
    String batches(ListQuery list, Model model) {
        List<Findings.BatchSummary> rows = findings.batches(5000).stream()
                .filter(b -> list.is("provider", b.provider()) && list.matches(b.provider(), b.batch(), b.currency()))
                .toList();
        model.addAttribute("page", list.page(rows, BATCH_SORTS));
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
