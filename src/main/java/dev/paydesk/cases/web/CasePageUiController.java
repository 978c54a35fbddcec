package dev.paydesk.cases.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.paydesk.cases.CaseAttachments;
import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseDetail;
import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.CasePanel;
import dev.paydesk.cases.CaseSettings;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.cases.CategoryDirectory;
import dev.paydesk.cases.EntryKind;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.cases.MoneyAction;
import dev.paydesk.cases.MoneyActionType;
import dev.paydesk.cases.MoneyActions;
import dev.paydesk.cases.Priority;
import dev.paydesk.cases.WaitingReason;
import dev.paydesk.payments.OrderTimeline;
import dev.paydesk.payments.PaymentQueries;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.access.CaseWorker;
import dev.paydesk.platform.access.CaseWorkerOrAuditor;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/**
 * The case page: the case, its timeline in words, the linked orders' movements, the reply form with a
 * macro shown (and editable) before it is sent, and money actions with Approve only for those who may.
 * Its forms post to {@link CaseActionsUiController}.
 */
@Controller
@CaseWorkerOrAuditor
class CasePageUiController {

    private final CaseDesk desk;
    private final MoneyActions money;
    private final CaseSettings settings;
    private final PaymentQueries payments;
    private final Optional<CategoryDirectory> categories;
    private final CaseWorkbench workbench;
    private final CaseAttachments attachments;
    private final MessageSource messages;
    @Autowired(required = false)
    private List<CasePanel> panels = List.of();

    CasePageUiController(CaseDesk desk, MoneyActions money, CaseSettings settings, PaymentQueries payments,
                         Optional<CategoryDirectory> categories, CaseWorkbench workbench, CaseAttachments attachments,
                         MessageSource messages) {
        this.desk = desk;
        this.money = money;
        this.settings = settings;
        this.payments = payments;
        this.categories = categories;
        this.workbench = workbench;
        this.attachments = attachments;
        this.messages = messages;
    }

    @GetMapping("/cases/{key:PD-\\d+}")
    String show(@PathVariable String key, @RequestParam(required = false) @Nullable String macro, Locale locale,
                Model model) {
        CaseDetail detail = find(key);
        var s = detail.summary();
        model.addAttribute("c", detail);
        model.addAttribute("s", s);
        List<OrderTimeline> orders = new ArrayList<>();
        Set<String> hidden = new HashSet<>();
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
        List<CategoryDirectory.Entry> categoryList = categories.map(c -> c.categories(s.language())).orElse(List.of());
        CaseTimeline timeline = timeline(categoryList, locale);
        model.addAttribute("moneyActions", money.forCase(s.id()).stream().map(a -> new MoneyRow(a, timeline.label(a.type()),
                timeline.money(a.amount()), money.mayDecide(a))).toList());
        List<CaseTimeline.Row> rows = new ArrayList<>();
        detail.timeline().forEach(e -> rows.add(new CaseTimeline.Row(e.at(), e.kind(), e.author(), e.body(), e.data())));
        for (OrderTimeline o : orders) {
            for (OrderTimeline.Step st : o.steps()) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("order", o.merchantReference());
                data.put("movement", st.kind());
                data.put("status", st.status());
                data.put("amount", st.amount());
                data.put("reference", st.providerReference());
                data.put("net after", st.after().net());
                rows.add(new CaseTimeline.Row(st.occurredAt(), EntryKind.PAYMENT, timeline.label(st.provider()), null, data));
            }
        }
        rows.sort(Comparator.comparing(CaseTimeline.Row::at));
        model.addAttribute("rows", rows.stream().map(timeline::line).toList());
        model.addAttribute("queues", settings.queues());
        model.addAttribute("statuses", List.of(CaseStatus.OPEN, CaseStatus.WAITING, CaseStatus.RESOLVED, CaseStatus.CLOSED));
        model.addAttribute("reasons", WaitingReason.values());
        model.addAttribute("priorities", Priority.values());
        Set<MoneyActionType> requestable = money.requestable();
        model.addAttribute("actionTypes", requestable);
        model.addAttribute("canReRefund", requestable.contains(MoneyActionType.RE_REFUND));
        model.addAttribute("linkKinds", List.of(LinkKind.ORDER, LinkKind.PAYMENT, LinkKind.REFUND, LinkKind.DISPUTE, LinkKind.CASE));
        model.addAttribute("categoryList", categoryList);
        List<CaseWorkbench.Macro> macros = workbench.macros(s.language());
        model.addAttribute("macros", macros);
        model.addAttribute("sop", workbench.sop(s).orElse(null));
        model.addAttribute("csat", workbench.csat(s.id()).orElse(null));
        model.addAttribute("files", attachments.list(s.id()));
        model.addAttribute("panels", CurrentUser.principal().map(user -> panels.stream()
                .sorted(Comparator.comparingInt(CasePanel::order))
                .flatMap(p -> p.panel(detail, user).stream()).toList()).orElse(List.of()));
        if (model.getAttribute("staleSince") instanceof Integer since) {
            model.addAttribute("staleChanges", desk.changesSince(s.id(), since).stream()
                    .map(e -> timeline.line(new CaseTimeline.Row(e.at(), e.kind(), e.author(), e.body(), e.data()))).toList());
        }
        if (macro != null && !macro.isBlank() && !model.containsAttribute("replyDraft")) {
            model.addAttribute("replyDraft", preview(s.id(), macros, macro, model));
            model.addAttribute("chosenMacro", macro);
        }
        model.addAttribute("macroArticles", macroArticles(macros, macro, s.language()));
        return "cases/case";
    }

    /**
     * The chosen macro's text, filled in for this case, as the reply box (htmx swaps it in on choosing):
     * nothing is sent until the person presses Send.
     */
    @GetMapping("/cases/{key:PD-\\d+}/reply-draft")
    @CaseWorker
    String replyDraft(@PathVariable String key, @RequestParam(defaultValue = "") String macro, Model model) {
        CaseDetail detail = find(key);
        String language = detail.summary().language();
        List<CaseWorkbench.Macro> macros = macro.isBlank() ? List.of() : workbench.macros(language);
        model.addAttribute("replyDraft", macro.isBlank() ? "" : preview(detail.summary().id(), macros, macro, model));
        model.addAttribute("macroArticles", macroArticles(macros, macro, language));
        return "cases/case :: replyBody";
    }

    /** The articles of the chosen macro among those already loaded (none for no or an unknown macro). */
    private List<dev.paydesk.cases.ArticleDirectory.ArticleLink> macroArticles(List<CaseWorkbench.Macro> macros,
                                                                             @Nullable String code, String language) {
        return macros.stream().filter(m -> m.code().equals(code)).findFirst()
                .map(m -> workbench.macroArticles(m, language)).orElse(List.of());
    }

    private String preview(java.util.UUID caseId, List<CaseWorkbench.Macro> macros, String macro, Model model) {
        try {
            return workbench.renderMacro(caseId, CaseWorkbench.Macro.find(macros, macro));
        } catch (InvalidInputException | NotFoundException e) {
            model.addAttribute("macroError", e.getMessage());
            return "";
        }
    }

    private CaseDetail find(String key) {
        return desk.find(key).orElseThrow(() -> new NotFoundException("case " + key + " not found"));
    }

    private CaseTimeline timeline(List<CategoryDirectory.Entry> categoryList, Locale locale) {
        Map<String, String> names = categoryList.stream()
                .collect(Collectors.toMap(CategoryDirectory.Entry::code, CategoryDirectory.Entry::name, (a, b) -> a));
        Function<String, String> name = code -> names.getOrDefault(code, code);
        return new CaseTimeline(messages, locale, name);
    }
}
