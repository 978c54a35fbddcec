package dev.paydesk.payments.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.privacy.DataKind;
import dev.paydesk.privacy.DataSubject;
import dev.paydesk.privacy.Exported;
import dev.paydesk.privacy.PersonalDataHolder;
import dev.paydesk.privacy.Touched;

/**
 * The payments mirror's personal data: the customer reference on orders, money movements and
 * payment-method bindings, and provider payloads (inbound events, quarantined rows) that name the
 * customer. Erasure pseudonymises the reference and empties those payloads; amounts, states, card
 * brand/BIN/last four (never a card number) and every row stay, so balances and reconciliation do not move.
 */
@Component
class PaymentPersonalData implements PersonalDataHolder {

    private static final String[] TABLES = {"payments_order", "payments_transaction", "payments_method_binding"};
    private static final String MENTIONS = "exists (select 1 from unnest(cast(:refs as text[])) r where length(r) >= 4 and payload like '%' || r || '%')";

    private final JdbcClient jdbc;

    PaymentPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "payments";
    }

    @Override
    public Exported export(DataSubject s) {
        Map<String, List<Map<String, Object>>> records = new LinkedHashMap<>();
        records.put("orders", rows("""
                select merchant_reference, market, customer_reference, amount_due_minor, currency, expected_method, created_at
                from payments_order where customer_reference = any(:refs) order by created_at""", s));
        records.put("movements", rows("""
                select provider, kind, provider_reference, merchant_reference, status, amount_minor, currency, method, card_brand,
                    card_last4, occurred_at from payments_transaction where customer_reference = any(:refs) order by occurred_at""", s));
        records.put("paymentMethods", rows("""
                select provider, token, action, method, card_brand, card_last4, exp_month, exp_year, occurred_at
                from payments_method_binding where customer_reference = any(:refs) order by occurred_at""", s));
        records.put("providerEvents", rows("select provider, event_type, received_at, payload from payments_inbound_event where "
                + MENTIONS + " order by received_at", s));
        records.put("quarantined", rows("select source, provider, reason, received_at, payload from payments_quarantine where "
                + MENTIONS + " order by received_at", s));
        return new Exported(records, List.of());
    }

    private List<Map<String, Object>> rows(String sql, DataSubject s) {
        return Exported.plain(jdbc.sql(sql).param("refs", s.refsArray()).query().listOfRows());
    }

    @Override
    public List<Touched> erase(DataSubject s, String pseudonym, boolean dryRun) {
        List<Touched> touched = new ArrayList<>();
        // payloads first: they are found by the references that the next statements replace
        touched.add(change(dryRun, s, pseudonym, "provider event payloads emptied",
                "select count(*) from payments_inbound_event where " + MENTIONS,
                "update payments_inbound_event set payload = '{\"erased\":true}' where " + MENTIONS));
        touched.add(change(dryRun, s, pseudonym, "quarantined payloads emptied",
                "select count(*) from payments_quarantine where " + MENTIONS,
                "update payments_quarantine set payload = '[erased]' where " + MENTIONS));
        for (String table : TABLES) {
            touched.add(change(dryRun, s, pseudonym, table.substring("payments_".length()).replace('_', ' ') + " references pseudonymised",
                    "select count(*) from " + table + " where customer_reference = any(:refs)",
                    "update " + table + " set customer_reference = :pseudonym where customer_reference = any(:refs)"));
        }
        return touched;
    }

    private Touched change(boolean dryRun, DataSubject s, String pseudonym, String what, String count, String update) {
        var statement = jdbc.sql(dryRun ? count : update).param("refs", s.refsArray());
        if (!dryRun && update.contains(":pseudonym")) {
            statement = statement.param("pseudonym", pseudonym);
        }
        return new Touched(name(), what, dryRun ? statement.query(Long.class).single() : statement.update());
    }

    @Override
    public List<Touched> applyRetention(Map<DataKind, Instant> cutoffs, boolean dryRun) {
        List<Touched> touched = new ArrayList<>();
        Instant webhooks = cutoffs.get(DataKind.WEBHOOK_PAYLOADS);
        if (webhooks != null) {
            touched.add(retain(dryRun, webhooks, "provider event payloads past retention emptied",
                    "payments_inbound_event set payload = '{}'", "payments_inbound_event where received_at < ? and payload <> '{}'"));
        }
        Instant quarantine = cutoffs.get(DataKind.QUARANTINE);
        if (quarantine != null) {
            touched.add(retain(dryRun, quarantine, "quarantined payloads past retention removed",
                    "payments_quarantine set payload = '[removed after the retention period]'",
                    "payments_quarantine where received_at < ? and payload <> '[removed after the retention period]'"));
        }
        return touched;
    }

    private Touched retain(boolean dryRun, Instant cutoff, String what, String set, String where) {
        String condition = where.substring(where.indexOf(" where ") + 7);
        String sql = dryRun ? "select count(*) from " + where : "update " + set + " where " + condition;
        var statement = jdbc.sql(sql).param(Timestamp.from(cutoff));
        return new Touched(name(), what, dryRun ? statement.query(Long.class).single() : statement.update());
    }
}
