package dev.paydesk.disputes.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.paydesk.disputes.CardNetwork;
import dev.paydesk.disputes.DisputeHistoryEntry;
import dev.paydesk.disputes.DisputeStage;
import dev.paydesk.disputes.DisputeStatus;
import dev.paydesk.disputes.Disputes;
import dev.paydesk.disputes.ReasonCategory;
import dev.paydesk.payments.Provider;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.Money;

/** Disputes, their history and processed event keys in plain SQL. */
@Repository
class DisputeStore {

    private static final String COLUMNS = """
            id, provider, merchant_account, provider_dispute_id, network, market, stage, status, reason_code,
            reason_category, amount_minor, currency, fee_minor, payment_reference, order_reference, customer_reference,
            due_at, due_estimated, respond_by, opened_at, last_signal_at, closed_at, version""";

    private final JdbcClient jdbc;

    DisputeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the dispute for the rest of the transaction. */
    Optional<Dispute> lock(Provider provider, String account, String providerDisputeId) {
        return jdbc.sql("select " + COLUMNS + " from disputes_dispute where provider = ? and merchant_account = ?"
                        + " and provider_dispute_id = ? for update")
                .params(provider.name(), account, providerDisputeId).query(DisputeStore::map).optional();
    }

    Optional<Dispute> find(Provider provider, String account, String providerDisputeId) {
        return jdbc.sql("select " + COLUMNS + " from disputes_dispute where provider = ? and merchant_account = ?"
                        + " and provider_dispute_id = ?")
                .params(provider.name(), account, providerDisputeId).query(DisputeStore::map).optional();
    }

    Optional<Dispute> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from disputes_dispute where id = ? for update").param(id)
                .query(DisputeStore::map).optional();
    }

    Optional<Dispute> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from disputes_dispute where id = ?").param(id)
                .query(DisputeStore::map).optional();
    }

    /** Inserts unless another transaction created the same provider dispute first; true when inserted. */
    boolean insert(Dispute d, Instant now) {
        return jdbc.sql("""
                        insert into disputes_dispute (id, provider, merchant_account, provider_dispute_id, network, market,
                            stage, status, reason_code, reason_category, amount_minor, currency, fee_minor, payment_reference,
                            order_reference, customer_reference, due_at, due_estimated, respond_by, opened_at, last_signal_at,
                            closed_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                        on conflict (provider, merchant_account, provider_dispute_id) do nothing""")
                .params(d.id(), d.provider().name(), d.merchantAccount(), d.providerDisputeId(), d.network().name(),
                        d.market(), d.stage().name(), d.status().name(), d.reasonCode(), d.reasonCategory().name(),
                        d.amount().minor(), d.amount().currency().getCurrencyCode(), d.fees().minor(),
                        d.paymentReference(), d.orderReference(), d.customerReference(), ts(d.dueAt()), d.dueEstimated(),
                        ts(d.respondBy()), ts(d.openedAt()), ts(d.lastSignalAt()), ts(d.closedAt()), ts(now))
                .update() == 1;
    }

    void update(Dispute d, Instant now) {
        int rows = jdbc.sql("""
                        update disputes_dispute set network = ?, market = ?, stage = ?, status = ?, reason_code = ?,
                            reason_category = ?, amount_minor = ?, currency = ?, fee_minor = ?, payment_reference = ?,
                            order_reference = ?, customer_reference = ?, due_at = ?, due_estimated = ?, respond_by = ?,
                            last_signal_at = ?, closed_at = ?, updated_at = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(d.network().name(), d.market(), d.stage().name(), d.status().name(), d.reasonCode(),
                        d.reasonCategory().name(), d.amount().minor(), d.amount().currency().getCurrencyCode(),
                        d.fees().minor(), d.paymentReference(), d.orderReference(), d.customerReference(), ts(d.dueAt()),
                        d.dueEstimated(), ts(d.respondBy()), ts(d.lastSignalAt()), ts(d.closedAt()), ts(now), d.id(),
                        d.version())
                .update();
        if (rows != 1) {
            throw new ConflictException("dispute " + d.id() + " was changed by someone else; reload and retry");
        }
    }

    /** Records a provider event key; false when it was processed before (a duplicate). */
    boolean markProcessed(Provider provider, String eventKey, UUID disputeId, Instant now) {
        return jdbc.sql("""
                        insert into disputes_processed_event (provider, event_key, dispute_id, processed_at)
                        values (?, ?, ?, ?) on conflict do nothing""")
                .params(provider.name(), eventKey, disputeId, ts(now)).update() == 1;
    }

    void appendHistory(UUID disputeId, Instant at, String kind, DisputeStage stage, DisputeStatus status, String detail,
                       String actor, @Nullable String eventKey) {
        jdbc.sql("""
                        insert into disputes_history (dispute_id, at, kind, stage, status, detail, actor, event_key)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(disputeId, ts(at), kind, stage.name(), status.name(), detail, actor, eventKey).update();
    }

    List<DisputeHistoryEntry> history(UUID disputeId) {
        return jdbc.sql("select id, at, kind, stage, status, detail, actor, event_key from disputes_history"
                        + " where dispute_id = ? order by id")
                .param(disputeId)
                .query((rs, n) -> new DisputeHistoryEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        DisputeStage.valueOf(rs.getString(4)), DisputeStatus.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getString(7), rs.getString(8)))
                .list();
    }

    Optional<Dispute> openFor(String reference) {
        return jdbc.sql("select " + COLUMNS + " from disputes_dispute where closed_at is null"
                        + " and (payment_reference = ? or order_reference = ? or provider_dispute_id = ?)"
                        + " order by respond_by nulls last limit 1")
                .params(reference, reference, reference).query(DisputeStore::map).optional();
    }

    List<Dispute> list(Disputes.Filter f) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from disputes_dispute where true");
        List<Object> params = new ArrayList<>();
        if (!f.includeClosed()) {
            sql.append(" and closed_at is null");
        }
        if (f.markets() != null) {
            sql.append(" and market = any(?)");
            params.add(f.markets().toArray(String[]::new));
        }
        if (f.provider() != null) {
            sql.append(" and provider = ?");
            params.add(f.provider().toUpperCase(java.util.Locale.ROOT));
        }
        if (f.status() != null) {
            sql.append(" and status = ?");
            params.add(f.status().name());
        }
        if (f.stage() != null) {
            sql.append(" and stage = ?");
            params.add(f.stage().name());
        }
        sql.append(" order by closed_at is not null, respond_by nulls last, opened_at limit ?");
        params.add(Math.max(1, Math.min(f.limit(), 5000)));
        return jdbc.sql(sql.toString()).params(params).query(DisputeStore::map).list();
    }

    static Dispute map(ResultSet rs, int n) throws SQLException {
        java.util.Currency currency = java.util.Currency.getInstance(rs.getString("currency"));
        return new Dispute(rs.getObject("id", UUID.class), Provider.valueOf(rs.getString("provider")),
                rs.getString("merchant_account"), rs.getString("provider_dispute_id"),
                CardNetwork.valueOf(rs.getString("network")), rs.getString("market"),
                DisputeStage.valueOf(rs.getString("stage")), DisputeStatus.valueOf(rs.getString("status")),
                rs.getString("reason_code"), ReasonCategory.valueOf(rs.getString("reason_category")),
                new Money(rs.getLong("amount_minor"), currency), new Money(rs.getLong("fee_minor"), currency),
                rs.getString("payment_reference"), rs.getString("order_reference"), rs.getString("customer_reference"),
                instant(rs, "due_at"), rs.getBoolean("due_estimated"), instant(rs, "respond_by"),
                rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("last_signal_at").toInstant(),
                instant(rs, "closed_at"), rs.getInt("version"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static @Nullable Timestamp ts(@Nullable Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
