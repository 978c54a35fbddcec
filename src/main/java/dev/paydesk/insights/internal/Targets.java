package dev.paydesk.insights.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.insights.Insights;
import dev.paydesk.insights.Kpi;
import dev.paydesk.insights.KpiValue;
import dev.paydesk.platform.AdministrationPolicy;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/** Targets per KPI and market, set by process managers; a value is on target, at risk or off target. */
@Component
class Targets {

    record Target(String kpi, String market, double target, double atRiskMargin) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Targets(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    KpiValue apply(Kpi kpi, String market, KpiValue value) {
        return find(kpi, market).map(t -> value.withTarget(t.target(), status(kpi, t, value.value()))).orElse(value);
    }

    Optional<Target> find(Kpi kpi, String market) {
        return jdbc.sql("select kpi, market, target, at_risk_margin from insights_target where kpi = ? and market = ?")
                .params(kpi.key(), market).query(Targets::map).optional();
    }

    List<Target> list(@Nullable List<String> markets) {
        return jdbc.sql("select kpi, market, target, at_risk_margin from insights_target"
                        + " where cast(? as text[]) is null or market = any(?) order by market, kpi")
                .params(markets == null ? null : markets.toArray(String[]::new),
                        markets == null ? null : markets.toArray(String[]::new))
                .query(Targets::map).list();
    }

    @Transactional
    Target set(Kpi kpi, String market, double target, double atRiskMargin) {
        CurrentUser.enforce(p -> AdministrationPolicy.mayEditSetting(p, market),
                () -> new NotFoundException("market " + market + " not found"));
        if (!Double.isFinite(target) || !Double.isFinite(atRiskMargin) || atRiskMargin < 0) {
            throw new InvalidInputException("target", "target and a non-negative at-risk margin are numbers");
        }
        if (kpi.unit().equals("fraction") && (target < 0 || target > 1)) {
            throw new InvalidInputException("target", kpi.key() + " is a fraction between 0 and 1");
        }
        Optional<Target> before = find(kpi, market);
        jdbc.sql("""
                insert into insights_target (kpi, market, target, at_risk_margin, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (kpi, market) do update set target = excluded.target,
                    at_risk_margin = excluded.at_risk_margin, updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at""")
                .params(kpi.key(), market, BigDecimal.valueOf(target), BigDecimal.valueOf(atRiskMargin),
                        CurrentUser.actorName(), Timestamp.from(clock.instant()))
                .update();
        Target saved = new Target(kpi.key(), market, target, atRiskMargin);
        audit.record("insights.target-set", "insights_target", kpi.key() + "/" + market, market,
                before.map(Targets::asMap).orElse(null), asMap(saved));
        return saved;
    }

    /** on_target, at_risk (within the margin on the wrong side) or off_target; null without a value. */
    static @Nullable String status(Kpi kpi, Target t, @Nullable Double value) {
        if (value == null) {
            return null;
        }
        double gap = kpi.higherIsBetter() ? value - t.target() : t.target() - value;
        if (gap >= 0) {
            return "on_target";
        }
        return -gap <= t.atRiskMargin() ? "at_risk" : "off_target";
    }

    private static Map<String, Object> asMap(Target t) {
        return Map.of("target", t.target(), "atRiskMargin", t.atRiskMargin());
    }

    private static Target map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Target(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4));
    }

    List<Insights.TargetAlert> recent(@Nullable List<String> marketScope, int limit) {
        return jdbc.sql("select id, kpi, market, status, previous, value, target, created_at from insights_alert"
                        + " where cast(? as text[]) is null or market = any(?) order by created_at desc, id desc limit ?")
                .params(marketScope == null ? null : marketScope.toArray(String[]::new),
                        marketScope == null ? null : marketScope.toArray(String[]::new), limit)
                .query((rs, i) -> new Insights.TargetAlert(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getDouble(6), rs.getDouble(7), rs.getTimestamp(8).toInstant()))
                .list();
    }
}
