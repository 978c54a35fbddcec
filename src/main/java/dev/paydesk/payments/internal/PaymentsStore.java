package dev.paydesk.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.paydesk.payments.PaymentQueries.PaymentSummary;
import dev.paydesk.payments.Provider;
import dev.paydesk.payments.TransactionKind;
import dev.paydesk.shared.Money;

/** SQL for the payments mirror tables. */
@Repository
class PaymentsStore {

    private final JdbcClient jdbc;

    PaymentsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the inbound event unless its key was seen; returns whether it is new. */
    boolean recordInbound(Provider provider, String account, ProviderEvent event, String maskedPayload, Instant now) {
        return !jdbc.sql("""
                insert into payments_inbound_event (id, provider, merchant_account, event_key, event_type, outcome, payload, received_at)
                values (:id, :provider, :account, :key, :type, :outcome, :payload, :now)
                on conflict (provider, event_key) do nothing returning id""")
                .param("id", UUID.randomUUID()).param("provider", provider.name()).param("account", account)
                .param("key", event.eventKey()).param("type", event.eventType())
                .param("outcome", event.isEmpty() ? "IGNORED" : "APPLIED")
                .param("payload", maskedPayload).param("now", Timestamp.from(now))
                .query(UUID.class).list().isEmpty();
    }

    /**
     * Inserts the movement, or updates its status when this report is at least as recent as the
     * stored one. Returns the id when the movement is new.
     */
    Optional<UUID> upsert(Provider provider, String account, NormalizedTransaction tx) {
        UUID id = UUID.randomUUID();
        String merchantRef = tx.merchantReference() != null ? tx.merchantReference() : orderOf(tx.originalReference());
        List<Boolean> inserted = jdbc.sql("""
                insert into payments_transaction (id, provider, merchant_account, kind, provider_reference, original_reference,
                    merchant_reference, customer_reference, status, amount_minor, currency, method, card_brand, card_bin,
                    card_last4, occurred_at)
                values (:id, :provider, :account, :kind, :ref, :orig, :order, :customer, :status, :amount, :currency,
                    :method, :brand, :bin, :last4, :at)
                on conflict (provider, kind, provider_reference) do update set
                    status = case when excluded.occurred_at >= payments_transaction.occurred_at
                                  then excluded.status else payments_transaction.status end,
                    merchant_reference = coalesce(payments_transaction.merchant_reference, excluded.merchant_reference),
                    original_reference = coalesce(payments_transaction.original_reference, excluded.original_reference)
                returning (xmax = 0)""")
                .param("id", id).param("provider", provider.name()).param("account", account)
                .param("kind", tx.kind().name()).param("ref", tx.providerReference())
                .param("orig", tx.originalReference()).param("order", merchantRef)
                .param("customer", tx.customerReference()).param("status", tx.status())
                .param("amount", tx.amount().minor()).param("currency", tx.amount().currency().getCurrencyCode())
                .param("method", tx.method()).param("brand", tx.cardBrand()).param("bin", tx.cardBin())
                .param("last4", tx.cardLast4()).param("at", Timestamp.from(tx.occurredAt()))
                .query(Boolean.class).list();
        boolean isNew = !inserted.isEmpty() && inserted.get(0);
        if (isNew && merchantRef != null) {
            adoptOrphans(tx.providerReference(), merchantRef);
        }
        return isNew ? Optional.of(id) : Optional.empty();
    }

    /** Movements that arrived before the one naming their order learn the order now. */
    private void adoptOrphans(String providerReference, String merchantRef) {
        jdbc.sql("update payments_transaction set merchant_reference = :order where merchant_reference is null and original_reference = :ref")
                .param("order", merchantRef).param("ref", providerReference).update();
    }

    private @Nullable String orderOf(@Nullable String originalReference) {
        if (originalReference == null) {
            return null;
        }
        return jdbc.sql("select merchant_reference from payments_transaction where provider_reference = :ref and merchant_reference is not null limit 1")
                .param("ref", originalReference).query(String.class).optional().orElse(null);
    }

    /** Makes sure an order row exists; a placeholder until the merchant's feed describes it. */
    void ensureOrder(String merchantReference, @Nullable String market, @Nullable String customer) {
        jdbc.sql("""
                insert into payments_order (merchant_reference, market, customer_reference, placeholder)
                values (:ref, :market, :customer, true) on conflict (merchant_reference) do nothing""")
                .param("ref", merchantReference).param("market", market).param("customer", customer).update();
    }

    void quarantine(String source, Provider provider, @Nullable String account, @Nullable Integer line, String reason,
                    String maskedPayload, Instant now) {
        jdbc.sql("""
                insert into payments_quarantine (id, source, provider, merchant_account, line_number, reason, payload, received_at)
                values (:id, :source, :provider, :account, :line, :reason, :payload, :now)""")
                .param("id", UUID.randomUUID()).param("source", source).param("provider", provider.name())
                .param("account", account).param("line", line).param("reason", reason)
                .param("payload", maskedPayload).param("now", Timestamp.from(now)).update();
    }

    record OrderRow(String merchantReference, @Nullable String market, @Nullable String customerReference,
                    @Nullable Money amountDue) {
    }

    Optional<OrderRow> order(String merchantReference) {
        return jdbc.sql("select * from payments_order where merchant_reference = :ref").param("ref", merchantReference)
                .query((rs, i) -> new OrderRow(rs.getString("merchant_reference"), rs.getString("market"),
                        rs.getString("customer_reference"), rs.getObject("amount_due_minor") == null ? null
                        : new Money(rs.getLong("amount_due_minor"), Currency.getInstance(rs.getString("currency")))))
                .optional();
    }

    List<PaymentSummary> transactionsOfOrder(String merchantReference) {
        return jdbc.sql("""
                select t.*, o.market from payments_transaction t left join payments_order o using (merchant_reference)
                where t.merchant_reference = :ref order by t.occurred_at, t.recorded_at, t.kind""")
                .param("ref", merchantReference).query(PaymentsStore::summary).list();
    }

    List<PaymentSummary> search(@Nullable String order, @Nullable String providerRef, @Nullable String customer,
                                @Nullable String last4, @Nullable Long amount, @Nullable Instant from,
                                @Nullable Instant to, int limit) {
        return jdbc.sql("""
                select t.*, o.market from payments_transaction t left join payments_order o using (merchant_reference)
                where (cast(:order as text) is null or merchant_reference = :order)
                  and (cast(:pref as text) is null or provider_reference = :pref or original_reference = :pref)
                  and (cast(:customer as text) is null or t.customer_reference = :customer)
                  and (cast(:last4 as text) is null or card_last4 = :last4)
                  and (cast(:amount as bigint) is null or amount_minor = :amount)
                  and (cast(:from as timestamptz) is null or occurred_at >= :from)
                  and (cast(:to as timestamptz) is null or occurred_at < :to)
                order by t.occurred_at desc limit :limit""")
                .param("order", order).param("pref", providerRef).param("customer", customer).param("last4", last4)
                .param("amount", amount).param("from", from == null ? null : Timestamp.from(from))
                .param("to", to == null ? null : Timestamp.from(to)).param("limit", limit)
                .query(PaymentsStore::summary).list();
    }

    record QuarantineRow(UUID id, String source, String provider, @Nullable String account, @Nullable Integer line,
                         String reason, String payload, Instant receivedAt, @Nullable Instant replayedAt) {
    }

    Optional<QuarantineRow> quarantined(UUID id) {
        return quarantineWhere("where id = :id and replayed_at is null", id).stream().findFirst();
    }

    void updateQuarantineReason(UUID id, String reason) {
        jdbc.sql("update payments_quarantine set reason = :r where id = :id").param("r", reason).param("id", id).update();
    }

    void markReplayed(UUID id, Instant at) {
        jdbc.sql("update payments_quarantine set replayed_at = :at where id = :id").param("at", Timestamp.from(at))
                .param("id", id).update();
    }

    private List<QuarantineRow> quarantineWhere(String where, UUID id) {
        return jdbc.sql("select * from payments_quarantine " + where).param("id", id)
                .query((rs, i) -> new QuarantineRow(rs.getObject("id", UUID.class), rs.getString("source"),
                        rs.getString("provider"), rs.getString("merchant_account"),
                        (Integer) rs.getObject("line_number"), rs.getString("reason"), rs.getString("payload"),
                        rs.getTimestamp("received_at").toInstant(), null))
                .list();
    }

    List<QuarantineRow> quarantine(int limit) {
        return jdbc.sql("select * from payments_quarantine where replayed_at is null order by received_at desc limit :limit").param("limit", limit)
                .query((rs, i) -> new QuarantineRow(rs.getObject("id", UUID.class), rs.getString("source"),
                        rs.getString("provider"), rs.getString("merchant_account"),
                        (Integer) rs.getObject("line_number"), rs.getString("reason"), rs.getString("payload"),
                        rs.getTimestamp("received_at").toInstant(), rs.getTimestamp("replayed_at") == null ? null
                        : rs.getTimestamp("replayed_at").toInstant()))
                .list();
    }

    static PaymentSummary summary(ResultSet rs, int row) throws SQLException {
        return new PaymentSummary(rs.getObject("id", UUID.class), Provider.valueOf(rs.getString("provider")),
                TransactionKind.valueOf(rs.getString("kind")), rs.getString("status"), rs.getString("provider_reference"),
                rs.getString("merchant_reference"), rs.getString("customer_reference"),
                new Money(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))),
                rs.getString("method"), rs.getString("card_last4"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("market"));
    }
}
