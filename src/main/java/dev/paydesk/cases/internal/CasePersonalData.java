package dev.paydesk.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.platform.AuditSubjects;
import dev.paydesk.privacy.DataKind;
import dev.paydesk.privacy.DataSubject;
import dev.paydesk.privacy.Exported;
import dev.paydesk.privacy.PersonalDataHolder;
import dev.paydesk.privacy.Touched;

/**
 * The case desk's personal data for privacy requests and retention: the customer's reference, address,
 * subjects and descriptions, message and note texts, attachments, CSAT comments, money-action notes and
 * the outbound webhook payloads about their cases. Erasure keeps every case, entry, amount, state and
 * timestamp; identities become the pseudonym. Also names the subject of case audit entries.
 */
@Component
class CasePersonalData implements PersonalDataHolder, AuditSubjects {

    private static final String CASES = "(select id from cases_case where customer_ref = any(:refs) or lower(customer_email) = any(:mails))";
    /** Closed cases whose last change is before the cutoff. */
    private static final String CLOSED_BEFORE = "(select id from cases_case where status in ('RESOLVED', 'CLOSED') "
            + "and coalesce(resolved_at, updated_at) < :cutoff)";
    private static final String[] PERSONAL_DATA_KEYS = {"from", "to", "filename", "email"};

    private final JdbcClient jdbc;

    CasePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "cases";
    }

    @Override
    public DataSubject linked(DataSubject subject) {
        List<DataSubject> found = jdbc.sql("select customer_ref, customer_email from cases_case where id in " + CASES)
                .param("refs", subject.refsArray()).param("mails", subject.emailsArray())
                .query((rs, i) -> new DataSubject(
                        rs.getString(1) == null ? java.util.Set.of() : java.util.Set.of(rs.getString(1)),
                        rs.getString(2) == null ? java.util.Set.of() : java.util.Set.of(rs.getString(2))))
                .list();
        return found.stream().reduce(subject, DataSubject::with);
    }

    @Override
    public Exported export(DataSubject s) {
        Map<String, List<Map<String, Object>>> records = new LinkedHashMap<>();
        records.put("cases", rows("""
                select 'PD-' || number as key, subject, description, market, language, status, category, source, customer_ref,
                    customer_email, amount_minor, currency, created_at, resolved_at from cases_case where id in %s order by number""", s));
        records.put("timeline", rows("""
                select 'PD-' || c.number as case_key, e.kind, e.at, e.author, e.body, e.data::text as data from cases_entry e
                join cases_case c on c.id = e.case_id where e.case_id in %s order by c.number, e.at, e.id""", s));
        records.put("attachments", rows("""
                select a.id, 'PD-' || c.number as case_key, a.filename, a.content_type, a.size_bytes, a.created_at
                from cases_attachment a join cases_case c on c.id = a.case_id where a.case_id in %s order by a.created_at""", s));
        records.put("moneyActions", rows("""
                select m.id, 'PD-' || c.number as case_key, m.type, m.amount_minor, m.currency, m.status, m.reason, m.requested_at
                from cases_money_action m join cases_case c on c.id = m.case_id where m.case_id in %s order by m.requested_at""", s));
        records.put("satisfaction", rows("""
                select 'PD-' || c.number as case_key, x.rating, x.comment, x.answered_at from cases_csat x
                join cases_case c on c.id = x.case_id where x.case_id in %s""", s));
        List<Exported.File> files = new ArrayList<>();
        jdbc.sql("select id, filename, content_type, content from cases_attachment where case_id in " + CASES)
                .param("refs", s.refsArray()).param("mails", s.emailsArray())
                .query((rs, i) -> new Exported.File(rs.getObject(1, UUID.class) + "-" + rs.getString(2), rs.getString(3),
                        rs.getBytes(4)))
                .list().forEach(files::add);
        return new Exported(records, files);
    }

    private List<Map<String, Object>> rows(String sql, DataSubject s) {
        return Exported.plain(jdbc.sql(sql.formatted(CASES)).param("refs", s.refsArray()).param("mails", s.emailsArray())
                .query().listOfRows());
    }

    @Override
    public List<Touched> erase(DataSubject s, String pseudonym, boolean dryRun) {
        List<Touched> touched = new ArrayList<>();
        touched.add(change(dryRun, s, pseudonym, "timeline texts and contact data removed",
                "select count(*) from cases_entry where case_id in %s and (body is not null or jsonb_exists_any(data, :keys) "
                        + "or lower(author) = any(:mails))",
                """
                update cases_entry set body = null, data = data - :keys,
                    author = case when lower(author) = any(:mails) then :pseudonym else author end
                where case_id in %s and (body is not null or jsonb_exists_any(data, :keys) or lower(author) = any(:mails))"""));
        touched.add(change(dryRun, s, pseudonym, "attachments deleted",
                "select count(*) from cases_attachment where case_id in %s",
                "delete from cases_attachment where case_id in %s"));
        touched.add(change(dryRun, s, pseudonym, "money-action notes removed (amounts kept)",
                "select count(*) from cases_money_action where case_id in %s",
                """
                update cases_money_action set reason = '[erased]', approval_note = null, decision_note = null where case_id in %s"""));
        touched.add(change(dryRun, s, pseudonym, "satisfaction comments removed",
                "select count(*) from cases_csat where case_id in %s and comment is not null",
                "update cases_csat set comment = null where case_id in %s and comment is not null"));
        touched.add(change(dryRun, s, pseudonym, "notification texts replaced",
                "select count(*) from cases_notification where case_id in %s",
                "update cases_notification set text = 'Case of an erased data subject (' || id || ')' where case_id in %s"));
        touched.add(change(dryRun, s, pseudonym, "outbound webhook payloads emptied",
                "select count(*) from cases_webhook_delivery d where exists (select 1 from cases_case c where c.id in %s and d.payload like '%%' || c.id || '%%')",
                "update cases_webhook_delivery d set payload = '{\"erased\":true}' where exists (select 1 from cases_case c where c.id in %s and d.payload like '%%' || c.id || '%%')"));
        touched.add(change(dryRun, s, pseudonym, "waiting findings pseudonymised",
                "select count(*) from cases_waiting_finding where customer_ref = any(:refs)",
                "update cases_waiting_finding set customer_ref = :pseudonym where customer_ref = any(:refs)"));
        touched.add(change(dryRun, s, pseudonym, "cases pseudonymised (identity, address, subject, description)",
                "select count(*) from cases_case where id in %s",
                """
                update cases_case set customer_ref = :pseudonym, customer_email = null,
                    subject = 'Erased data subject (' || :pseudonym || ')', description = '',
                    search = to_tsvector('simple', 'PD-' || number)
                where id in %s"""));
        return touched;
    }

    /** Counts (dry run) or changes the rows; the cases statement is the last so the others still find them. */
    private Touched change(boolean dryRun, DataSubject s, String pseudonym, String what, String count, String update) {
        String sql = (dryRun ? count : update).formatted(CASES);
        var statement = jdbc.sql(sql).param("refs", s.refsArray()).param("mails", s.emailsArray());
        if (sql.contains(":keys")) {
            statement = statement.param("keys", PERSONAL_DATA_KEYS);
        }
        if (sql.contains(":pseudonym")) {
            statement = statement.param("pseudonym", pseudonym);
        }
        long n = dryRun ? statement.query(Long.class).single() : statement.update();
        return new Touched(name(), what, n);
    }

    @Override
    public List<Touched> applyRetention(Map<DataKind, Instant> cutoffs, boolean dryRun) {
        List<Touched> touched = new ArrayList<>();
        Instant messages = cutoffs.get(DataKind.CASE_MESSAGES);
        if (messages != null) {
            touched.add(retain(dryRun, messages, "message and note texts of closed cases removed",
                    "from cases_entry where case_id in %s and (body is not null or jsonb_exists_any(data, :keys) "
                            + "or (kind = 'MESSAGE_IN' and author like '%%@%%'))",
                    """
                    update cases_entry set body = null, data = data - :keys,
                        author = case when kind = 'MESSAGE_IN' and author like '%%@%%' then 'customer' else author end
                    where case_id in %s and (body is not null or jsonb_exists_any(data, :keys)
                        or (kind = 'MESSAGE_IN' and author like '%%@%%'))"""));
            touched.add(retain(dryRun, messages, "attachments of closed cases deleted",
                    "from cases_attachment where case_id in %s", "delete from cases_attachment where case_id in %s"));
        }
        Instant contact = cutoffs.get(DataKind.CUSTOMER_CONTACT);
        if (contact != null) {
            touched.add(retain(dryRun, contact, "customer addresses, subjects and descriptions of closed cases removed",
                    "from cases_case where id in %s and (customer_email is not null or description <> '' or subject not like 'PD-%%')",
                    """
                    update cases_case set customer_email = null, description = '', subject = 'PD-' || number,
                        search = to_tsvector('simple', coalesce(customer_ref, '') || ' PD-' || number)
                    where id in %s and (customer_email is not null or description <> '' or subject not like 'PD-%%')"""));
            touched.add(retain(dryRun, contact, "notifications about closed cases replaced",
                    "from cases_notification where case_id in %s and text not like 'Case past its retention period%%'",
                    "update cases_notification set text = 'Case past its retention period (' || id || ')' where case_id in %s "
                            + "and text not like 'Case past its retention period%%'"));
        }
        Instant webhooks = cutoffs.get(DataKind.WEBHOOK_PAYLOADS);
        if (webhooks != null) {
            long n = dryRun
                    ? jdbc.sql("select count(*) from cases_webhook_delivery where status <> 'PENDING' and created_at < ? and payload <> '{}'")
                        .param(Timestamp.from(webhooks)).query(Long.class).single()
                    : jdbc.sql("update cases_webhook_delivery set payload = '{}' where status <> 'PENDING' and created_at < ? and payload <> '{}'")
                        .param(Timestamp.from(webhooks)).update();
            touched.add(new Touched(name(), "outbound webhook payloads emptied", n));
        }
        return touched;
    }

    private Touched retain(boolean dryRun, Instant cutoff, String what, String from, String update) {
        String sql = dryRun ? "select count(*) " + from.formatted(CLOSED_BEFORE) : update.formatted(CLOSED_BEFORE);
        var statement = jdbc.sql(sql).param("cutoff", Timestamp.from(cutoff));
        if (sql.contains(":keys")) {
            statement = statement.param("keys", PERSONAL_DATA_KEYS);
        }
        return new Touched(name(), what, dryRun ? statement.query(Long.class).single() : statement.update());
    }

    @Override
    public Optional<String> subjectOf(String entityType, String entityId) {
        if (entityType.equals("case") && entityId.matches("PD-\\d{1,18}")) {
            return jdbc.sql("select coalesce(customer_ref, customer_email) from cases_case where number = ?")
                    .param(Long.parseLong(entityId.substring(3)))
                    .query((rs, i) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
        }
        if (entityType.equals("money_action") && entityId.matches("[0-9a-fA-F-]{36}")) {
            return jdbc.sql("""
                    select coalesce(c.customer_ref, c.customer_email) from cases_money_action m
                    join cases_case c on c.id = m.case_id where m.id = ?""").param(UUID.fromString(entityId))
                    .query((rs, i) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
        }
        return Optional.empty();
    }
}
