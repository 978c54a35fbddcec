package dev.paydesk.payments.web;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
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
import dev.paydesk.shared.MoneyParser;
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
    private final org.springframework.context.support.MessageSourceAccessor texts;

    PaymentsUiController(PaymentQueries payments, dev.paydesk.payments.FileImports imports,
                         dev.paydesk.payments.internal.WebhookReceiver receiver, org.springframework.context.MessageSource messages) {
        this.texts = new org.springframework.context.support.MessageSourceAccessor(messages);
        this.payments = payments;
        this.imports = imports;
        this.receiver = receiver;
    }

    private static final java.util.Map<String, java.util.Comparator<PaymentQueries.PaymentSummary>> SORTS = java.util.Map.of(
            "when", dev.paydesk.shared.ListQuery.by(PaymentQueries.PaymentSummary::occurredAt),
            "order", dev.paydesk.shared.ListQuery.byText(PaymentQueries.PaymentSummary::merchantReference),
            "provider", dev.paydesk.shared.ListQuery.byText(PaymentQueries.PaymentSummary::provider),
            "kind", dev.paydesk.shared.ListQuery.by(PaymentQueries.PaymentSummary::kind),
            "status", dev.paydesk.shared.ListQuery.byText(PaymentQueries.PaymentSummary::status),
            "amount", java.util.Comparator.<PaymentQueries.PaymentSummary, String>comparing(
                    p -> p.amount().currency().getCurrencyCode()).thenComparingLong(p -> p.amount().minor()));

    private static final java.util.Map<String, java.util.Comparator<PaymentQueries.QuarantinedItem>> QUARANTINE_SORTS =
            java.util.Map.of("received", dev.paydesk.shared.ListQuery.by(PaymentQueries.QuarantinedItem::receivedAt),
                    "source", dev.paydesk.shared.ListQuery.byText(PaymentQueries.QuarantinedItem::source),
                    "provider", dev.paydesk.shared.ListQuery.byText(PaymentQueries.QuarantinedItem::provider),
                    "reason", dev.paydesk.shared.ListQuery.byText(PaymentQueries.QuarantinedItem::reason));

    @GetMapping("/payments")
    String search(@RequestParam(required = false) @Nullable String q, PaymentFilters filters, dev.paydesk.shared.ListQuery list,
                  Model model) {
        List<PaymentQueries.PaymentSummary> results = List.of();
        boolean searched = q != null || filters.any();
        if (searched) {
            try {
                String term = q == null || q.isBlank() ? null : q.trim();
                results = payments.search(filters.criteria(term, null, 1000, LocaleContextHolder.getLocale()));
                if (results.isEmpty() && term != null) {
                    results = payments.search(filters.criteria(null, term, 1000, LocaleContextHolder.getLocale()));
                }
            } catch (InvalidInputException e) {
                model.addAttribute("error", texts.getMessage(e.field().equals("currency") ? "error.field.currency" : "error.field.amount", new Object[] {e.getMessage()}));
            }
        }
        model.addAttribute("page", list.page(results.stream().filter(PaymentsApiController::visible).toList(), SORTS));
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
    String quarantine(dev.paydesk.shared.ListQuery list, Model model) {
        model.addAttribute("page", list.page(payments.quarantine(5000).stream()
                .filter(i -> list.is("source", i.source()) && list.is("provider", i.provider())
                        && list.matches(i.reason(), i.account(), i.provider(), i.source()))
                .toList(), QUARANTINE_SORTS));
        return "payments/quarantine";
    }

    @org.springframework.web.bind.annotation.PostMapping("/payments/quarantine/{id}/replay")
    @AdminOnly
    String replay(@PathVariable java.util.UUID id,
                  @RequestParam(required = false) @Nullable String payload,
                  org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            var receipt = receiver.replay(id, payload);
            redirect.addFlashAttribute("flash", texts.getMessage("flash.payments.replayed",
                    new Object[] {receipt.applied(), receipt.duplicates(), receipt.ignored()}));
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
            model.addAttribute("error", texts.getMessage("error.imports.noFile"));
            return "payments/imports";
        }
        try (java.io.InputStream in = file.getInputStream()) {
            model.addAttribute("result", imports.importFile(kind,
                    file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename(), in));
        } catch (InvalidInputException e) {
            model.addAttribute("error", texts.getMessage(e.field().equals("kind") ? "error.field.kind" : "error.field.file", new Object[] {e.getMessage()}));
        } catch (java.io.IOException e) {
            model.addAttribute("error", texts.getMessage("error.imports.unreadable"));
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
