package dev.paydesk.triage.internal;

import java.sql.Timestamp;
import java.time.Instant;
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
 * Triage's personal data: the customer reference on contacts (repeat-contact detection) and the texts
 * of the customer's cases kept to train the classifier. Erasure deletes those texts and pseudonymises
 * the reference (contacts and their counts stay); retention deletes training texts past their period.
 */
@Component
class TriagePersonalData implements PersonalDataHolder {

    private static final String ITEMS = "(select contact_ref from triage_contacts where customer_ref = any(:refs))";

    private final JdbcClient jdbc;

    TriagePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "triage";
    }

    @Override
    public Exported export(DataSubject s) {
        Map<String, List<Map<String, Object>>> records = new LinkedHashMap<>();
        records.put("contacts", Exported.plain(jdbc.sql("""
                select contact_ref, customer_ref, payment_ref, contacted_at, repeat_of from triage_contacts
                where customer_ref = any(:refs) order by contacted_at""").param("refs", s.refsArray()).query().listOfRows()));
        records.put("trainingTexts", Exported.plain(jdbc.sql("select item_ref, text, language, category, updated_at "
                + "from triage_labelled_texts where item_ref in " + ITEMS).param("refs", s.refsArray()).query().listOfRows()));
        return new Exported(records, List.of());
    }

    @Override
    public List<Touched> erase(DataSubject s, String pseudonym, boolean dryRun) {
        String[] refs = s.refsArray();
        if (dryRun) {
            return List.of(
                    new Touched(name(), "training texts deleted", jdbc.sql("select count(*) from triage_labelled_texts where item_ref in "
                            + ITEMS).param("refs", refs).query(Long.class).single()),
                    new Touched(name(), "contacts pseudonymised", jdbc.sql("select count(*) from triage_contacts where customer_ref = any(:refs)")
                            .param("refs", refs).query(Long.class).single()));
        }
        long texts = jdbc.sql("delete from triage_labelled_texts where item_ref in " + ITEMS).param("refs", refs).update();
        long contacts = jdbc.sql("update triage_contacts set customer_ref = :p where customer_ref = any(:refs)")
                .param("p", pseudonym).param("refs", refs).update();
        return List.of(new Touched(name(), "training texts deleted", texts), new Touched(name(), "contacts pseudonymised", contacts));
    }

    @Override
    public List<Touched> applyRetention(Map<DataKind, Instant> cutoffs, boolean dryRun) {
        Instant cutoff = cutoffs.get(DataKind.TRAINING_TEXTS);
        if (cutoff == null) {
            return List.of();
        }
        String where = " from triage_labelled_texts where updated_at < ?";
        long n = dryRun ? jdbc.sql("select count(*)" + where).param(Timestamp.from(cutoff)).query(Long.class).single()
                : jdbc.sql("delete" + where).param(Timestamp.from(cutoff)).update();
        return List.of(new Touched(name(), "training texts past retention deleted", n));
    }
}
