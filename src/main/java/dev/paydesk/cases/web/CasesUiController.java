package dev.paydesk.cases.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseDetail;
import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.CaseQuery;
import dev.paydesk.cases.CaseSettings;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.cases.CategoryDirectory;
import dev.paydesk.cases.EntryKind;
import dev.paydesk.cases.ExpectedVersion;
import dev.paydesk.cases.StaleCaseException;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.cases.MoneyActionType;
import dev.paydesk.cases.MoneyActions;
import dev.paydesk.cases.Priority;
import dev.paydesk.cases.WaitingReason;
import dev.paydesk.payments.OrderTimeline;
import dev.paydesk.payments.PaymentQueries;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.platform.NavItem;
import dev.paydesk.platform.Role;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.MoneyParser;
import dev.paydesk.shared.NotFoundException;
import dev.paydesk.platform.access.AnySpecialistProcessManagerOrAdmin;
import dev.paydesk.platform.access.CaseWorker;
import dev.paydesk.platform.access.CaseWorkerOrAuditor;

/** Queue views, the case page, attachment downloads, CSV import and the approvals inbox; the case page's forms post to {@link CaseActionsUiController}. */
@Controller
@CaseWorkerOrAuditor
class CasesUiController {

    static final Set<Role> WORKERS = Set.of(Role.AGENT, Role.SPECIALIST, Role.DISPUTE_SPECIALIST, Role.PROCESS_MANAGER,
            Role.ADMIN, Role.AUDITOR);

    private final CaseDesk desk;
    private final MoneyActions money;
    private final CaseSettings settings;
    private final PaymentQueries payments;
    private final MarketCatalog markets;
    private final Optional<CategoryDirectory> categories;
    private final CaseWorkbench workbench;
    private final dev.paydesk.cases.CaseAttachments attachments;
    @org.springframework.beans.factory.annotation.Autowired
    private dev.paydesk.cases.CaseImport csvImport;
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.context.MessageSource messages;

    CasesUiController(CaseDesk desk, MoneyActions money, CaseSettings settings, PaymentQueries payments,
                      MarketCatalog markets, Optional<CategoryDirectory> categories, CaseWorkbench workbench,
                      dev.paydesk.cases.CaseAttachments attachments) {
        this.attachments = attachments;
        this.desk = desk;
        this.money = money;
        this.settings = settings;
        this.payments = payments;
        this.markets = markets;
        this.categories = categories;
        this.workbench = workbench;
    }

    @GetMapping("/cases/new")
    @CaseWorker
    String newCase(Model model) {
        model.addAttribute("marketList", markets.markets().stream().filter(m -> CurrentUser.canAccessMarket(m.code())).toList());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("categoryList", categories.map(c -> c.categories("en")).orElse(List.of()));
        return "cases/new";
    }

    @PostMapping("/cases")
    @CaseWorker
    String create(@Valid CaseForm form, RedirectAttributes redirect) {
        try {
            CaseDesk.Opened opened = desk.open(form.newCase());
            redirect.addFlashAttribute("flash", messages.getMessage("flash.case.opened",
                    new Object[] {opened.summary().key(), opened.summary().queue()}, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
            return "redirect:/cases/" + opened.summary().key();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/cases/new";
        }
    }

    @GetMapping("/cases/attachments/{id}")
    org.springframework.http.ResponseEntity<byte[]> download(@PathVariable UUID id) {
        var content = attachments.get(id);
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                        .filename(content.attachment().filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(org.springframework.http.MediaType.parseMediaType(content.attachment().contentType()))
                .body(content.bytes());
    }

    @PostMapping(path = "/cases/import", consumes = "multipart/form-data")
    @CaseWorker
    String importCsv(@RequestParam("file") org.springframework.web.multipart.MultipartFile file, Model model) throws java.io.IOException {
        model.addAttribute("importResult", csvImport.importCsv(new java.io.InputStreamReader(file.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8)));
        return newCase(model);
    }

    private static final Map<String, java.util.Comparator<MoneyRow>> APPROVAL_SORTS = Map.of(
            "requested", dev.paydesk.shared.ListQuery.by(r -> r.action().requestedAt()),
            "case", dev.paydesk.shared.ListQuery.byText(r -> r.action().caseKey()),
            "type", dev.paydesk.shared.ListQuery.by(r -> r.action().type()),
            "amount", java.util.Comparator.<MoneyRow, String>comparing(r -> r.action().amount().currency().getCurrencyCode())
                    .thenComparingLong(r -> r.action().amount().minor()),
            "market", dev.paydesk.shared.ListQuery.byText(r -> r.action().market()),
            "by", dev.paydesk.shared.ListQuery.byText(r -> r.action().requestedBy()));

    /** The approvals inbox: pending money actions of the caller's markets, searchable, sortable and paged. */
    @GetMapping("/cases/approvals")
    String approvals(dev.paydesk.shared.ListQuery list, java.util.Locale locale, Model model) {
        List<MoneyRow> rows = money.pending().stream()
                .filter(a -> list.is("type", a.type()) && list.matches(a.caseKey(), a.reason(), a.requestedBy(), a.paymentRef(), a.market()))
                .map(a -> approvalRow(a, locale)).toList();
        model.addAttribute("page", list.page(rows, APPROVAL_SORTS));
        model.addAttribute("types", dev.paydesk.cases.MoneyActionType.values());
        return "cases/approvals";
    }

    /** Type and amount in the viewer's language, for the confirmation texts (attribute expressions cannot call beans). */
    private MoneyRow approvalRow(dev.paydesk.cases.MoneyAction a, java.util.Locale locale) {
        String type = messages.getMessage("enum.MoneyActionType." + a.type().name(), null, a.type().name(), locale);
        String amount = dev.paydesk.shared.MoneyParser.toText(a.amount(), locale) + " " + a.amount().currency().getCurrencyCode();
        return new MoneyRow(a, type, amount, money.mayDecide(a));
    }

    @PostMapping("/cases/approvals/{id}")
    @CaseWorker
    String decide(@PathVariable UUID id, @RequestParam String decision, @RequestParam(defaultValue = "") String note,
                  RedirectAttributes redirect) {
        try {
            if (decision.equals("approve")) {
                money.approve(id, note.isBlank() ? null : note);
                redirect.addFlashAttribute("flash", messages.getMessage("approvals.approved", null, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
            } else {
                money.reject(id, note);
                redirect.addFlashAttribute("flash", messages.getMessage("approvals.rejected", null, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
            }
        } catch (InvalidInputException | org.springframework.security.access.AccessDeniedException
                 | dev.paydesk.shared.ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/approvals";
    }

    @PostMapping("/cases/views")
    String saveView(@RequestParam String name, @RequestParam String query, RedirectAttributes redirect) {
        try {
            workbench.saveView(name, query);
            redirect.addFlashAttribute("flash", messages.getMessage("flash.view.saved", new Object[] {name},
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases?" + query;
    }

    static final int COUNT_CAP = 1000;

    static String capped(long count) {
        return count >= COUNT_CAP ? (COUNT_CAP - 1) + "+" : Long.toString(count);
    }

    static List<String> splitTags(@Nullable String tags) {
        if (tags == null || tags.isBlank()) {
            return List.of();
        }
        return Arrays.stream(tags.split("[,\\s]+")).filter(t -> !t.isBlank()).toList();
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavItem casesNav() {
            return new NavItem("Work", "Cases", "/cases", "inbox", WORKERS, 5);
        }

        @Bean
        NavItem approvalsNav() {
            return new NavItem("Work", "Approvals", "/cases/approvals", "check",
                    Set.of(Role.SPECIALIST, Role.DISPUTE_SPECIALIST, Role.PROCESS_MANAGER, Role.ADMIN), 6);
        }

        @Bean
        NavItem caseSettingsNav() {
            return new NavItem("Settings", "Case desk", "/cases/settings", "sliders", Set.of(Role.PROCESS_MANAGER, Role.ADMIN), 30);
        }
    }
}
