package dev.paydesk.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.cases.FirstResponseRule;
import dev.paydesk.cases.Priority;
import dev.paydesk.cases.WaitingReason;

/**
 * SLA policies by category × market × priority. The most specific policy wins: a matching category
 * counts most, then market, then priority; a null column matches anything.
 */
@Component
class SlaPolicies {

    private final JdbcClient jdbc;

    SlaPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    SlaTargets forCase(@Nullable String category, String market, Priority priority) {
        return jdbc.sql("""
                select * from cases_sla_policy
                where (category is null or category = ?) and (market is null or market = ?) and (priority is null or priority = ?)
                order by (category is not null) desc, (market is not null) desc, (priority is not null) desc, id
                limit 1""")
                .params(category, market, priority.name()).query(SlaPolicies::targets).optional()
                .orElseGet(SlaTargets::none);
    }

    List<Policy> all() {
        return jdbc.sql("select * from cases_sla_policy order by category nulls first, market nulls first, priority nulls first")
                .query((rs, n) -> new Policy(rs.getLong("id"), rs.getString("category"), rs.getString("market"),
                        rs.getString("priority"), targets(rs, n), rs.getInt("version"))).list();
    }

    /** A stored policy with its scope. */
    record Policy(long id, @Nullable String category, @Nullable String market, @Nullable String priority,
                  SlaTargets targets, int version) {
    }

    static SlaTargets targets(ResultSet rs, int n) throws SQLException {
        Set<WaitingReason> reasons = EnumSet.noneOf(WaitingReason.class);
        for (String r : CaseStore.strings(rs.getArray("pause_reasons"))) {
            reasons.add(WaitingReason.valueOf(r));
        }
        return new SlaTargets(rs.getLong("id"), rs.getString("name"), minutes(rs, "first_response_minutes"),
                minutes(rs, "next_response_minutes"), minutes(rs, "resolution_minutes"),
                Duration.ofMinutes(rs.getInt("warn_before_minutes")), reasons,
                FirstResponseRule.valueOf(rs.getString("first_response_rule")));
    }

    private static @Nullable Duration minutes(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : Duration.ofMinutes(value);
    }
}
