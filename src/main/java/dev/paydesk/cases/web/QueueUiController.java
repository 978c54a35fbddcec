package dev.paydesk.cases.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseQuery;
import dev.paydesk.cases.CaseSettings;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.cases.Priority;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.platform.PaydeskPrincipal;
import dev.paydesk.platform.access.CaseWorkerOrAuditor;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.ListPage;
import dev.paydesk.shared.ListQuery;

/**
 * The queue-first case list: a tab per standard view with its count (only cases of the user's markets), the
 * user's default tab, filters, sortable columns and a pager. The list part refreshes itself (htmx polling of
 * {@code #queue-live}); the filter form sits outside it, so nothing the user types is replaced.
 */
@Controller
@CaseWorkerOrAuditor
class QueueUiController {

    static final List<String> VIEWS = List.of("mine", "team", "unassigned", "breaching_soon", "waiting", "disputes", "all");

    private final CaseDesk desk;
    private final CaseSettings settings;
    private final MarketCatalog markets;
    private final CaseWorkbench workbench;

    QueueUiController(CaseDesk desk, CaseSettings settings, MarketCatalog markets, CaseWorkbench workbench) {
        this.desk = desk;
        this.settings = settings;
        this.markets = markets;
        this.workbench = workbench;
    }

    @GetMapping("/cases")
    String queue(CaseFilters filters, ListQuery list, HttpServletRequest request, Model model) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String v : VIEWS) {
            if (!v.equals("all")) {
                counts.put(v, desk.countUpTo(CaseQuery.view(CaseQuery.View.valueOf(v.toUpperCase(Locale.ROOT))),
                        CasesUiController.COUNT_CAP));
            }
        }
        Set<dev.paydesk.platform.Role> roles = CurrentUser.principal().map(PaydeskPrincipal::roles).orElse(Set.of());
        String defaultView = QueueDefaults.view(roles, counts.get("mine"), counts.get("team"));
        CaseQuery query;
        try {
            CaseQuery q = filters.orView(defaultView).query(list.size(), (int) Math.min(list.offset(), Integer.MAX_VALUE));
            query = new CaseQuery(q.view(), q.text(), q.statuses(), q.market(), q.queue(), q.assignee(), q.category(),
                    q.priority(), q.tag(), q.limit(), q.offset(), list.sort(), list.desc());
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            query = CaseQuery.view(CaseQuery.View.valueOf(defaultView.toUpperCase(Locale.ROOT)));
        }
        String view = query.view() == null ? "all" : query.view().name().toLowerCase(Locale.ROOT);
        List<CaseSummary> cases = desk.list(query);
        long total = desk.countUpTo(query, CasesUiController.COUNT_CAP);
        Map<String, List<String>> kept = new LinkedHashMap<>(list.filters());
        kept.put("view", List.of(view));
        ListQuery shown = new ListQuery(list.page(), list.size(), list.sort(), list.desc(), list.q(), kept);
        model.addAttribute("cases", cases);
        model.addAttribute("casePage", ListPage.of(cases, total, shown, CaseQuery.SORTS));
        model.addAttribute("listQuery", shown);
        model.addAttribute("total", CasesUiController.capped(total));
        model.addAttribute("view", view);
        model.addAttribute("viewList", VIEWS);
        Map<String, String> shownCounts = new LinkedHashMap<>();
        counts.forEach((k, v) -> shownCounts.put(k, CasesUiController.capped(v)));
        model.addAttribute("views", shownCounts);
        model.addAttribute("refreshUrl", request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        model.addAttribute("queues", settings.queues());
        model.addAttribute("marketList", markets.markets().stream().filter(m -> CurrentUser.canAccessMarket(m.code())).toList());
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("savedViews", workbench.savedViews());
        model.addAttribute("savedQuery", savedQuery(view, filters));
        return "cases/queue";
    }

    /** The query string "Save this view" stores: the tab and the filters in use. */
    static String savedQuery(String view, CaseFilters f) {
        List<String> parts = new ArrayList<>();
        parts.add("view=" + view);
        add(parts, "q", f.q());
        add(parts, "market", f.market());
        add(parts, "queue", f.queue());
        add(parts, "priority", f.priority() == null ? null : f.priority().name());
        add(parts, "category", f.category());
        add(parts, "tag", f.tag());
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, @org.jspecify.annotations.Nullable String value) {
        if (value != null && !value.isBlank()) {
            parts.add(name + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
