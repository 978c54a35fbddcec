package dev.paydesk.triage;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.triage.internal.TriageProperties;

/**
 * Flags and links repeat contacts: the case desk registers every new contact; one from the same
 * customer or about the same payment within {@code paydesk.triage.repeat-window} (default 7 days)
 * is linked to the most recent earlier one. Registering the same contact again returns the same answer.
 */
@Service
public class RepeatContacts {

    private final JdbcClient jdbc;
    private final RepeatContactPolicy policy;
    private final AuditLog audit;

    RepeatContacts(JdbcClient jdbc, TriageProperties properties, AuditLog audit) {
        this.jdbc = jdbc;
        this.policy = new RepeatContactPolicy(properties.repeatWindow());
        this.audit = audit;
    }

    @Transactional
    public Optional<RepeatContact> register(Contact contact) {
        Optional<Contact> known = find(contact.contactRef());
        if (known.isPresent()) {
            return linkOf(known.get());
        }
        List<Contact> candidates = jdbc.sql("""
                select contact_ref, customer_ref, payment_ref, contacted_at from triage_contacts
                where (lower(customer_ref) = lower(?) or payment_ref = ?) and contacted_at between ? and ?""")
                .params(contact.customerRef(), contact.paymentRef(), Timestamp.from(contact.at().minus(policy.window())),
                        Timestamp.from(contact.at()))
                .query((rs, n) -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
        Optional<RepeatContact> repeat = policy.match(contact, candidates);
        jdbc.sql("insert into triage_contacts (contact_ref, customer_ref, payment_ref, contacted_at, repeat_of) values (?, ?, ?, ?, ?)")
                .params(contact.contactRef(), contact.customerRef(), contact.paymentRef(), Timestamp.from(contact.at()),
                        repeat.map(RepeatContact::repeatOf).orElse(null))
                .update();
        repeat.ifPresent(r -> audit.record("triage.repeat-contact", "triage_contact", r.contactRef(), null, null,
                Map.of("repeatOf", r.repeatOf(), "reason", r.reason().name())));
        return repeat;
    }

    /** Contacts linked into the same chain, oldest first. */
    public List<String> chain(String contactRef) {
        return jdbc.sql("""
                with recursive up(ref, parent) as (
                    select contact_ref, repeat_of from triage_contacts where contact_ref = ?
                    union select c.contact_ref, c.repeat_of from triage_contacts c join up on c.contact_ref = up.parent),
                root as (select ref from up where parent is null),
                down(ref, at) as (
                    select c.contact_ref, c.contacted_at from triage_contacts c join root on c.contact_ref = root.ref
                    union select c.contact_ref, c.contacted_at from triage_contacts c join down on c.repeat_of = down.ref)
                select ref from down order by at, ref""").param(contactRef).query(String.class).list();
    }

    private Optional<Contact> find(String contactRef) {
        return jdbc.sql("select contact_ref, customer_ref, payment_ref, contacted_at from triage_contacts where contact_ref = ?")
                .param(contactRef)
                .query((rs, n) -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .optional();
    }

    private Optional<RepeatContact> linkOf(Contact contact) {
        @Nullable String repeatOf = jdbc.sql("select repeat_of from triage_contacts where contact_ref = ?")
                .param(contact.contactRef()).query(String.class).optional().orElse(null);
        if (repeatOf == null) {
            return Optional.empty();
        }
        return find(repeatOf).flatMap(earlier -> policy.match(contact, List.of(earlier)));
    }
}
