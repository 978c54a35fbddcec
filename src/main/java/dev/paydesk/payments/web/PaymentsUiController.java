package dev.paydesk.payments.web;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.paydesk.payments.OrderTimeline;
import dev.paydesk.payments.PaymentQueries;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.NavItem;
import dev.paydesk.platform.Role;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.Money;
import dev.paydesk.shared.NotFoundException;
import dev.paydesk.platform.access.AdminOnly;
import dev.paydesk.platform.access.CaseWorkerOrAuditor;
import dev.paydesk.platform.access.SpecialistAdminOrAuditor;
import dev.paydesk.platform.access.SpecialistOrAdmin;

/** Payment search, order timeline and quarantine pages. */
@Controller
@CaseWorkerOrAuditor
class PaymentsUiController {

    static final Set<Role> READERS = Set.of(Role.AGENT, Role.SPECIALIST, Role.DISPUTE_SPECIALIST, Role.PROCESS_MANAGER,
            Role.AUDITOR, Role.ADMIN);

    private final PaymentQueries payments;
    private final dev.paydesk.payments.FileImports imports;

    private final dev.paydesk.payments.internal.WebhookReceiver receiver;

    PaymentsUiController(PaymentQueries payments, dev.paydesk.payments.FileImports imports,
                         dev.paydesk.payments.internal.WebhookReceiver receiver) {
        this.payments = payments;
        this.imports = imports;
        this.receiver = receiver;
    }

    @GetMapping("/payments")
    String search(@RequestParam(required = false) @Nullable String q, PaymentFilters filters, Model model) {
        List<PaymentQueries.PaymentSummary> results = List.of();
        boolean searched = q != null || filters.any();
        if (searched) {
            try {
                String term = q == null || q.isBlank() ? null : q.trim();
                results = payments.search(filters.criteria(term, null, 200));
                if (results.isEmpty() && term != null) {
                    results = payments.search(filters.criteria(null, term, 200));
                }
            } catch (InvalidInputException | NumberFormatException e) {
                model.addAttribute("error", "Amount: " + e.getMessage());
            }
        }
        model.addAttribute("results", results.stream().filter(PaymentsApiController::visible).toList());
        model.addAttribute("searched", searched);
        return "payments/search";
    }

    @GetMapping("/payments/orders/{ref}")
    String order(@PathVariable String ref, Model model) {
        OrderTimeline timeline = payments.timeline(ref)
                .filter(t -> t.market() == null || CurrentUser.canAccessMarket(t.market()))
                .orElseThrow(() -> new NotFoundException("order " + ref + " is not in the mirror"));
        model.addAttribute("timeline", timeline);
        model.addAttribute("methods", timeline.customerReference() == null ? null
                : PaymentsApiController.visible(payments.paymentMethods(timeline.customerReference())));
        return "payments/order";
    }

    @GetMapping("/payments/quarantine")
    @SpecialistAdminOrAuditor
    String quarantine(Model model) {
        model.addAttribute("items", payments.quarantine(200));
        return "payments/quarantine";
    }

    @org.springframework.web.bind.annotation.PostMapping("/payments/quarantine/{id}/replay")
    @AdminOnly
    String replay(@PathVariable java.util.UUID id,
                  @RequestParam(required = false) @Nullable String payload,
                  org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            var receipt = receiver.replay(id, payload);
            redirect.addFlashAttribute("flash", "Replayed: " + receipt.applied() + " applied, " + receipt.duplicates()
                    + " already known, " + receipt.ignored() + " ignored.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/payments/quarantine";
    }

    @GetMapping("/payments/imports")
    @SpecialistOrAdmin
    String importsPage(Model model) {
        model.addAttribute("kinds", imports.kinds());
        return "payments/imports";
    }

    @org.springframework.web.bind.annotation.PostMapping("/payments/imports")
    @SpecialistOrAdmin
    String upload(@org.springframework.web.bind.annotation.RequestParam String kind,
                  @org.springframework.web.bind.annotation.RequestParam("file")
                  org.springframework.web.multipart.MultipartFile file, Model model) {
        model.addAttribute("kinds", imports.kinds());
        if (file.isEmpty()) {
            model.addAttribute("error", "Choose a file to import.");
            return "payments/imports";
        }
        try (java.io.InputStream in = file.getInputStream()) {
            model.addAttribute("result", imports.importFile(kind,
                    file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename(), in));
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
        } catch (java.io.IOException e) {
            model.addAttribute("error", "The upload could not be read: " + e.getMessage());
        }
        return "payments/imports";
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem paymentsNav() {
            return new NavItem("Money", "Payments", "/payments", "card", READERS, 10);
        }

        @Bean
        NavItem importsNav() {
            return new NavItem("Money", "Imports", "/payments/imports", "upload", Set.of(Role.SPECIALIST, Role.ADMIN), 80);
        }

        @Bean
        NavItem quarantineNav() {
            return new NavItem("Money", "Quarantine", "/payments/quarantine", "alert",
                    Set.of(Role.SPECIALIST, Role.ADMIN, Role.AUDITOR), 90);
        }
    }
}
