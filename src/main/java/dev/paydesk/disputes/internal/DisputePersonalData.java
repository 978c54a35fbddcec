package dev.paydesk.disputes.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.privacy.DataSubject;
import dev.paydesk.privacy.Exported;
import dev.paydesk.privacy.LegalHold;
import dev.paydesk.privacy.PersonalDataHolder;
import dev.paydesk.privacy.Touched;

/**
 * The dispute desk's personal data. An open dispute of the customer is a legal hold: its evidence
 * must stay until it is decided. Erasure (only with no open dispute) pseudonymises the customer
 * reference and removes the texts and files of the customer's evidence; amounts, outcomes and the
 * append-only history stay.
 */
@Component
class DisputePersonalData implements PersonalDataHolder {

    private static final String DISPUTES = "(select id from disputes_dispute where customer_reference = any(:refs))";

    private final JdbcClient jdbc;

    DisputePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "disputes";
    }

    @Override
    public Exported export(DataSubject s) {
        Map<String, List<Map<String, Object>>> records = new LinkedHashMap<>();
        records.put("disputes", Exported.plain(jdbc.sql("""
                select provider, provider_dispute_id, network, market, stage, status, reason_code, amount_minor, currency,
                    payment_reference, order_reference, customer_reference, opened_at, closed_at
                from disputes_dispute where customer_reference = any(:refs) order by opened_at""")
                .param("refs", s.refsArray()).query().listOfRows()));
        records.put("evidence", Exported.plain(jdbc.sql("""
                select dispute_id, item, text, carrier, tracking_number, file_name, created_at from disputes_evidence
                where dispute_id in """ + DISPUTES).param("refs", s.refsArray()).query().listOfRows()));
        List<Exported.File> files = new ArrayList<>();
        jdbc.sql("select id, file_name, content_type, content from disputes_evidence where content is not null and dispute_id in "
                        + DISPUTES).param("refs", s.refsArray())
                .query((rs, i) -> new Exported.File(rs.getString(1) + "-" + rs.getString(2), rs.getString(3), rs.getBytes(4)))
                .list().forEach(files::add);
        return new Exported(records, files);
    }

    @Override
    public List<LegalHold> holds(DataSubject s) {
        return jdbc.sql("""
                select provider, provider_dispute_id, stage, respond_by from disputes_dispute
                where customer_reference = any(:refs) and closed_at is null order by opened_at""")
                .param("refs", s.refsArray())
                .query((rs, i) -> new LegalHold(name(), "open dispute " + rs.getString(1) + " " + rs.getString(2) + " ("
                        + rs.getString(3).toLowerCase(java.util.Locale.ROOT)
                        + (rs.getTimestamp(4) == null ? "" : ", respond by " + rs.getTimestamp(4).toInstant()) + ")"))
                .list();
    }

    @Override
    public List<Touched> erase(DataSubject s, String pseudonym, boolean dryRun) {
        String[] refs = s.refsArray();
        if (dryRun) {
            return List.of(
                    new Touched(name(), "evidence texts and files removed", jdbc.sql("select count(*) from disputes_evidence where dispute_id in "
                            + DISPUTES).param("refs", refs).query(Long.class).single()),
                    new Touched(name(), "disputes pseudonymised", jdbc.sql("select count(*) from disputes_dispute where customer_reference = any(:refs)")
                            .param("refs", refs).query(Long.class).single()));
        }
        long evidence = jdbc.sql("""
                update disputes_evidence set text = case when text is null then null else '[erased]' end, content = null,
                    file_name = case when file_name is null then null else 'erased' end,
                    carrier = null, tracking_number = null where dispute_id in """ + DISPUTES).param("refs", refs).update();
        long disputes = jdbc.sql("update disputes_dispute set customer_reference = :p where customer_reference = any(:refs)")
                .param("p", pseudonym).param("refs", refs).update();
        return List.of(new Touched(name(), "evidence texts and files removed", evidence),
                new Touched(name(), "disputes pseudonymised", disputes));
    }
}
