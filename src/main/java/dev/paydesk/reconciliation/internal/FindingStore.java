package dev.paydesk.reconciliation.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.paydesk.reconciliation.Finding;
import dev.paydesk.reconciliation.FindingStatus;
import dev.paydesk.reconciliation.FindingType;
import dev.paydesk.reconciliation.Findings;
import dev.paydesk.reconciliation.engine.Anomaly;
import dev.paydesk.reconciliation.engine.BatchReport;
import dev.paydesk.shared.ListQuery;
import dev.paydesk.shared.Money;

/** SQL for findings, runs and batch reports. */
@Repository
class FindingStore {

    /** Serialises the write phase of concurrent runs on every node. */
    private static final long WRITE_LOCK = 0x7265636f6e63L;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    FindingStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void lockForWrite() {
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", WRITE_LOCK).query(Object.class).single();
    }

    /** An existing finding's key facts. */
    record Existing(UUID id, FindingStatus status, long amountMinor, String scope) {
    }

    Map<String, Existing> existing(Collection<String> keys) {
        Map<String, Existing> out = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int i = 0; i < all.size(); i += 10_000) {
            String[] chunk = all.subList(i, Math.min(all.size(), i + 10_000)).toArray(String[]::new);
            jdbc.sql("select id, anomaly_key, status, amount_minor, scope from reconciliation_finding where anomaly_key = any(:keys)")
                    .param("keys", chunk)
                    .query(rs -> {
                        out.put(rs.getString("anomaly_key"), new Existing(rs.getObject("id", UUID.class),
                                FindingStatus.valueOf(rs.getString("status")), rs.getLong("amount_minor"),
                                rs.getString("scope")));
                    });
        }
        return out;
    }

    /**
     * Unresolved findings as (id, key, scope), to resolve those a run no longer finds: within the
     * given scopes, or all when {@code scopes} is null (large runs).
     */
    List<Existing> unresolved(Map<String, Existing> keysOut, @Nullable List<String> scopes) {
        List<Existing> out = new ArrayList<>();
        jdbc.sql("select id, anomaly_key, status, amount_minor, scope from reconciliation_finding where resolved_at is null"
                        + (scopes == null ? "" : " and scope = any(:scopes)"))
                .params(scopes == null ? Map.of() : Map.of("scopes", scopes.toArray(String[]::new)))
                .query(rs -> {
                    Existing e = new Existing(rs.getObject("id", UUID.class), FindingStatus.valueOf(rs.getString("status")),
                            rs.getLong("amount_minor"), rs.getString("scope"));
                    keysOut.put(rs.getString("anomaly_key"), e);
                    out.add(e);
                });
        return out;
    }

    /** A finding about to be stored, with its new id. */
    record NewFinding(UUID id, Anomaly anomaly) {
    }

    void insert(List<NewFinding> findings, Instant now, UUID run) {
        template.batchUpdate("""
                insert into reconciliation_finding (id, anomaly_key, type, scope, status, market, provider, method, order_ref,
                    payment_ref, customer_ref, amount_minor, currency, summary, evidence, suggested_action, first_seen_at,
                    last_seen_at, last_run)
                values (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (anomaly_key) do nothing""", findings, 500, (ps, f) -> {
            Anomaly a = f.anomaly();
            ps.setObject(1, f.id());
            ps.setString(2, a.key());
            ps.setString(3, a.type().name());
            ps.setString(4, a.scope());
            ps.setString(5, a.market());
            ps.setString(6, a.provider());
            ps.setString(7, a.method());
            ps.setString(8, a.orderRef());
            ps.setString(9, a.paymentRef());
            ps.setString(10, a.customerRef());
            ps.setLong(11, a.amountMinor());
            ps.setString(12, currency(a.currency()).getCurrencyCode());
            ps.setString(13, a.summary());
            ps.setArray(14, ps.getConnection().createArrayOf("text", a.evidence().toArray()));
            ps.setString(15, a.type().suggestedAction());
            ps.setTimestamp(16, Timestamp.from(now));
            ps.setTimestamp(17, Timestamp.from(now));
            ps.setObject(18, run);
        });
    }

    /** Seen again: refresh amount and summary; a resolved one reopens. */
    void touch(List<Anomaly> anomalies, Instant now, UUID run) {
        template.batchUpdate("""
                update reconciliation_finding set last_seen_at = ?, last_run = ?, amount_minor = ?, summary = ?,
                    evidence = ?, status = case when status = 'RESOLVED' then 'OPEN' else status end,
                    resolved_at = null, resolution = null, version = version + 1
                where anomaly_key = ?""", anomalies, 1000, (ps, a) -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setObject(2, run);
            ps.setLong(3, a.amountMinor());
            ps.setString(4, a.summary());
            ps.setArray(5, ps.getConnection().createArrayOf("text", a.evidence().toArray()));
            ps.setString(6, a.key());
        });
    }

    List<Finding> resolve(Collection<UUID> ids, Instant now, String resolution) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                update reconciliation_finding set status = 'RESOLVED', resolved_at = :now, resolution = :why,
                    version = version + 1
                where id = any(:ids) and resolved_at is null returning *""")
                .param("now", Timestamp.from(now)).param("why", resolution).param("ids", ids.toArray(UUID[]::new))
                .query(FindingStore::finding).list();
    }

    List<Finding> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from reconciliation_finding where id = any(:ids)").param("ids", ids.toArray(UUID[]::new))
                .query(FindingStore::finding).list();
    }

    void recordRun(UUID id, String kind, @Nullable Instant from, @Nullable Instant to, Instant started, Instant finished,
                   int orders, int lines, int matched, int anomalies, int opened, int reopened, int resolved, String actor) {
        jdbc.sql("""
                insert into reconciliation_run (id, kind, range_from, range_to, started_at, finished_at, orders, lines,
                    matched, anomalies, opened, reopened, resolved, actor)
                values (:id, :kind, :from, :to, :started, :finished, :orders, :lines, :matched, :anomalies, :opened,
                    :reopened, :resolved, :actor)""")
                .param("id", id).param("kind", kind).param("from", from == null ? null : Timestamp.from(from))
                .param("to", to == null ? null : Timestamp.from(to)).param("started", Timestamp.from(started))
                .param("finished", Timestamp.from(finished)).param("orders", orders).param("lines", lines)
                .param("matched", matched).param("anomalies", anomalies).param("opened", opened)
                .param("reopened", reopened).param("resolved", resolved).param("actor", actor).update();
    }

    void saveBatches(List<BatchReport> batches, UUID run, Instant now) {
        template.batchUpdate("""
                insert into reconciliation_batch (provider, batch, currency, lines, matched, unmatched, gross_minor,
                    net_minor, fees_minor, difference_minor, payout_minor, reconciled, last_run, reported_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (provider, batch) do update set currency = excluded.currency, lines = excluded.lines,
                    matched = excluded.matched, unmatched = excluded.unmatched, gross_minor = excluded.gross_minor,
                    net_minor = excluded.net_minor, fees_minor = excluded.fees_minor,
                    difference_minor = excluded.difference_minor, payout_minor = excluded.payout_minor,
                    reconciled = excluded.reconciled, last_run = excluded.last_run, reported_at = excluded.reported_at
                where excluded.lines >= reconciliation_batch.lines""", batches, 500, (ps, b) -> {
            ps.setString(1, b.provider());
            ps.setString(2, b.batch());
            ps.setString(3, currency(b.currency()).getCurrencyCode());
            ps.setInt(4, b.lines());
            ps.setInt(5, b.matched());
            ps.setInt(6, b.unmatched());
            ps.setLong(7, b.grossMinor());
            ps.setLong(8, b.netMinor());
            ps.setLong(9, b.feesMinor());
            ps.setLong(10, b.differenceMinor());
            ps.setLong(11, b.payoutMinor());
            ps.setBoolean(12, b.payoutReconciled());
            ps.setObject(13, run);
            ps.setTimestamp(14, Timestamp.from(now));
        });
    }

    static Currency currency(@Nullable String code) {
        try {
            return code == null || code.isBlank() ? Currency.getInstance("XXX") : Currency.getInstance(code.trim());
        } catch (IllegalArgumentException e) {
            return Currency.getInstance("XXX");
        }
    }

    static Finding finding(ResultSet rs, int row) throws SQLException {
        Array evidence = rs.getArray("evidence");
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new Finding(rs.getObject("id", UUID.class), rs.getString("anomaly_key"),
                FindingType.valueOf(rs.getString("type")), FindingStatus.valueOf(rs.getString("status")),
                rs.getString("market"), rs.getString("provider"), rs.getString("method"), rs.getString("order_ref"),
                rs.getString("payment_ref"), rs.getString("customer_ref"),
                new Money(rs.getLong("amount_minor"), currency(rs.getString("currency"))), rs.getString("summary"),
                List.of((String[]) evidence.getArray()), rs.getString("suggested_action"), rs.getString("assignee"),
                rs.getTimestamp("first_seen_at").toInstant(), rs.getTimestamp("last_seen_at").toInstant(),
                resolved == null ? null : resolved.toInstant(), rs.getString("resolution"));
    }

    List<Finding> search(Findings.Filter f, @Nullable Collection<String> markets, Instant now) {
        return jdbc.sql("select * from reconciliation_finding where " + where(f, markets, null)
                        + " order by amount_minor desc, first_seen_at limit :limit")
                .params(params(f, markets, now, null)).param("limit", Math.max(1, Math.min(f.limit(), 5_000)))
                .query(FindingStore::finding).list();
    }

    /** The sortable columns of the findings list (key → SQL); nothing else reaches the order by. */
    static final Map<String, String> SORTS = Map.of("type", "type", "market", "market", "provider", "provider",
            "method", "method", "order", "order_ref", "amount", "amount_minor", "firstSeen", "first_seen_at",
            "status", "status", "assignee", "assignee");

    /** One page of findings, sorted by an allowed column and searched in references and summary. */
    List<Finding> page(Findings.Filter f, @Nullable Collection<String> markets, Instant now, ListQuery list) {
        return jdbc.sql("select * from reconciliation_finding where " + where(f, markets, list.q())
                        + " order by " + list.orderBy(SORTS, "amount_minor desc") + ", first_seen_at, id"
                        + " limit :limit offset :offset")
                .params(params(f, markets, now, list.q())).param("limit", list.size()).param("offset", list.offset())
                .query(FindingStore::finding).list();
    }

    Findings.Totals totals(Findings.Filter f, @Nullable Collection<String> markets, Instant now) {
        return totals(f, markets, now, null);
    }

    Findings.Totals totals(Findings.Filter f, @Nullable Collection<String> markets, Instant now, @Nullable String q) {
        Map<String, Long> byCurrency = new java.util.TreeMap<>();
        int[] count = {0};
        jdbc.sql("select currency, count(*) n, sum(amount_minor) total from reconciliation_finding where "
                        + where(f, markets, q) + " group by currency")
                .params(params(f, markets, now, q))
                .query(rs -> {
                    byCurrency.put(rs.getString("currency").trim(), rs.getLong("total"));
                    count[0] += rs.getInt("n");
                });
        return new Findings.Totals(count[0], byCurrency);
    }

    /** Text filters ignore case: {@code de} finds market DE, {@code adyen} provider ADYEN. */
    private static String where(Findings.Filter f, @Nullable Collection<String> markets, @Nullable String q) {
        return (f.includeResolved() ? "true" : "resolved_at is null")
                + (f.type() == null ? "" : " and type = :type")
                + (f.provider() == null ? "" : " and upper(provider) = upper(:provider)")
                + (f.market() == null ? "" : " and upper(market) = upper(:market)")
                + (f.method() == null ? "" : " and lower(method) = lower(:method)")
                + (f.olderThanDays() == null ? "" : " and first_seen_at <= :seenBefore")
                + (f.minAmountMinor() == null ? "" : " and amount_minor >= :minAmount")
                + (markets == null ? "" : " and market = any(:markets)")
                + (q == null ? "" : " and (order_ref ilike :q or payment_ref ilike :q or customer_ref ilike :q"
                        + " or summary ilike :q or assignee ilike :q)");
    }

    private static Map<String, Object> params(Findings.Filter f, @Nullable Collection<String> markets, Instant now,
                                              @Nullable String q) {
        Map<String, Object> p = new HashMap<>();
        if (q != null) {
            p.put("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.type() != null) {
            p.put("type", f.type().name());
        }
        if (f.provider() != null) {
            p.put("provider", f.provider());
        }
        if (f.market() != null) {
            p.put("market", f.market());
        }
        if (f.method() != null) {
            p.put("method", f.method());
        }
        if (f.olderThanDays() != null) {
            p.put("seenBefore", Timestamp.from(now.minusSeconds(86_400L * f.olderThanDays())));
        }
        if (f.minAmountMinor() != null) {
            p.put("minAmount", f.minAmountMinor());
        }
        if (markets != null) {
            p.put("markets", markets.toArray(String[]::new));
        }
        return p;
    }

    int acknowledge(UUID id, String actor, Instant now) {
        return jdbc.sql("""
                update reconciliation_finding set status = 'ACKNOWLEDGED', acknowledged_by = :actor, acknowledged_at = :now,
                    version = version + 1 where id = :id and status = 'OPEN'""")
                .param("actor", actor).param("now", Timestamp.from(now)).param("id", id).update();
    }

    int assign(UUID id, String assignee) {
        return jdbc.sql("update reconciliation_finding set assignee = :who, version = version + 1 where id = :id")
                .param("who", assignee).param("id", id).update();
    }

    List<Findings.BatchSummary> batches(int limit) {
        return jdbc.sql("select * from reconciliation_batch order by reported_at desc, provider, batch limit :limit")
                .param("limit", limit)
                .query((rs, i) -> new Findings.BatchSummary(rs.getString("provider"), rs.getString("batch"),
                        rs.getString("currency").trim(), rs.getInt("lines"), rs.getInt("matched"), rs.getInt("unmatched"),
                        rs.getLong("gross_minor"), rs.getLong("net_minor"), rs.getLong("fees_minor"),
                        rs.getLong("difference_minor"), rs.getLong("payout_minor"), rs.getBoolean("reconciled"),
                        rs.getTimestamp("reported_at").toInstant()))
                .list();
    }

    /** Queues the orders (distinct references) for the next incremental run, restarting their debounce. */
    void queue(List<String> merchantReferences, Instant now) {
        jdbc.sql("""
                insert into reconciliation_pending select r, :now from unnest(cast(:refs as text[])) r
                on conflict (merchant_reference) do update set queued_at = excluded.queued_at""")
                .param("refs", merchantReferences.toArray(String[]::new)).param("now", Timestamp.from(now)).update();
    }

    /** Takes the orders quiet for at least the debounce (the rows are deleted in the caller's transaction). */
    List<String> takeQuiet(Instant quietSince, int limit) {
        return jdbc.sql("""
                delete from reconciliation_pending where merchant_reference in (
                    select merchant_reference from reconciliation_pending where queued_at <= :since
                    order by queued_at limit :limit for update skip locked)
                returning merchant_reference""")
                .param("since", Timestamp.from(quietSince)).param("limit", limit).query(String.class).list();
    }
}
