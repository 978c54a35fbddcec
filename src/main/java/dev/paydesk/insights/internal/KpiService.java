package dev.paydesk.insights.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.cases.CaseSettings;
import dev.paydesk.insights.Insights;
import dev.paydesk.insights.Kpi;
import dev.paydesk.insights.KpiRequest;
import dev.paydesk.insights.KpiValue;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.platform.PaydeskPrincipal;
import dev.paydesk.platform.Role;
import dev.paydesk.shared.InvalidInputException;

/** Serves KPIs from the rollups and drill-downs from the facts, within the caller's markets and queues. */
@Service
class KpiService implements Insights {

    private static final Set<Role> BEYOND_AGENT = EnumSet.complementOf(EnumSet.of(Role.AGENT));

    private final JdbcClient jdbc;
    private final RollupReader reader;
    private final MarketCatalog markets;
    private final CaseSettings caseSettings;
    private final Rebuilder rebuilder;
    private final Targets targets;
    private final SupplierReader suppliers;

    KpiService(JdbcClient jdbc, MarketCatalog markets, CaseSettings caseSettings, Rebuilder rebuilder, Targets targets,
               SupplierReader suppliers) {
        this.suppliers = suppliers;
        this.jdbc = jdbc;
        this.reader = new RollupReader(jdbc);
        this.markets = markets;
        this.caseSettings = caseSettings;
        this.rebuilder = rebuilder;
        this.targets = targets;
    }

    @Override
    @Transactional(readOnly = true)
    public List<KpiValue> kpis(KpiRequest request) {
        Scope scope = scope(request);
        String by = request.by();
        String g = by == null ? "''" : by;
        RollupReader.Periods periods = "supplier".equals(by) ? new RollupReader.Periods(new TreeMap<>(), new TreeMap<>())
                : reader.read(request, request.previous(), scope, g);
        suppliers.read(request, request.previous(), scope, g, periods.now(), periods.before());
        Map<String, Measures> now = periods.now();
        Map<String, Measures> before = periods.before();
        Set<String> groups = new TreeSet<>(now.keySet());
        if (groups.isEmpty()) {
            groups.add("");
        }
        List<KpiValue> out = new ArrayList<>();
        for (String group : groups) {
            for (Kpi kpi : Kpi.values()) {
                boolean groupable = by == null || by.equals("market") || kpi.dimensions().contains(by);
                if (!groupable && !group.isEmpty()) {
                    continue;
                }
                out.add(value(kpi, request, scope, group, now.getOrDefault(group, new Measures()),
                        before.getOrDefault(group, new Measures())));
            }
        }
        return out;
    }

    private KpiValue value(Kpi kpi, KpiRequest request, Scope scope, String group, Measures now, Measures before) {
        KpiRequest groupRequest = request.by() == null ? request : narrow(request, request.by(), group);
        String link = "/api/v1/insights/kpis/" + kpi.key() + "/records?" + groupRequest.query();
        Map<String, String> groupMap = request.by() == null ? null : Map.of(request.by(), group);
        String note = scope.notApplicable(kpi, request);
        if (note != null) {
            return new KpiValue(kpi.key(), null, kpi.unit(), null, null, null, null, link, 0, groupMap, note);
        }
        Measures.Result current = now.result(kpi);
        Measures.Result previous = before.result(kpi);
        KpiValue value = new KpiValue(kpi.key(), current.value(), kpi.unit(), now.supplier().currency(kpi),
                previous.value(), null, null, link, current.sample(), groupMap, now.supplier().note(kpi));
        String market = groupRequest.market();
        return market == null ? value : targets.apply(kpi, market, value);
    }

    private static KpiRequest narrow(KpiRequest r, String by, String group) {
        String g = group.isEmpty() ? null : group;
        return switch (by) {
            case "market" -> r.withMarket(g);
            case "provider" -> new KpiRequest(r.from(), r.to(), r.market(), g, r.method(), r.queue(), r.category(), r.supplier(), r.priority(), null);
            case "method" -> new KpiRequest(r.from(), r.to(), r.market(), r.provider(), g, r.queue(), r.category(), r.supplier(), r.priority(), null);
            case "queue" -> new KpiRequest(r.from(), r.to(), r.market(), r.provider(), r.method(), g, r.category(), r.supplier(), r.priority(), null);
            case "category" -> new KpiRequest(r.from(), r.to(), r.market(), r.provider(), r.method(), r.queue(), g, r.supplier(), r.priority(), null);
            case "supplier" -> new KpiRequest(r.from(), r.to(), r.market(), r.provider(), r.method(), r.queue(), r.category(), g, r.priority(), null);
            default -> new KpiRequest(r.from(), r.to(), r.market(), r.provider(), r.method(), r.queue(), r.category(), r.supplier(), g, null);
        };
    }

    @Override
    @Transactional(readOnly = true)
    public Records records(Kpi kpi, KpiRequest request, int limit, int offset) {
        Scope scope = scope(request);
        if (scope.notApplicable(kpi, request) != null) {
            return new Records(kpi.key(), 0, List.of());
        }
        Drilldowns.Query q = kpi.family() == Kpi.Family.SUPPLIER ? SupplierReader.drilldown(kpi, request, scope)
                : Drilldowns.query(kpi, request, scope);
        long total = jdbc.sql("select count(*) from (" + q.sql() + ") x").params(q.params()).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(q.params());
        pageParams.add(Math.max(1, Math.min(limit, 10_000)));
        pageParams.add(Math.max(0, offset));
        List<Map<String, Object>> rows = jdbc.sql(q.sql() + " order by 1 limit ? offset ?").params(pageParams)
                .query().listOfRows();
        return new Records(kpi.key(), total, rows);
    }

    @Override
    @Transactional(readOnly = true)
    public List<DayValue> series(Kpi kpi, KpiRequest request) {
        Scope scope = scope(request);
        if (kpi == Kpi.BACKLOG_OPEN || scope.notApplicable(kpi, request) != null) {
            return List.of();
        }
        Map<String, Measures> days = kpi.family() == Kpi.Family.SUPPLIER ? new TreeMap<>()
                : reader.read(request, null, scope, "day::text").now();
        if (kpi.family() == Kpi.Family.SUPPLIER) {
            suppliers.read(request, null, scope, "day::text", days, new TreeMap<>());
        }
        List<DayValue> out = new ArrayList<>();
        for (LocalDate d = request.from(); d.isBefore(request.to()); d = d.plusDays(1)) {
            Measures.Result r = days.getOrDefault(d.toString(), new Measures()).result(kpi);
            out.add(new DayValue(d, r.value(), r.sample()));
        }
        return out;
    }

    @Override
    public List<KpiTarget> targets() {
        return targets.list(markets()).stream()
                .map(t -> new KpiTarget(t.kpi(), t.market(), t.target(), t.atRiskMargin())).toList();
    }

    @Override
    public KpiTarget setTarget(Kpi kpi, String market, double target, double atRiskMargin) {
        String code = market.strip().toUpperCase(java.util.Locale.ROOT);
        if (markets.market(code).isEmpty() || !CurrentUser.principal().map(p -> p.canAccessMarket(code)).orElse(true)) {
            throw new dev.paydesk.shared.NotFoundException("market " + market + " not found");
        }
        Targets.Target t = targets.set(kpi, code, target, atRiskMargin);
        return new KpiTarget(t.kpi(), t.market(), t.target(), t.atRiskMargin());
    }

    @Override
    public List<TargetAlert> alerts(int limit) {
        return targets.recent(markets(), Math.max(1, Math.min(limit, 500)));
    }

    @Override
    public RebuildSummary rebuild() {
        return rebuilder.rebuild();
    }

    /** The caller's markets; background work (no signed-in user) is not scoped. */
    private static java.util.@Nullable List<String> markets() {
        return CurrentUser.principal().isEmpty() ? null : CurrentUser.marketScope();
    }

    /** The caller's markets (validating an explicit market against them) and, for agents, their queues. */
    Scope scope(KpiRequest request) {
        PaydeskPrincipal user = CurrentUser.principal().orElse(null);
        if (request.market() != null && (markets.market(request.market()).isEmpty()
                || user != null && !user.canAccessMarket(request.market()))) {
            throw new InvalidInputException("market", "unknown market '" + request.market() + "'");
        }
        if (user == null) {
            return Scope.ALL;
        }
        Set<String> queues = null;
        if (user.roles().stream().noneMatch(BEYOND_AGENT::contains)) {
            queues = new TreeSet<>();
            for (CaseSettings.Agent a : caseSettings.agents()) {
                if (a.username().equals(user.username())) {
                    queues.addAll(a.queues());
                }
            }
        }
        return new Scope(CurrentUser.marketScope(), queues);
    }

}
