package dev.paydesk.reconciliation.internal;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.privacy.DataSubject;
import dev.paydesk.privacy.Exported;
import dev.paydesk.privacy.PersonalDataHolder;
import dev.paydesk.privacy.Touched;

/**
 * Reconciliation findings name the customer of the order they are about. Erasure replaces the
 * reference by the pseudonym (also inside the summary); types, amounts, states and resolutions stay.
 */
@Component
class FindingPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;

    FindingPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "reconciliation";
    }

    @Override
    public Exported export(DataSubject s) {
        return new Exported(Map.of("findings", Exported.plain(jdbc.sql("""
                select type, status, provider, order_ref, payment_ref, customer_ref, summary, resolution from reconciliation_finding
                where customer_ref = any(:refs)""").param("refs", s.refsArray()).query().listOfRows())), List.of());
    }

    @Override
    public List<Touched> erase(DataSubject s, String pseudonym, boolean dryRun) {
        long n = dryRun
                ? jdbc.sql("select count(*) from reconciliation_finding where customer_ref = any(:refs)").param("refs", s.refsArray())
                    .query(Long.class).single()
                : jdbc.sql("""
                        update reconciliation_finding set summary = replace(summary, customer_ref, :p), customer_ref = :p
                        where customer_ref = any(:refs)""").param("p", pseudonym).param("refs", s.refsArray()).update();
        return List.of(new Touched(name(), "findings pseudonymised", n));
    }
}
