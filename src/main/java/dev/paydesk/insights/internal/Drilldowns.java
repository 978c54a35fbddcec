package dev.paydesk.insights.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.paydesk.insights.Kpi;
import dev.paydesk.insights.KpiRequest;

/**
 * The records behind each KPI, read from the facts with the same day rule and filters as the rollups,
 * so a list's length equals the KPI's sample (a count KPI's value; a rate's denominator; the records a
 * percentile ranks; the disputes of the dispute rate).
 */
final class Drilldowns {

    private static final String CASES = "select case_id as id, case_key as key, market, queue, category, priority, provider,"
            + " assignee, created_at, resolved_at, first_reply_at, first_response_minutes, fr_state, res_state, csat_rating,"
            + " reopens, replies_out, repeat_contact, psd2_state, ola_state, csat_sent_at"
            + " from insights_case_fact where true";
    private static final String APPROVALS = "select case_id as id, case_key as key, market, queue, category, priority,"
            + " provider, assignee, u.m as waiting_minutes, u.d as decided_day from insights_case_fact,"
            + " unnest(four_eyes_minutes, four_eyes_days) as u(m, d) where true";
    private static final String PAYMENTS = "select transaction_id as id, provider_reference, merchant_reference, market,"
            + " provider, method, kind, occurred_at, failed, amount_minor, currency, requested_at, turnaround_minutes,"
            + " first_capture"
            + " from insights_payment_fact where true";
    private static final String DISPUTES = "select dispute_id as id, market, provider, network, reason_category, status,"
            + " opened_at, closed_at, amount_minor, currency from insights_dispute_fact where true";

    private static final Set<String> CASE_COLUMNS = Set.of("provider", "queue", "category", "priority");
    private static final Set<String> PAYMENT_COLUMNS = Set.of("provider", "method");
    private static final Set<String> DISPUTE_COLUMNS = Set.of("provider");

    private Drilldowns() {
    }

    record Query(String sql, List<Object> params) {
    }

    static Query query(Kpi kpi, KpiRequest r, Scope scope) {
        List<Object> params = new ArrayList<>();
        String base;
        String condition;
        switch (kpi) {
            case CASES_OPENED, CONTACT_RATE_PER_1000_ORDERS -> { base = CASES; condition = period("opened_day", r, params); }
            case CASES_RESOLVED -> { base = CASES; condition = period("resolved_day", r, params); }
            case BACKLOG_OPEN -> {
                base = CASES;
                condition = " and opened_day < ? and (resolved_day is null or resolved_day >= ?)";
                params.add(r.to());
                params.add(r.to());
            }
            case FIRST_RESPONSE_ATTAINMENT -> { base = CASES; condition = " and fr_state in ('MET', 'BREACHED')" + period("fr_day", r, params); }
            case RESOLUTION_ATTAINMENT -> { base = CASES; condition = " and res_state in ('MET', 'BREACHED')" + period("res_day", r, params); }
            case FIRST_RESPONSE_MINUTES_P50, FIRST_RESPONSE_MINUTES_P90 -> {
                base = CASES;
                condition = " and first_response_minutes is not null" + period("first_reply_day", r, params);
            }
            case CSAT_MEAN, CSAT_SATISFIED -> { base = CASES; condition = " and csat_rating is not null" + period("csat_day", r, params); }
            case CSAT_RESPONSE_RATE -> { base = CASES; condition = period("csat_sent_day", r, params); }
            case REOPEN_RATE, FIRST_CONTACT_RESOLUTION_RATE -> { base = CASES; condition = period("resolved_day", r, params); }
            case REPEAT_CONTACT_RATE -> { base = CASES; condition = period("opened_day", r, params); }
            case PSD2_REPLY_ATTAINMENT -> {
                base = CASES;
                condition = " and psd2_state in ('MET', 'BREACHED')" + period("psd2_day", r, params);
            }
            case OLA_ATTAINMENT -> { base = CASES; condition = " and ola_state in ('MET', 'BREACHED')" + period("ola_day", r, params); }
            case FOUR_EYES_WAIT_MINUTES_P50 -> { base = APPROVALS; condition = period("u.d", r, params); }
            case REFUND_TURNAROUND_HOURS_P50 -> {
                base = PAYMENTS;
                condition = " and kind = 'REFUND' and not failed and turnaround_minutes is not null" + period("day", r, params);
            }
            case FAILED_REFUND_RATE -> { base = PAYMENTS; condition = " and kind = 'REFUND'" + period("day", r, params); }
            case CAPTURES -> { base = PAYMENTS; condition = " and kind = 'CAPTURE'" + period("day", r, params); }
            case DISPUTES_OPENED, DISPUTE_RATE -> { base = DISPUTES; condition = period("opened_day", r, params); }
            case DISPUTE_WIN_RATE -> {
                base = DISPUTES;
                condition = " and status in ('WON', 'LOST', 'EXPIRED')" + period("closed_day", r, params);
            }
            default -> throw new IllegalStateException("no drill-down for " + kpi);
        }
        Set<String> columns = kpi == Kpi.CONTACT_RATE_PER_1000_ORDERS ? CASE_COLUMNS : switch (kpi.family()) {
            case CASE -> CASE_COLUMNS;
            case PAYMENT -> PAYMENT_COLUMNS;
            case DISPUTE -> DISPUTE_COLUMNS;
            case SUPPLIER -> throw new IllegalStateException("supplier KPIs drill down through SupplierReader");
        };
        Scope.Sql where = scope.where(r, columns);
        params.addAll(where.params());
        return new Query(base + condition + where.text(), params);
    }

    private static String period(String column, KpiRequest r, List<Object> params) {
        params.add(r.from());
        params.add(r.to());
        return " and " + column + " >= ? and " + column + " < ?";
    }
}
