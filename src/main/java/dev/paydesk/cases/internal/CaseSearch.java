package dev.paydesk.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.cases.CaseQuery;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.PaydeskPrincipal;

/**
 * Queue views, filters and full-text search in SQL. Every query is limited to the caller's markets.
 * Open-case views sort by the next due clock so the most urgent case is on top.
 */
@Component
class CaseSearch {

    /** How far ahead "breaching soon" looks. */
    static final Duration SOON = Duration.ofHours(4);

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseSearch(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Rows of the sort order searched first for a text: a common word fills a page within them. */
    static final int WINDOW = 5000;

    List<CaseSummary> list(CaseQuery q) {
        if (isText(q)) {
            Sql inner = where(q, false);
            inner.params.add(WINDOW);
            inner.params.add(q.text().strip());
            inner.params.add(q.limit());
            inner.params.add(q.offset());
            List<CaseSummary> page = jdbc.sql("select " + CaseStore.SUMMARY_COLUMNS + " from (select * from cases_case c where "
                    + inner.where + order(q) + " limit ?) c where c.search @@ websearch_to_tsquery('simple', ?)" + order(q)
                    + " limit ? offset ?").params(inner.params).query(CaseStore.SUMMARY).list();
            if (page.size() == q.limit()) {
                return page;
            }
        }
        Sql sql = where(q);
        String order = order(q);
        sql.params.add(q.limit());
        sql.params.add(q.offset());
        return jdbc.sql("select " + CaseStore.SUMMARY_COLUMNS + " from cases_case c where " + sql.where + order
                + " limit ? offset ?").params(sql.params).query(CaseStore.SUMMARY).list();
    }

    long count(CaseQuery q) {
        Sql sql = where(q);
        return jdbc.sql("select count(*) from cases_case c where " + sql.where).params(sql.params).query(Long.class).single();
    }

    /** The count, but stops at {@code cap} (queue tabs show "1000+"): constant time however big the queue. */
    long countUpTo(CaseQuery q, int cap) {
        if (isText(q)) {
            Sql inner = where(q, false);
            inner.params.add(WINDOW);
            inner.params.add(q.text().strip());
            long[] window = jdbc.sql("select count(*), count(*) filter (where c.search @@ websearch_to_tsquery('simple', ?)) from "
                    + "(select c.search from cases_case c where " + inner.where + order(q) + " limit ?) c")
                    .params(reorder(inner.params)).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
            if (window[1] >= cap || window[0] < WINDOW) {
                return Math.min(window[1], cap);
            }
        }
        Sql sql = where(q);
        sql.params.add(cap);
        return jdbc.sql("select count(*) from (select 1 from cases_case c where " + sql.where + " limit ?) capped")
                .params(sql.params).query(Long.class).single();
    }

    /** EXPLAIN ANALYZE of the list query (for the benchmark's --explain). */
    List<String> explain(CaseQuery q) {
        Sql sql = where(q);
        sql.params.add(q.limit());
        sql.params.add(q.offset());
        return jdbc.sql("explain (analyze, buffers) select " + CaseStore.SUMMARY_COLUMNS + " from cases_case c where " + sql.where
                + order(q) + " limit ? offset ?").params(sql.params).query(String.class).list();
    }

    private static boolean isText(CaseQuery q) {
        return q.text() != null && !q.text().isBlank() && !isKey(q.text());
    }

    /** Moves the last parameter (the text) to the front, for the count query's select list. */
    private static List<Object> reorder(List<Object> params) {
        List<Object> out = new java.util.ArrayList<>();
        out.add(params.getLast());
        out.addAll(params.subList(0, params.size() - 1));
        return out;
    }

    /** SQL of each sortable column ({@link CaseQuery#SORTS}); nothing the user typed reaches the SQL. */
    private static final java.util.Map<String, String> SORT_SQL = java.util.Map.of(
            "key", "c.number", "subject", "lower(c.subject)", "status", "c.status",
            "priority", "array_position(array['LOW','NORMAL','HIGH','URGENT'], c.priority)", "market", "c.market",
            "queue", "c.queue_code", "assignee", "c.assignee", "due", "c.next_due_at", "updated", "c.updated_at");

    private static String order(CaseQuery q) {
        if (q.sort() != null && SORT_SQL.containsKey(q.sort())) {
            return " order by " + SORT_SQL.get(q.sort()) + (q.desc() ? " desc" : " asc") + " nulls last, c.number"
                    + (q.desc() ? " desc" : "");
        }
        return q.view() == null || q.view() == CaseQuery.View.ALL || q.view() == CaseQuery.View.WAITING
                ? " order by c.updated_at desc, c.number desc"
                : " order by c.next_due_at nulls last, c.number";
    }

    private record Sql(StringBuilder where, List<Object> params) {
        Sql and(String condition, Object... values) {
            where.append(" and ").append(condition);
            params.addAll(List.of(values));
            return this;
        }
    }

    /** Most matches fetched through the full-text index before sorting; beyond it the ordered scan is cheaper. */
    static final int TEXT_HITS = 5000;

    /**
     * Full-text search in two regimes: a selective text (an order reference, a rare word) is answered
     * from the GIN index and the few hits are filtered and sorted; a common word (more than
     * {@link #TEXT_HITS} hits) walks the sort order instead and stops after a page of matches.
     */
    private Sql where(CaseQuery q) {
        if (q.text() != null && !q.text().isBlank() && !isKey(q.text())) {
            List<java.util.UUID> hits = jdbc.sql("select id from cases_case where search @@ websearch_to_tsquery('simple', ?) limit ?")
                    .params(q.text().strip(), TEXT_HITS + 1).query(java.util.UUID.class).list();
            if (hits.size() <= TEXT_HITS) {
                Sql sql = where(q, false);
                return sql.and("c.id = any(?)", (Object) hits.toArray(java.util.UUID[]::new));
            }
        }
        return where(q, true);
    }

    private static boolean isKey(String text) {
        return text.strip().toUpperCase(Locale.ROOT).matches("PD-\\d{1,18}");
    }

    private Sql where(CaseQuery q, boolean withText) {
        Sql sql = new Sql(new StringBuilder("true"), new ArrayList<>());
        PaydeskPrincipal user = CurrentUser.principal().orElse(null);
        if (user != null && !user.allMarkets()) {
            sql.and("c.market = any(?)", (Object) user.markets().toArray(String[]::new));
        }
        String open = "c.status not in ('RESOLVED', 'CLOSED')";
        if (q.view() != null) {
            switch (q.view()) {
                case MINE -> sql.and(open).and("c.assignee = ?", user == null ? "" : user.username());
                case TEAM -> {
                    String[] queues = jdbc.sql("select queue_code from cases_queue_member where username = ?")
                            .param(user == null ? "" : user.username()).query(String.class).list().toArray(String[]::new);
                    sql.and(open).and(queues.length == 1 ? "c.queue_code = ?" : "c.queue_code = any(?)",
                            queues.length == 1 ? queues[0] : (Object) queues);
                }
                case UNASSIGNED -> sql.and(open).and("c.assignee is null");
                case BREACHING_SOON -> sql.and(open).and("c.next_due_at <= ?", Timestamp.from(clock.instant().plus(SOON)));
                case WAITING -> sql.and("c.status = 'WAITING'");
                case DISPUTES -> sql.and(open).and("c.source = 'DISPUTE'");
                case ALL -> { }
            }
        }
        if (!q.statuses().isEmpty()) {
            sql.and("c.status = any(?)", (Object) q.statuses().stream().map(CaseStatus::name).toArray(String[]::new));
        }
        if (q.market() != null && !q.market().isBlank()) {
            sql.and("c.market = ?", q.market().strip().toUpperCase(Locale.ROOT));
        }
        if (q.queue() != null && !q.queue().isBlank()) {
            sql.and("c.queue_code = ?", q.queue().strip());
        }
        if (q.assignee() != null && !q.assignee().isBlank()) {
            sql.and("c.assignee = ?", q.assignee().strip());
        }
        if (q.category() != null && !q.category().isBlank()) {
            sql.and("c.category = ?", q.category().strip());
        }
        if (q.priority() != null) {
            sql.and("c.priority = ?", q.priority().name());
        }
        if (q.tag() != null && !q.tag().isBlank()) {
            sql.and("? = any(c.tags)", q.tag().strip().toLowerCase(Locale.ROOT));
        }
        if (q.text() != null && !q.text().isBlank() && (withText || isKey(q.text()))) {
            String text = q.text().strip();
            if (text.toUpperCase(Locale.ROOT).matches("PD-\\d{1,18}")) {
                sql.and("c.number = ?", Long.parseLong(text.substring(3)));
            } else {
                sql.and("c.search @@ websearch_to_tsquery('simple', ?)", text);
            }
        }
        return sql;
    }
}
