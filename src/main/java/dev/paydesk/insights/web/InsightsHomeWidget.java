package dev.paydesk.insights.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.paydesk.insights.Insights;
import dev.paydesk.insights.Kpi;
import dev.paydesk.insights.KpiRequest;
import dev.paydesk.platform.HomeWidget;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.platform.PaydeskPrincipal;
import dev.paydesk.platform.Role;

/** The operations overview on the home page for leads: the last 7 local days against the 7 before. */
@Component
class InsightsHomeWidget implements HomeWidget {

    private static final Set<Role> LEADS = Set.of(Role.PROCESS_MANAGER, Role.REALTIME_MANAGER, Role.ADMIN, Role.AUDITOR);
    private static final List<Kpi> SHOWN = List.of(Kpi.BACKLOG_OPEN, Kpi.CASES_OPENED, Kpi.FIRST_RESPONSE_ATTAINMENT,
            Kpi.RESOLUTION_ATTAINMENT, Kpi.CSAT_MEAN, Kpi.FAILED_REFUND_RATE, Kpi.DISPUTE_WIN_RATE,
            Kpi.SUPPLIER_SERVICE_LEVEL);

    private final Insights insights;
    private final Clock clock;
    private final MarketCatalog markets;

    InsightsHomeWidget(Insights insights, Clock clock, MarketCatalog markets) {
        this.insights = insights;
        this.clock = clock;
        this.markets = markets;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Panel> panel(PaydeskPrincipal user) {
        if (LEADS.stream().noneMatch(user::hasRole)) {
            return Optional.empty();
        }
        LocalDate to = DefaultPeriod.end(clock, markets, null);
        KpiRequest request = KpiRequest.period(to.minusDays(7), to);
        List<InsightsUiController.Tile> tiles = insights.kpis(request).stream()
                .filter(v -> SHOWN.stream().anyMatch(k -> k.key().equals(v.key())))
                .map(v -> new InsightsUiController.Tile(v.key(), v.value(), v.previous(), v.unit(), v.status(),
                        v.target(), v.sample(), "/insights/records/" + v.key() + "?" + request.query(), v.note()))
                .toList();
        return Optional.of(new Panel("insights/widgets", "overview", Map.of("tiles", tiles)));
    }
}
