package dev.paydesk.insights.internal;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.insights.Kpi.Family;

/**
 * Recomputes the day-grain rollups from the facts: one (family, market, day) slice after a change,
 * or a whole family in a rebuild. A slice takes a shared advisory lock on its family and an exclusive
 * one on itself; a whole-family rebuild takes the family lock exclusively, so neither sees the other
 * half done. Readers see the previous rollup until the transaction commits.
 */
@Component
class Rollups {

    private static final String DAILY = "insert into insights_daily (family, metric, market, day, provider, method,"
            + " queue, category, priority, n, total) select family, metric, market, day, provider, method, queue,"
            + " category, priority, count(*), coalesce(sum(v), 0) from (%s) x"
            + " group by family, metric, market, day, provider, method, queue, category, priority";

    private static final String VALUES = "insert into insights_daily_value (family, metric, market, day, provider,"
            + " method, queue, category, priority, value, n) select family, metric, market, day, provider, method,"
            + " queue, category, priority, v, count(*) from (%s) x"
            + " group by family, metric, market, day, provider, method, queue, category, priority, v";

    private static final String MARKET_DAY = "insert into insights_market_day (family, metric, market, day, n, total)"
            + " select family, metric, market, day, sum(n), sum(total) from insights_daily where %1$s"
            + " group by family, metric, market, day";

    private static final String MARKET_DAY_VALUES = "insert into insights_market_day (family, metric, market, day, n,"
            + " total, vals, cnts) select family, metric, market, day, sum(n), sum(value::bigint * n),"
            + " array_agg(value order by value), array_agg(n order by value) from (select family, metric, market, day,"
            + " value, sum(n) n from insights_daily_value where %1$s group by family, metric, market, day, value) v"
            + " group by family, metric, market, day";

    private final JdbcClient jdbc;

    Rollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Recomputes one slice; call inside a transaction. */
    void refresh(Family family, String market, LocalDate day) {
        jdbc.sql("select pg_advisory_xact_lock_shared(?), pg_advisory_xact_lock(?)")
                .params(familyLock(family), (long) (family.name() + "|" + market + "|" + day).hashCode())
                .query((rs, i) -> 1).list();
        jdbc.sql("delete from insights_daily where family = ? and market = ? and day = ?")
                .params(family.name(), market, day).update();
        jdbc.sql("delete from insights_daily_value where family = ? and market = ? and day = ?")
                .params(family.name(), market, day).update();
        jdbc.sql("delete from insights_market_day where family = ? and market = ? and day = ?")
                .params(family.name(), market, day).update();
        insert(family, true, market, day);
    }

    /** Recomputes a whole family from its facts; call inside a transaction. */
    void rebuild(Family family) {
        if (family == Family.SUPPLIER) {
            new SupplierRollup(jdbc).rebuild();
            return;
        }
        jdbc.sql("select pg_advisory_xact_lock(?)").param(familyLock(family)).query((rs, i) -> 1).list();
        jdbc.sql("delete from insights_daily where family = ?").param(family.name()).update();
        jdbc.sql("delete from insights_daily_value where family = ?").param(family.name()).update();
        jdbc.sql("delete from insights_market_day where family = ?").param(family.name()).update();
        insert(family, false, "", LocalDate.EPOCH);
    }

    private void insert(Family family, boolean slice, String market, LocalDate day) {
        String[] sources = sources(family, slice);
        Object[] params = slice ? new Object[]{market, day} : new Object[0];
        jdbc.sql(DAILY.formatted(sources[0])).params(repeat(params, count(sources[0]))).update();
        jdbc.sql(VALUES.formatted(sources[1])).params(repeat(params, count(sources[1]))).update();
        String where = slice ? "family = ? and market = ? and day = ?" : "family = ?";
        Object[] narrow = slice ? new Object[]{family.name(), market, day} : new Object[]{family.name()};
        jdbc.sql(MARKET_DAY.formatted(where)).params(narrow).update();
        jdbc.sql(MARKET_DAY_VALUES.formatted(where)).params(narrow).update();
    }

    private static long familyLock(Family family) {
        return 0x1_0000_0000L + family.ordinal();
    }

    private static int count(String sql) {
        return (int) sql.chars().filter(c -> c == '?').count();
    }

    private static Object[] repeat(Object[] params, int placeholders) {
        if (params.length == 0) {
            return params;
        }
        Object[] out = new Object[placeholders];
        for (int i = 0; i < placeholders; i++) {
            out[i] = params[i % params.length];
        }
        return out;
    }

    /** The rows (metric, dimensions, v) of a family: [counts and sums, histogram values]. */
    private static String[] sources(Family family, boolean slice) {
        return switch (family) {
            case SUPPLIER -> throw new IllegalStateException("supplier KPIs are rolled up by SupplierRollup");
            case CASE -> {
                String dims = "'CASE' family, market, %s as day, provider, '' method, queue, category, priority";
                String from = " from insights_case_fact where ";
                yield new String[]{String.join(" union all ",
                        "select 'opened' metric, " + dims.formatted("opened_day") + ", 0 v" + from + where(slice, "opened_day"),
                        "select 'resolved', " + dims.formatted("resolved_day") + ", 0" + from + where(slice, "resolved_day"),
                        "select case fr_state when 'MET' then 'fr_met' else 'fr_breached' end, " + dims.formatted("fr_day")
                                + ", 0" + from + "fr_state in ('MET', 'BREACHED') and " + where(slice, "fr_day"),
                        "select case res_state when 'MET' then 'res_met' else 'res_breached' end, " + dims.formatted("res_day")
                                + ", 0" + from + "res_state in ('MET', 'BREACHED') and " + where(slice, "res_day"),
                        "select 'csat', " + dims.formatted("csat_day") + ", csat_rating" + from + "csat_rating is not null and "
                                + where(slice, "csat_day"),
                        "select 'csat_satisfied', " + dims.formatted("csat_day") + ", csat_rating" + from
                                + "csat_rating >= 4 and " + where(slice, "csat_day"),
                        "select 'reopened', " + dims.formatted("resolved_day") + ", 0" + from + "reopens > 0 and "
                                + where(slice, "resolved_day"),
                        "select 'first_contact', " + dims.formatted("resolved_day") + ", 0" + from
                                + "reopens = 0 and replies_out <= 1 and " + where(slice, "resolved_day"),
                        "select 'repeat', " + dims.formatted("opened_day") + ", 0" + from + "repeat_contact and "
                                + where(slice, "opened_day"),
                        "select case psd2_state when 'MET' then 'psd2_met' else 'psd2_breached' end, "
                                + dims.formatted("psd2_day") + ", 0" + from + "psd2_state in ('MET', 'BREACHED') and "
                                + where(slice, "psd2_day"),
                        "select case ola_state when 'MET' then 'ola_met' else 'ola_breached' end, "
                                + dims.formatted("ola_day") + ", 0" + from + "ola_state in ('MET', 'BREACHED') and "
                                + where(slice, "ola_day"),
                        "select 'csat_sent', " + dims.formatted("csat_sent_day") + ", 0" + from
                                + where(slice, "csat_sent_day"),
                        "select 'csat_answered', " + dims.formatted("csat_sent_day") + ", 0" + from
                                + "csat_rating is not null and " + where(slice, "csat_sent_day")),
                        "select 'fr_minutes' metric, " + dims.formatted("first_reply_day") + ", first_response_minutes v" + from
                                + "first_response_minutes is not null and " + where(slice, "first_reply_day")
                                + " union all select 'four_eyes_minutes', " + dims.formatted("u.d") + ", u.m"
                                + " from insights_case_fact, unnest(four_eyes_minutes, four_eyes_days) as u(m, d) where "
                                + where(slice, "u.d")};
            }
            case PAYMENT -> {
                String dims = "'PAYMENT' family, market, day, provider, method, '' queue, '' category, '' priority";
                String from = " from insights_payment_fact where ";
                yield new String[]{String.join(" union all ",
                        "select 'capture' metric, " + dims + ", amount_minor v" + from + "kind = 'CAPTURE' and " + where(slice, "day"),
                        "select 'order', " + dims + ", 0" + from + "first_capture and " + where(slice, "day"),
                        "select 'refund', " + dims + ", amount_minor" + from + "kind = 'REFUND' and " + where(slice, "day"),
                        "select 'refund_failed', " + dims + ", amount_minor" + from + "kind = 'REFUND' and failed and "
                                + where(slice, "day")),
                        "select 'refund_turnaround' metric, " + dims + ", turnaround_minutes v" + from
                                + "kind = 'REFUND' and not failed and turnaround_minutes is not null and " + where(slice, "day")};
            }
            case DISPUTE -> {
                String dims = "'DISPUTE' family, market, %s as day, provider, '' method, '' queue, '' category, '' priority";
                String from = " from insights_dispute_fact where ";
                yield new String[]{String.join(" union all ",
                        "select 'dispute_opened' metric, " + dims.formatted("opened_day") + ", amount_minor v" + from
                                + where(slice, "opened_day"),
                        "select 'dispute_decided', " + dims.formatted("closed_day") + ", amount_minor" + from
                                + "status in ('WON', 'LOST', 'EXPIRED') and " + where(slice, "closed_day"),
                        "select 'dispute_won', " + dims.formatted("closed_day") + ", amount_minor" + from
                                + "status = 'WON' and " + where(slice, "closed_day")),
                        // no histogram in this family: an empty source keeps the statement shape
                        "select 'none' metric, " + dims.formatted("opened_day") + ", 0 v" + from + "false and "
                                + where(slice, "opened_day")};
            }
        };
    }

    private static String where(boolean slice, String dayColumn) {
        return slice ? "market = ? and " + dayColumn + " = ?" : dayColumn + " is not null";
    }
}
