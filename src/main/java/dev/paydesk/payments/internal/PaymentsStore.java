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

    /** An inbound event to store once, keyed by (provider, event key). */
    record Inbound(Provider provider, String account, String eventKey, String eventType, boolean empty,
                   String maskedPayload) {
    }

    /**
     * Stores the inbound events whose (provider, key) was not seen, in one statement; returns the
     * positions (in {@code events}) that were new. Of a key given twice only the first is new.
     */
    java.util.BitSet recordInbound(List<Inbound> events, Instant now) {
        int n = events.size();
        String[] ids = new String[n];
        String[] providers = new String[n];
        String[] accounts = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] outcomes = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            Inbound e = events.get(i);
            ids[i] = UUID.randomUUID().toString();
            providers[i] = e.provider().name();
            accounts[i] = e.account();
            keys[i] = e.eventKey();
            types[i] = e.eventType();
            outcomes[i] = e.empty() ? "IGNORED" : "APPLIED";
            payloads[i] = e.maskedPayload();
        }
        java.util.Set<String> inserted = new java.util.HashSet<>(jdbc.sql("""
                insert into payments_inbound_event (id, provider, merchant_account, event_key, event_type, outcome, payload, received_at)
                select cast(u.id as uuid), u.provider, u.account, u.key, u.type, u.outcome, u.payload, :now
                from unnest(cast(:ids as text[]), cast(:providers as text[]), cast(:accounts as text[]), cast(:keys as text[]),
                            cast(:types as text[]), cast(:outcomes as text[]), cast(:payloads as text[]))
                     as u(id, provider, account, key, type, outcome, payload)
                on conflict (provider, event_key) do nothing returning id::text""")
                .param("ids", ids).param("providers", providers).param("accounts", accounts).param("keys", keys)
                .param("types", types).param("outcomes", outcomes).param("payloads", payloads)
                .param("now", Timestamp.from(now)).query(String.class).list());
        java.util.BitSet fresh = new java.util.BitSet(n);
        for (int i = 0; i < n; i++) {
            if (inserted.contains(ids[i])) {
                fresh.set(i);
            }
        }
        return fresh;
    }

    /** A movement to upsert for a merchant account. */
    record Movement(Provider provider, String account, NormalizedTransaction tx) {

        /** The movement's identity, as the table's unique key (provider, kind, provider reference). */
        String key() {
            return key(provider.name(), tx.kind().name(), tx.providerReference());
        }

        static String key(String provider, String kind, String providerReference) {
            return provider + '\u001f' + kind + '\u001f' + providerReference;
        }
    }

    /** What an upsert did to one movement: its row id and whether the row is new. */
    record Upserted(UUID id, boolean inserted, @Nullable String merchantReference) {
    }

    /**
     * Upserts movements in a few statements: each movement is inserted, or updates
     * the stored status when it is at least as recent; a movement without an order inherits the
     * order of the movement it refers to (from this batch or the table); movements that arrived
     * before the one naming their order learn it. Movements with the same key are applied in order.
     */
    List<Upserted> upsertAll(List<Movement> movements) {
        int n = movements.size();
        String[] orders = new String[n];
        java.util.Map<String, String> batchOrders = new java.util.HashMap<>();
        java.util.Set<String> lookup = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            NormalizedTransaction tx = movements.get(i).tx();
            if (tx.merchantReference() == null && tx.originalReference() != null) {
                lookup.add(tx.originalReference());
            }
        }
        java.util.Map<String, String> stored = new java.util.HashMap<>();
        if (!lookup.isEmpty()) {
            jdbc.sql("""
                    select distinct on (provider_reference) provider_reference, merchant_reference from payments_transaction
                    where provider_reference = any(cast(:refs as text[])) and merchant_reference is not null""")
                    .param("refs", lookup.toArray(String[]::new))
                    .query(rs -> {
                        stored.put(rs.getString(1), rs.getString(2));
                    });
        }
        for (int i = 0; i < n; i++) {
            NormalizedTransaction tx = movements.get(i).tx();
            String order = tx.merchantReference();
            if (order == null && tx.originalReference() != null) {
                order = batchOrders.getOrDefault(tx.originalReference(), stored.get(tx.originalReference()));
            }
            orders[i] = order;
            if (order != null) {
                batchOrders.putIfAbsent(tx.providerReference(), order);
            }
        }
        Upserted[] result = new Upserted[n];
        // Rounds of distinct keys: one statement may not update the same row twice.
        java.util.BitSet done = new java.util.BitSet(n);
        while (done.cardinality() < n) {
            java.util.Set<String> keys = new java.util.HashSet<>();
            List<Integer> round = new java.util.ArrayList<>();
            for (int i = done.nextClearBit(0); i < n; i = done.nextClearBit(i + 1)) {
                if (keys.add(movements.get(i).key())) {
                    round.add(i);
                }
            }
            upsertRound(movements, orders, round, result);
            round.forEach(done::set);
        }
        List<String> adoptRefs = new java.util.ArrayList<>();
        List<String> adoptOrders = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (result[i].inserted() && orders[i] != null) {
                adoptRefs.add(movements.get(i).tx().providerReference());
                adoptOrders.add(orders[i]);
            }
        }
        if (!adoptRefs.isEmpty()) {
            jdbc.sql("""
                    update payments_transaction t set merchant_reference = m.ord
                    from unnest(cast(:refs as text[]), cast(:orders as text[])) as m(ref, ord)
                    where t.merchant_reference is null and t.original_reference = m.ref""")
                    .param("refs", adoptRefs.toArray(String[]::new)).param("orders", adoptOrders.toArray(String[]::new))
                    .update();
        }
        return java.util.Arrays.asList(result);
    }

    private void upsertRound(List<Movement> movements, String[] orders, List<Integer> round, Upserted[] result) {
        int n = round.size();
        String[] ids = new String[n];
        String[] providers = new String[n];
        String[] accounts = new String[n];
        String[] kinds = new String[n];
        String[] refs = new String[n];
        String[] originals = new String[n];
        String[] roundOrders = new String[n];
        String[] customers = new String[n];
        String[] statuses = new String[n];
        Long[] amounts = new Long[n];
        String[] currencies = new String[n];
        String[] methods = new String[n];
        String[] brands = new String[n];
        String[] bins = new String[n];
        String[] last4s = new String[n];
        String[] at = new String[n];
        for (int r = 0; r < n; r++) {
            int i = round.get(r);
            Movement m = movements.get(i);
            NormalizedTransaction tx = m.tx();
            ids[r] = UUID.randomUUID().toString();
            providers[r] = m.provider().name();
            accounts[r] = m.account();
            kinds[r] = tx.kind().name();
            refs[r] = tx.providerReference();
            originals[r] = tx.originalReference();
            roundOrders[r] = orders[i];
            customers[r] = tx.customerReference();
            statuses[r] = tx.status();
            amounts[r] = tx.amount().minor();
            currencies[r] = tx.amount().currency().getCurrencyCode();
            methods[r] = tx.method();
            brands[r] = tx.cardBrand();
            bins[r] = tx.cardBin();
            last4s[r] = tx.cardLast4();
            at[r] = tx.occurredAt().toString();
        }
        java.util.Map<String, Upserted> byKey = new java.util.HashMap<>();
        jdbc.sql("""
                insert into payments_transaction (id, provider, merchant_account, kind, provider_reference, original_reference,
                    merchant_reference, customer_reference, status, amount_minor, currency, method, card_brand, card_bin,
                    card_last4, occurred_at)
                select cast(u.id as uuid), u.provider, u.account, u.kind, u.ref, u.orig, u.ord, u.customer, u.status, u.amount,
                    u.currency, u.method, u.brand, u.bin, u.last4, cast(u.at as timestamptz)
                from unnest(cast(:id as text[]), cast(:provider as text[]), cast(:account as text[]), cast(:kind as text[]),
                            cast(:ref as text[]), cast(:orig as text[]), cast(:ord as text[]), cast(:customer as text[]),
                            cast(:status as text[]), cast(:amount as bigint[]), cast(:currency as text[]),
                            cast(:method as text[]), cast(:brand as text[]), cast(:bin as text[]), cast(:last4 as text[]),
                            cast(:at as text[]))
                     as u(id, provider, account, kind, ref, orig, ord, customer, status, amount, currency, method, brand, bin,
                          last4, at)
                on conflict (provider, kind, provider_reference) do update set
                    status = case when excluded.occurred_at >= payments_transaction.occurred_at
                                  then excluded.status else payments_transaction.status end,
                    merchant_reference = coalesce(payments_transaction.merchant_reference, excluded.merchant_reference),
                    original_reference = coalesce(payments_transaction.original_reference, excluded.original_reference)
                returning id, provider, kind, provider_reference, merchant_reference, (xmax = 0)""")
                .param("id", ids).param("provider", providers).param("account", accounts).param("kind", kinds)
                .param("ref", refs).param("orig", originals).param("ord", roundOrders).param("customer", customers)
                .param("status", statuses).param("amount", amounts).param("currency", currencies).param("method", methods)
                .param("brand", brands).param("bin", bins).param("last4", last4s).param("at", at)
                .query(rs -> {
                    byKey.put(Movement.key(rs.getString(2), rs.getString(3), rs.getString(4)),
                            new Upserted(rs.getObject(1, UUID.class), rs.getBoolean(6), rs.getString(5)));
                });
        for (int i : round) {
            result[i] = byKey.get(movements.get(i).key());
        }
    }

    /** Makes sure order rows exist (placeholders until the merchant's feed describes them); the first mention of an order wins. */
    void ensureOrders(List<String> merchantReferences, List<@Nullable String> markets, List<@Nullable String> customers) {
        if (merchantReferences.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into payments_order (merchant_reference, market, customer_reference, placeholder)
                select distinct on (u.ref) u.ref, u.market, u.customer, true
                from unnest(cast(:refs as text[]), cast(:markets as text[]), cast(:customers as text[])) with ordinality
                     as u(ref, market, customer, pos)
                order by u.ref, u.pos
                on conflict (merchant_reference) do nothing""")
                .param("refs", merchantReferences.toArray(String[]::new))
                .param("markets", markets.toArray(String[]::new))
                .param("customers", customers.toArray(String[]::new)).update();
    }

    void quarantine(String source, Provider provider, @Nullable String account, @Nullable Integer line, String reason,
                    String maskedPayload, Instant now) {
        jdbc.sql("""
                insert into payments_quarantine (id, source, provider, merchant_account, line_number, reason, payload,
                    received_at, dedupe_key)
                values (:id, :source, :provider, :account, :line, :reason, :payload, :now, :key)
                on conflict (dedupe_key) where dedupe_key is not null do nothing""")
                .param("id", UUID.randomUUID()).param("source", source).param("provider", provider.name())
                .param("account", account).param("line", line).param("reason", storable(reason))
                .param("payload", storable(maskedPayload)).param("now", Timestamp.from(now))
                .param("key", dedupeKey(source, provider, account, line, maskedPayload)).update();
    }

    /**
     * A file row's identity (file name, provider, account, line and content), so a re-import quarantines it only
     * once; null for webhooks and other sources without a line.
     */
    static @Nullable String dedupeKey(String source, Provider provider, @Nullable String account, @Nullable Integer line,
                                      String maskedPayload) {
        if (line == null || !source.startsWith("file:")) {
            return null;
        }
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            String identity = source + "\u0001" + provider.name() + "\u0001" + (account == null ? "" : account)
                    + "\u0001" + line + "\u0001" + maskedPayload;
            return java.util.HexFormat.of().formatHex(sha.digest(identity.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** PostgreSQL text cannot hold NUL; a quarantined payload shows it as U+FFFD instead of failing to be kept. */
    private static String storable(String text) {
        return text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
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
