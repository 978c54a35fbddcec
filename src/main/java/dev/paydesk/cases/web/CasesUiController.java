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
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    private List<dev.paydesk.cases.CasePanel> panels = List.of();

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
            redirect.addFlashAttribute("flash", opened.summary().key() + " opened in queue " + opened.summary().queue());
            return "redirect:/cases/" + opened.summary().key();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/cases/new";
        }
    }

    @GetMapping("/cases/{key:PD-\\d+}")
    String show(@PathVariable String key, Model model) {
        CaseDetail detail = desk.find(key).orElseThrow(() -> new NotFoundException("case " + key + " not found"));
        model.addAttribute("c", detail);
        model.addAttribute("s", detail.summary());
        model.addAttribute("moneyActions", money.forCase(detail.summary().id()));
        List<OrderTimeline> orders = new ArrayList<>();
        java.util.Set<String> hidden = new java.util.HashSet<>();
        for (CaseLink link : detail.links()) {
            if (link.kind() == LinkKind.ORDER) {
                payments.timeline(link.ref()).ifPresent(o -> {
                    if (o.market() == null || CurrentUser.canAccessMarket(o.market())) {
                        orders.add(o);
                    } else {
                        hidden.add(link.ref());
                    }
                });
            }
        }
        model.addAttribute("orders", orders);
        model.addAttribute("outOfScope", hidden);
        List<Row> rows = new ArrayList<>();
        detail.timeline().forEach(e -> rows.add(new Row(e.at(), e.kind(), e.author(), e.body(), e.data())));
        for (OrderTimeline o : orders) {
            for (OrderTimeline.Step st : o.steps()) {
                rows.add(new Row(st.occurredAt(), EntryKind.PAYMENT, st.provider().name(), null, new java.util.LinkedHashMap<>(Map.of(
                        "order", o.merchantReference(), "movement", st.kind().name(), "status", st.status(),
                        "amount", st.amount().toString(), "reference", st.providerReference(),
                        "net after", st.after().net().toString()))));
            }
        }
        rows.sort(java.util.Comparator.comparing(Row::at));
        model.addAttribute("rows", rows);
        model.addAttribute("queues", settings.queues());
        model.addAttribute("statuses", List.of(CaseStatus.OPEN, CaseStatus.WAITING, CaseStatus.RESOLVED, CaseStatus.CLOSED));
        model.addAttribute("reasons", WaitingReason.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("actionTypes", MoneyActionType.values());
        model.addAttribute("categoryList", categories.map(c -> c.categories(detail.summary().language())).orElse(List.of()));
        model.addAttribute("macros", workbench.macros(detail.summary().language()));
        model.addAttribute("sop", workbench.sop(detail.summary()).orElse(null));
        model.addAttribute("csat", workbench.csat(detail.summary().id()).orElse(null));
        model.addAttribute("files", attachments.list(detail.summary().id()));
        model.addAttribute("panels", CurrentUser.principal().map(user -> panels.stream()
                .sorted(java.util.Comparator.comparingInt(dev.paydesk.cases.CasePanel::order))
                .flatMap(p -> p.panel(detail, user).stream()).toList()).orElse(List.of()));
        if (model.getAttribute("staleSince") instanceof Integer since) {
            model.addAttribute("staleChanges", desk.changesSince(detail.summary().id(), since));
        }
        return "cases/case";
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

    @GetMapping("/cases/approvals")
    String approvals(Model model) {
        model.addAttribute("pending", money.pending());
        return "cases/approvals";
    }

    @PostMapping("/cases/approvals/{id}")
    @CaseWorker
    String decide(@PathVariable UUID id, @RequestParam String decision, @RequestParam(defaultValue = "") String note,
                  RedirectAttributes redirect) {
        try {
            if (decision.equals("approve")) {
                money.approve(id, note.isBlank() ? null : note);
                redirect.addFlashAttribute("flash", "Approved");
            } else {
                money.reject(id, note);
                redirect.addFlashAttribute("flash", "Rejected");
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
            redirect.addFlashAttribute("flash", "View '" + name + "' saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases?" + query;
    }

    /** One line of the case page's timeline: a case entry or a payment movement of a linked order. */
    record Row(java.time.Instant at, EntryKind kind, String author, @Nullable String body, Map<String, Object> data) {
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
