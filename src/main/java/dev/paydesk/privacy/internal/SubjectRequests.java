package dev.paydesk.privacy.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.AuditPersonalData;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.privacy.DataSubject;
import dev.paydesk.privacy.Exported;
import dev.paydesk.privacy.LegalHold;
import dev.paydesk.privacy.PersonalDataHolder;
import dev.paydesk.privacy.Touched;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data-subject requests: export of everything Paydesk holds about a customer, and erasure after a
 * second person approves (never the requester; the database checks it too). Legal holds (open
 * disputes, retention duties) refuse an erasure with their reasons. Refusals are audited in their own
 * transaction and change nothing else. Personal values in the audit log are shredded by destroying
 * the subject's audit keys.
 */
@Service
public class SubjectRequests {

    private final JdbcClient jdbc;
    private final List<PersonalDataHolder> holders;
    private final AuditLog audit;
    private final AuditPersonalData auditValues;
    private final RefusalAudit refusals;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    SubjectRequests(JdbcClient jdbc, List<PersonalDataHolder> holders, AuditLog audit, AuditPersonalData auditValues,
                    RefusalAudit refusals, Clock clock) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.audit = audit;
        this.auditValues = auditValues;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** An erasure request as stored; {@code subject} is null once erased. */
    public record ErasureRequest(UUID id, @Nullable String subject, String pseudonym, String reason, String status,
                                 String requestedBy, Instant requestedAt, @Nullable String decidedBy,
                                 @Nullable Instant decidedAt, @Nullable String result) {
    }

    /** What erasing a customer covers: the identities found, the holds, and what would change. */
    public record ErasurePlan(DataSubject subject, List<LegalHold> holds, List<Touched> touched) {
        public boolean allowed() {
            return holds.isEmpty();
        }
    }

    /** A stored legal hold. */
    public record Hold(UUID id, String subject, String reason, @Nullable LocalDate until, String createdBy,
                       Instant createdAt) {
    }

    /** The subject named by {@code customer} with every identity the holders link to it. */
    public DataSubject resolve(String customer) {
        if (customer == null || customer.isBlank()) {
            throw new InvalidInputException("customer", "name a customer reference or an e-mail address");
        }
        DataSubject subject = DataSubject.of(customer);
        for (int round = 0; round < 3; round++) {
            DataSubject wider = subject;
            for (PersonalDataHolder h : holders) {
                wider = wider.with(h.linked(subject));
            }
            if (wider.equals(subject)) {
                break;
            }
            subject = wider;
        }
        return subject;
    }

    private Map<String, Exported> collect(DataSubject subject) {
        Map<String, Exported> all = new LinkedHashMap<>();
        for (PersonalDataHolder h : holders) {
            all.put(h.name(), h.export(subject));
        }
        return all;
    }

    private static boolean holdsAnything(Map<String, Exported> exports) {
        return exports.values().stream().anyMatch(e -> !e.files().isEmpty()
                || e.records().values().stream().anyMatch(rows -> !rows.isEmpty()));
    }

    /** A ZIP with {@code subject.json} (every module's records) and the files under {@code files/}. */
    @Transactional
    public byte[] export(String customer) {
        DataSubject subject = resolve(customer);
        Map<String, Exported> exports = collect(subject);
        if (!holdsAnything(exports)) {
            refusals.refused("privacy.export-refused", customer, "unknown customer");
            throw unknown(customer);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("customerRefs", subject.customerRefs());
        document.put("emails", subject.emails());
        document.put("exportedAt", clock.instant().toString());
        Map<String, Object> modules = new LinkedHashMap<>();
        exports.forEach((name, e) -> modules.put(name, e.records()));
        document.put("modules", modules);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int files = 0;
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("subject.json"));
            zip.write(json.writeValueAsString(document).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (Map.Entry<String, Exported> e : exports.entrySet()) {
                for (Exported.File f : e.getValue().files()) {
                    zip.putNextEntry(new ZipEntry("files/" + e.getKey() + "/" + f.path().replaceAll("[\\\\:]", "_")));
                    zip.write(f.content());
                    zip.closeEntry();
                    files++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record("privacy.exported", "privacy_subject", "export", null, null,
                Map.of("customerRef", customer, "files", files));
        return bytes.toByteArray();
    }

    /** What an erasure would do now (a dry run: nothing changes). */
    @Transactional
    public ErasurePlan plan(String customer) {
        DataSubject subject = resolve(customer);
        if (!holdsAnything(collect(subject))) {
            throw unknown(customer);
        }
        return new ErasurePlan(subject, holds(subject), touch(subject, "dry-run", true));
    }

    private List<Touched> touch(DataSubject subject, String pseudonym, boolean dryRun) {
        List<Touched> touched = new ArrayList<>();
        for (PersonalDataHolder h : holders) {
            touched.addAll(h.erase(subject, pseudonym, dryRun));
        }
        touched.add(new Touched("privacy", "legal holds and earlier requests pseudonymised", privacyRows(subject, pseudonym, dryRun)));
        touched.add(new Touched("audit", "audit value keys destroyed", auditValues.destroySubjectKeys(subject.identities(), dryRun)));
        return touched.stream().filter(t -> t.count() > 0).toList();
    }

    private long privacyRows(DataSubject subject, String pseudonym, boolean dryRun) {
        String[] ids = subject.identities().toArray(String[]::new);
        if (dryRun) {
            return jdbc.sql("select (select count(*) from privacy_legal_hold where subject = any(:s)) "
                    + "+ (select count(*) from privacy_erasure_request where subject = any(:s))").param("s", ids)
                    .query(Long.class).single();
        }
        return jdbc.sql("update privacy_legal_hold set subject = :p where subject = any(:s)").param("p", pseudonym).param("s", ids).update()
                + jdbc.sql("update privacy_erasure_request set subject = null where subject = any(:s)").param("s", ids).update();
    }

    private List<LegalHold> holds(DataSubject subject) {
        List<LegalHold> holds = new ArrayList<>();
        for (PersonalDataHolder h : holders) {
            holds.addAll(h.holds(subject));
        }
        holds.addAll(jdbc.sql("""
                select reason, until_date from privacy_legal_hold
                where subject = any(:s) and released_at is null and (until_date is null or until_date >= :today)""")
                .param("s", subject.identities().toArray(String[]::new))
                .param("today", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))
                .query((rs, i) -> new LegalHold("privacy", rs.getString(1)
                        + (rs.getDate(2) == null ? "" : " (until " + rs.getDate(2).toLocalDate() + ")")))
                .list());
        return holds;
    }

    /** Records an erasure request (the first pair of eyes); refused for unknown customers and legal holds. */
    @Transactional
    public ErasureRequest request(String customer, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInputException("reason", "give the reason for the erasure (at most 500 characters)");
        }
        DataSubject subject = resolve(customer);
        if (!holdsAnything(collect(subject))) {
            refusals.refused("privacy.erasure-refused", customer, "unknown customer");
            throw unknown(customer);
        }
        List<LegalHold> holds = holds(subject);
        if (!holds.isEmpty()) {
            refusals.refused("privacy.erasure-refused", customer, "legal hold: " + describe(holds));
            throw new ConflictException("erasure refused: " + customer + " is under legal hold: " + describe(holds));
        }
        UUID id = UUID.randomUUID();
        String pseudonym = "erased-" + UUID.randomUUID().toString().substring(0, 13);
        jdbc.sql("""
                insert into privacy_erasure_request (id, subject, pseudonym, reason, status, requested_by, requested_at)
                values (?, ?, ?, ?, 'PENDING', ?, ?)""")
                .params(id, customer.strip(), pseudonym, reason.strip(), CurrentUser.actorName(), Timestamp.from(clock.instant()))
                .update();
        audit.record("privacy.erasure-requested", "privacy_erasure_request", id.toString(), null, null,
                Map.of("customerRef", customer.strip(), "reason", reason.strip()));
        return require(id);
    }

    /**
     * The second pair of eyes: approves and carries out the erasure. The requester cannot approve
     * (403); a hold that appeared since the request refuses it (409). Either refusal is audited.
     */
    @Transactional
    public ErasureRequest approve(UUID id) {
        return approve(id, CurrentUser.actorName());
    }

    /** Approval by a named Paydesk user (the CLI's {@code --approver}, checked there to be a privacy officer). */
    @Transactional
    public ErasureRequest approve(UUID id, String actor) {
        ErasureRequest r = jdbc.sql("select * from privacy_erasure_request where id = ? for update").param(id)
                .query(SubjectRequests::map).optional().orElseThrow(() -> new NotFoundException("no erasure request " + id));
        if (!r.status().equals("PENDING") || r.subject() == null) {
            throw new ConflictException("erasure request " + id + " is " + r.status() + ", not pending");
        }
        if (actor.equals(r.requestedBy())) {
            refusals.refused("privacy.erasure-approval-refused", r.subject(), "the requester cannot approve their own request");
            throw new AccessDeniedException("four-eyes: the erasure must be approved by someone other than "
                    + r.requestedBy() + ", who requested it");
        }
        DataSubject subject = resolve(r.subject());
        List<LegalHold> holds = holds(subject);
        if (!holds.isEmpty()) {
            refusals.refused("privacy.erasure-refused", r.subject(), "legal hold: " + describe(holds));
            throw new ConflictException("erasure refused: " + r.subject() + " is under legal hold: " + describe(holds));
        }
        List<Touched> touched = touch(subject, r.pseudonym(), false);
        Map<String, Object> done = new LinkedHashMap<>();
        touched.forEach(t -> done.put(t.holder() + ": " + t.what(), t.count()));
        String result = json.writeValueAsString(done);
        jdbc.sql("""
                update privacy_erasure_request set status = 'DONE', subject = null, decided_by = ?, decided_at = ?, result = ?
                where id = ?""").params(actor, Timestamp.from(clock.instant()), result, id).update();
        Map<String, Object> after = new LinkedHashMap<>(done);
        after.put("pseudonym", r.pseudonym());
        after.put("requestedBy", r.requestedBy());
        after.put("approvedBy", actor);
        audit.record("privacy.erasure-done", "privacy_erasure_request", id.toString(), null, null, after);
        return require(id);
    }

    @Transactional
    public ErasureRequest reject(UUID id, String note) {
        ErasureRequest r = require(id);
        if (!r.status().equals("PENDING")) {
            throw new ConflictException("erasure request " + id + " is " + r.status() + ", not pending");
        }
        String actor = CurrentUser.actorName();
        if (actor.equals(r.requestedBy())) {
            throw new AccessDeniedException("four-eyes: a request is decided by someone other than its requester");
        }
        jdbc.sql("update privacy_erasure_request set status = 'REJECTED', decided_by = ?, decided_at = ?, result = ? where id = ?")
                .params(actor, Timestamp.from(clock.instant()), String.valueOf(note), id).update();
        audit.record("privacy.erasure-rejected", "privacy_erasure_request", id.toString(), null, null,
                Map.of("note", String.valueOf(note)));
        return require(id);
    }

    public ErasureRequest require(UUID id) {
        return jdbc.sql("select * from privacy_erasure_request where id = ?").param(id).query(SubjectRequests::map)
                .optional().orElseThrow(() -> new NotFoundException("no erasure request " + id));
    }

    public List<ErasureRequest> requests(int limit) {
        return jdbc.sql("select * from privacy_erasure_request order by requested_at desc limit ?")
                .param(Math.min(Math.max(limit, 1), 500)).query(SubjectRequests::map).list();
    }

    @Transactional
    public Hold addHold(String customer, String reason, @Nullable LocalDate until) {
        if (customer == null || customer.isBlank() || customer.length() > 254) {
            throw new InvalidInputException("customer", "name a customer reference or an e-mail address");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInputException("reason", "give the reason for the hold (at most 500 characters)");
        }
        String subject = DataSubject.of(customer).identities().iterator().next();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into privacy_legal_hold (id, subject, reason, until_date, created_by, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, subject, reason.strip(), until, CurrentUser.actorName(), Timestamp.from(clock.instant())).update();
        audit.record("privacy.legal-hold-added", "privacy_legal_hold", id.toString(), null, null,
                Map.of("customerRef", subject, "reason", reason.strip(), "until", String.valueOf(until)));
        return holdsList().stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow();
    }

    @Transactional
    public void releaseHold(UUID id) {
        int n = jdbc.sql("update privacy_legal_hold set released_by = ?, released_at = ? where id = ? and released_at is null")
                .params(CurrentUser.actorName(), Timestamp.from(clock.instant()), id).update();
        if (n == 0) {
            throw new NotFoundException("no active legal hold " + id);
        }
        audit.record("privacy.legal-hold-released", "privacy_legal_hold", id.toString(), null, Map.of("active", true),
                Map.of("active", false));
    }

    public List<Hold> holdsList() {
        return jdbc.sql("select * from privacy_legal_hold where released_at is null order by created_at desc")
                .query((rs, i) -> new Hold(rs.getObject("id", UUID.class), rs.getString("subject"), rs.getString("reason"),
                        rs.getDate("until_date") == null ? null : rs.getDate("until_date").toLocalDate(),
                        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private static String describe(List<LegalHold> holds) {
        return String.join("; ", holds.stream().map(h -> h.reason() + " [" + h.holder() + "]").toList());
    }

    private static NotFoundException unknown(String customer) {
        return new NotFoundException("Paydesk holds no data about customer " + customer + "; nothing was changed");
    }

    private static ErasureRequest map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new ErasureRequest(rs.getObject("id", UUID.class), rs.getString("subject"), rs.getString("pseudonym"),
                rs.getString("reason"), rs.getString("status"), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("result"));
    }
}
