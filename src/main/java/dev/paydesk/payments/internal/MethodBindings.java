package dev.paydesk.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.paydesk.payments.PaymentQueries.BindingAction;
import dev.paydesk.payments.PaymentQueries.BindingChange;
import dev.paydesk.payments.Provider;

/** SQL for stored payment-method changes (append-only, one row per event and token). */
@Repository
class MethodBindings {

    private final JdbcClient jdbc;

    MethodBindings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer recorded for a provider's token most recently (parameters :provider, :token). */
    private static final String KNOWN_CUSTOMER = """
            select customer_reference from payments_method_binding
            where provider = :provider and token = :token and customer_reference is not null
            order by occurred_at desc limit 1""";

    /**
     * Stores the change once; a removal without a customer inherits the token's known customer.
     * Returns false when this provider, event and token were stored before (nothing changes).
     */
    boolean record(Provider provider, String account, @Nullable String market, String eventKey, NormalizedBinding b) {
        return jdbc.sql("""
                insert into payments_method_binding (id, provider, merchant_account, market, event_key, token,
                    customer_reference, action, method, card_brand, card_bin, card_last4, exp_month, exp_year, reason,
                    occurred_at)
                values (:id, :provider, :account, :market, :key, :token,
                    coalesce(:customer, (%s)),
                    :action, :method, :brand, :bin, :last4, :expMonth, :expYear, :reason, :at)
                on conflict (provider, event_key, token) do nothing""".formatted(KNOWN_CUSTOMER))
                .param("id", UUID.randomUUID()).param("provider", provider.name()).param("account", account)
                .param("market", market).param("key", eventKey).param("token", b.token())
                .param("customer", b.customerReference()).param("action", b.action().name())
                .param("method", b.method()).param("brand", b.cardBrand()).param("bin", b.cardBin())
                .param("last4", b.cardLast4()).param("expMonth", b.expMonth()).param("expYear", b.expYear())
                .param("reason", b.reason()).param("at", Timestamp.from(b.occurredAt())).update() > 0;
    }

    /** The customer recorded for the provider's token most recently, if the token is known with one. */
    java.util.Optional<String> customerOf(Provider provider, String token) {
        return jdbc.sql(KNOWN_CUSTOMER)
                .param("provider", provider.name()).param("token", token).query(String.class).optional();
    }

    /** Every change for the customer, newest first (by when it happened, not when it arrived). */
    List<BindingChange> ofCustomer(String customerReference) {
        return jdbc.sql("""
                select * from payments_method_binding where customer_reference = :c
                order by occurred_at desc, recorded_at desc""")
                .param("c", customerReference).query(MethodBindings::change).list();
    }

    private static BindingChange change(ResultSet rs, int row) throws SQLException {
        return new BindingChange(Provider.valueOf(rs.getString("provider")), rs.getString("merchant_account"),
                rs.getString("market"), rs.getString("token"), BindingAction.valueOf(rs.getString("action")),
                rs.getString("method"), rs.getString("card_brand"), rs.getString("card_bin"),
                rs.getString("card_last4"), (Integer) intOrNull(rs, "exp_month"), (Integer) intOrNull(rs, "exp_year"),
                rs.getString("reason"), rs.getTimestamp("occurred_at").toInstant());
    }

    private static @Nullable Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
