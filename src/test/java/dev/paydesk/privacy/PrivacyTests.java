package dev.paydesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import dev.paydesk.payments.DisputeNotified;
import dev.paydesk.payments.FileImports;
import dev.paydesk.payments.Provider;
import dev.paydesk.shared.Money;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.AuditPersonalData;
import dev.paydesk.platform.AuditSubjects;
import dev.paydesk.platform.AuditVerification;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.UserAccount;
import dev.paydesk.privacy.internal.RetentionService;

/**
 * Data-subject requests and retention end to end, on customers built through the real intakes (an
 * orders feed, the case API with e-mail messages, replies, notes, an attachment and a refund). After an
 * erasure approved by a second person, every text, varchar, json, jsonb and bytea column of every table
 * is searched for the customer's reference, address, name and message text (like
 * {@code CardNumberSweepTests} does for card numbers): none may remain, while the amounts, the row
 * counts and the audit chain are unchanged.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PrivacyTests extends PlatformTestSupport {

    /** Resolves the subject of {@code legacy-thing} entries only when switched on: lets a test write an "old" plaintext entry. */
    static final AtomicBoolean LEGACY_RESOLVER = new AtomicBoolean(false);

    @TestConfiguration
    static class LegacyEntries {
        @Bean
        AuditSubjects legacyThings() {
            return (type, id) -> LEGACY_RESOLVER.get() && type.equals("legacy-thing") ? Optional.of("legacy-" + id) : Optional.empty();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditPersonalData auditValues;

    @Autowired
    FileImports imports;

    @Autowired
    RetentionService retention;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    /** A customer as the intakes leave them: every personal value Paydesk got, and their case and order. */
    record Customer(String ref, String email, String name, String secret, String caseKey, String orderRef) {
        List<String> personalValues() {
            return List.of(ref, email, name, secret);
        }
    }

    private Customer customer(String token) throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        String ref = unique("CUST");
        String name = "Jolanda " + unique("Quist").replace("-", "");
        String email = unique("jolanda").toLowerCase(Locale.ROOT) + "@example.org";
        String secret = unique("my-private-words").replace("-", "");
        String order = unique("ORD");
        asSystem(() -> imports.importFile("orders", "orders.csv", new ByteArrayInputStream(
                ("merchant_reference,market,customer_reference,amount,currency,expected_method\n"
                        + order + ",DE," + ref + ",49.90,EUR,card\n").getBytes(StandardCharsets.UTF_8))));
        MvcResult created = json(token, post("/api/v1/cases"), """
                {"subject": "Refund missing for %s", "description": "%s writes: %s", "market": "DE",
                 "customerRef": "%s", "customerEmail": "%s", "links": [{"kind": "ORDER", "ref": "%s"}],
                 "amount": "49.90", "currency": "EUR"}""".formatted(name, name, secret, ref, email, order), 201);
        String key = JsonPath.read(created.getResponse().getContentAsString(), "$.key");
        String base = "/api/v1/cases/" + key;
        json(token, post(base + "/messages"), """
                {"from": "%s", "body": "Hello, %s here. %s", "messageId": "<%s@mail.example>"}"""
                .formatted(email, name, secret, unique("m")), 204);
        json(token, post(base + "/replies"), "{\"body\": \"Dear %s, we are on it.\"}".formatted(name), 204);
        json(token, post(base + "/notes"), "{\"body\": \"Called %s back about %s\"}".formatted(name, secret), 204);
        mvc.perform(multipart(base + "/attachments").file(new MockMultipartFile("file", "receipt " + name + ".txt", "text/plain",
                        ("Receipt of " + name + ": " + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token)).andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(201));
        json(token, post(base + "/money-actions"), """
                {"type": "REFUND", "amount": "10.00", "currency": "EUR", "reason": "goodwill for %s"}""".formatted(name), 201);
        Customer c = new Customer(ref, email, name, secret, key, order);
        awaitEventsDelivered(c);
        return c;
    }

    /** Module listeners run after the commit: waits until no event publication still carries this customer in flight. */
    private void awaitEventsDelivered(Customer c) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from event_publication where completion_date is null and serialized_event like ?")
                .param("%" + c.ref() + "%").query(Long.class).single() == 0);
    }

    /** The money and counts that erasure and retention must leave as they are. */
    private Map<String, Object> figures(Customer c) {
        Map<String, Object> f = new HashMap<>();
        f.put("case", jdbc.sql("select amount_minor || ' ' || currency || ' ' || status from cases_case where number = ?")
                .param(Long.parseLong(c.caseKey().substring(3))).query(String.class).single());
        f.put("entries", jdbc.sql("select count(*) from cases_entry e join cases_case k on k.id = e.case_id where k.number = ?")
                .param(Long.parseLong(c.caseKey().substring(3))).query(Long.class).single());
        f.put("moneyActions", jdbc.sql("""
                select string_agg(m.type || m.amount_minor || m.currency || m.status, ',' order by m.requested_at) from cases_money_action m
                join cases_case k on k.id = m.case_id where k.number = ?""").param(Long.parseLong(c.caseKey().substring(3)))
                .query(String.class).single());
        f.put("order", jdbc.sql("select amount_due_minor || ' ' || currency from payments_order where merchant_reference = ?")
                .param(c.orderRef()).query(String.class).single());
        f.put("allCaseAmounts", jdbc.sql("select coalesce(sum(amount_minor), 0) from cases_case").query(Long.class).single());
        f.put("allOrders", jdbc.sql("select coalesce(sum(amount_due_minor), 0) || '/' || count(*) from payments_order").query(String.class).single());
        return f;
    }

    @Autowired
    dev.paydesk.insights.Insights insights;

    /** The day the KPIs are read around: one per test, so that midnight does not move the period between reads. */
    private final java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));

    /** The DE KPIs of the days around {@link #today}, as the API answers them (without the previous period's values). */
    private String kpis(String token) throws Exception {
        MvcResult r = call(get("/api/v1/insights/kpis").param("market", "DE").param("from", today.minusDays(1).toString())
                .param("to", today.plusDays(2).toString()), token, 200);
        List<Map<String, Object>> values = JsonPath.read(r.getResponse().getContentAsString(), "$.kpis");
        assertThat(values).as("the KPI catalogue answers").hasSizeGreaterThan(5);
        return values.stream().map(v -> v.get("key") + "=" + v.get("value") + "/" + v.get("sample")).sorted().toList().toString();
    }

    private String rebuiltKpis(String token) throws Exception {
        asSystem(insights::rebuild);
        return kpis(token);
    }

    /** Every text-like column of every table in the public schema, searched for each value (case-insensitive). */
    private List<String> databaseHits(List<String> values) {
        List<String[]> columns = jdbc.sql("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = 'public' and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY', 'tsvector')
                order by table_name, column_name""")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        assertThat(columns).hasSizeGreaterThan(50);
        List<String> found = new ArrayList<>();
        for (String[] column : columns) {
            String value = column[2].equals("bytea") ? "encode(\"%s\", 'escape')".formatted(column[1]) : "\"%s\"::text".formatted(column[1]);
            for (String v : values) {
                jdbc.sql("select %s from \"%s\" where strpos(lower(%s), lower(:v)) > 0 limit 1".formatted(value, column[0], value))
                        .param("v", v).query(String.class).optional()
                        .ifPresent(hit -> found.add(column[0] + "." + column[1] + " holds " + v));
            }
        }
        return found;
    }

    @Test
    void anErasureApprovedByASecondPersonLeavesNoPersonalValueButKeepsMoneyCountsAndTheChain() throws Exception {
        UserAccount requester = newUser(Role.ADMIN, List.of());
        UserAccount approver = newUser(Role.PROCESS_MANAGER, List.of());
        String token = tokenFor(requester);
        Customer c = customer(token);
        Map<String, Object> before = figures(c);
        String kpisBefore = rebuiltKpis(token);
        List<String> hitsBefore = databaseHits(c.personalValues());
        assertThat(hitsBefore).as("the sweep finds the customer before erasure (it can fail)")
                .anyMatch(h -> h.startsWith("cases_case.customer_email")).anyMatch(h -> h.startsWith("cases_entry.body"))
                .anyMatch(h -> h.startsWith("cases_attachment.content")).anyMatch(h -> h.startsWith("payments_order.customer_reference"));
        assertThat(hitsBefore).as("personal values in the audit log are kept encrypted").noneMatch(h -> h.startsWith("platform_audit_log"));

        // dry run: what would change, and nothing changes
        MvcResult plan = call(get("/api/v1/privacy/erasure-preview").param("customer", c.email()), token, 200);
        assertThat((List<String>) JsonPath.read(plan.getResponse().getContentAsString(), "$.subject.customerRefs")).contains(c.ref());
        assertThat((List<Object>) JsonPath.read(plan.getResponse().getContentAsString(), "$.touched")).isNotEmpty();
        assertThat(databaseHits(c.personalValues())).isEqualTo(hitsBefore);

        // four eyes: the requester cannot approve
        MvcResult requested = json(token, post("/api/v1/privacy/erasure-requests"),
                "{\"customer\": \"%s\", \"reason\": \"GDPR Art. 17 request by e-mail\"}".formatted(c.ref()), 201);
        String id = JsonPath.read(requested.getResponse().getContentAsString(), "$.id");
        List<String> pending = databaseHits(c.personalValues()); // the request itself names the customer until done
        long refusalsBefore = count("privacy.erasure-approval-refused");
        MvcResult self = json(token, post("/api/v1/privacy/erasure-requests/" + id + "/approve"), "", 403);
        assertThat(self.getResponse().getContentAsString()).contains("someone other than");
        assertThat(count("privacy.erasure-approval-refused")).isEqualTo(refusalsBefore + 1);
        assertThat(databaseHits(c.personalValues())).isEqualTo(pending);

        MvcResult done = json(tokenFor(approver), post("/api/v1/privacy/erasure-requests/" + id + "/approve"), "", 200);
        assertThat((String) JsonPath.read(done.getResponse().getContentAsString(), "$.status")).isEqualTo("DONE");

        assertThat(databaseHits(c.personalValues())).as("personal values left after the erasure").isEmpty();
        assertThat(figures(c)).isEqualTo(before);
        // the KPIs kept current from the erasure's events, and rebuilt from the erased records, are the same
        org.awaitility.Awaitility.await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(20))
                .until(() -> kpis(token).equals(kpisBefore));
        assertThat(rebuiltKpis(token)).as("insights rebuilt after the erasure").isEqualTo(kpisBefore);
        AuditVerification chain = audit.verify();
        assertThat(chain.intact()).as(String.valueOf(chain.problem())).isTrue();
        String messageAudit = jdbc.sql("""
                select after_state from platform_audit_log where action = 'case.message-received' and entity_id = ?""")
                .param(c.caseKey()).query(String.class).single();
        assertThat(auditValues.reveal(messageAudit)).contains("[erased]");
        assertThat(count("privacy.erasure-done")).isPositive();
        // the erasure is recorded, the customer is no longer known
        call(get("/api/v1/privacy/export").param("customer", c.ref()), token, 404);
    }

    @Test
    void anExportHoldsEveryRecordAndTheAttachmentsAsAZip() throws Exception {
        String token = tokenFor(newUser(Role.ADMIN, List.of()));
        Customer c = customer(token);
        MvcResult zip = call(get("/api/v1/privacy/export").param("customer", c.email().toUpperCase(Locale.ROOT)), token, 200);
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.getResponse().getContentAsByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        String subject = entries.get("subject.json");
        assertThat(subject).contains(c.ref(), c.email(), c.name(), c.secret(), c.orderRef(), "\"amount_minor\" : 4990");
        assertThat(entries).hasSizeGreaterThanOrEqualTo(2);
        assertThat(entries.entrySet()).anyMatch(e -> e.getKey().startsWith("files/cases/") && e.getValue().contains(c.secret()));
        assertThat(count("privacy.exported")).isPositive();
    }

    @Test
    void unknownCustomersAndLegalHoldsAreRefusedAuditedAndChangeNothing() throws Exception {
        String token = tokenFor(newUser(Role.ADMIN, List.of()));
        long refused = count("privacy.erasure-refused");
        MvcResult unknown = json(token, post("/api/v1/privacy/erasure-requests"),
                "{\"customer\": \"CUST-NOBODY-%s\", \"reason\": \"test\"}".formatted(unique("x")), 404);
        assertThat(unknown.getResponse().getContentType()).contains("problem+json");
        assertThat(unknown.getResponse().getContentAsString()).contains("holds no data");
        assertThat(count("privacy.erasure-refused")).isEqualTo(refused + 1);

        Customer c = customer(token);
        json(token, post("/api/v1/privacy/legal-holds"),
                "{\"customer\": \"%s\", \"reason\": \"tax retention duty for invoices\", \"until\": \"2035-12-31\"}".formatted(c.ref()), 201);
        List<String> hits = databaseHits(c.personalValues());
        MvcResult held = json(token, post("/api/v1/privacy/erasure-requests"),
                "{\"customer\": \"%s\", \"reason\": \"GDPR Art. 17\"}".formatted(c.email()), 409);
        assertThat(held.getResponse().getContentAsString()).contains("legal hold").contains("tax retention duty for invoices");
        assertThat(count("privacy.erasure-refused")).isEqualTo(refused + 2);
        MvcResult preview = call(get("/api/v1/privacy/erasure-preview").param("customer", c.ref()), token, 200);
        assertThat(preview.getResponse().getContentAsString()).contains("tax retention duty for invoices");
        assertThat(databaseHits(c.personalValues())).isEqualTo(hits);
        assertThat(jdbc.sql("select count(*) from privacy_erasure_request where subject = ?").param(c.email()).query(Long.class).single())
                .isZero();
    }

    @Test
    void anOpenDisputeIsALegalHoldThatBlocksErasureWithItsReason() throws Exception {
        String token = tokenFor(newUser(Role.ADMIN, List.of()));
        Customer c = customer(token);
        String dp = "dp_" + unique("hold").replace("-", "");
        Instant at = Instant.now().minus(Duration.ofDays(1));
        tx.executeWithoutResult(s -> events.publishEvent(new DisputeNotified(Provider.STRIPE, "stripe-eu", "evt_" + dp, dp,
                "ch_" + dp, c.orderRef(), "charge.dispute.created", "needs_response", "product_not_received",
                Money.of(4_990, "EUR"), at.plus(Duration.ofDays(12)), at, "{}")));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from disputes_dispute where customer_reference = ? and closed_at is null")
                .param(c.ref()).query(Long.class).single() == 1);
        awaitEventsDelivered(c); // the dispute's own events carry the customer until their listeners are done
        List<String> hits = databaseHits(c.personalValues());
        MvcResult held = json(token, post("/api/v1/privacy/erasure-requests"),
                "{\"customer\": \"%s\", \"reason\": \"GDPR Art. 17\"}".formatted(c.email()), 409);
        assertThat(held.getResponse().getContentAsString()).contains("open dispute STRIPE " + dp);
        assertThat(databaseHits(c.personalValues())).isEqualTo(hits);
    }

    @Test
    void retentionRemovesWhatIsPastItsPeriodOnlyAndTheDryRunChangesNothing() throws Exception {
        String token = tokenFor(newUser(Role.ADMIN, List.of()));
        Customer old = customer(token);
        Customer recent = customer(token);
        json(token, put("/api/v1/cases/" + old.caseKey() + "/status"), "{\"status\": \"RESOLVED\"}", 204);
        json(token, put("/api/v1/cases/" + recent.caseKey() + "/status"), "{\"status\": \"RESOLVED\"}", 204);
        jdbc.sql("update cases_case set resolved_at = now() - interval '400 days', updated_at = now() - interval '400 days' where number = ?")
                .param(Long.parseLong(old.caseKey().substring(3))).update();
        Map<String, Object> oldFigures = figures(old);
        List<String> oldValues = List.of(old.email(), old.secret(), old.name());
        List<String> recentHits = databaseHits(recent.personalValues());
        try {
            json(token, put("/api/v1/privacy/retention"), "{\"CASE_MESSAGES\": 365, \"CUSTOMER_CONTACT\": 365}", 200);
            List<String> oldHits = databaseHits(oldValues);
            MvcResult preview = call(get("/api/v1/privacy/retention/preview"), token, 200);
            assertThat((Boolean) JsonPath.read(preview.getResponse().getContentAsString(), "$.dryRun")).isTrue();
            assertThat(preview.getResponse().getContentAsString()).contains("message and note texts of closed cases removed");
            assertThat(databaseHits(oldValues)).as("a dry run changes nothing").isEqualTo(oldHits);

            MvcResult run = json(token, post("/api/v1/privacy/retention/runs"), "", 200);
            assertThat(run.getResponse().getContentAsString()).contains("attachments of closed cases deleted");
            List<String> left = databaseHits(oldValues);
            assertThat(left).as("case texts, attachments and addresses past retention (money-action reasons stay until erasure)")
                    .noneMatch(h -> h.startsWith("cases_") && !h.startsWith("cases_money_action.reason"));
            assertThat(figures(old)).isEqualTo(oldFigures);
            assertThat(databaseHits(recent.personalValues())).as("data within its period stays").isEqualTo(recentHits);
            // audit values: a dry run as of ten years on would destroy this month's keys, and destroys none now
            jdbc.sql("update privacy_retention set days = 30 where kind = 'AUDIT_VALUES'").update();
            RetentionService.Report later = retention.run(true, Instant.now().plus(Duration.ofDays(3650)));
            assertThat(later.touched()).anyMatch(t -> t.holder().equals("audit") && t.count() > 0);
            assertThat(auditValues.reveal(jdbc.sql("""
                    select after_state from platform_audit_log where action = 'case.message-received' and entity_id = ?""")
                    .param(recent.caseKey()).query(String.class).single())).contains(recent.email());
            assertThat(audit.verify().intact()).isTrue();
        } finally {
            jdbc.sql("update privacy_retention set days = null").update();
        }
    }

    @Test
    void theReanchoringVerifiesAndRecordsTheOldHeadThenEncryptsOldEntriesAndTheChainStillVerifies() {
        String email = unique("legacy").toLowerCase(Locale.ROOT) + "@example.org";
        String id = unique("thing");
        LEGACY_RESOLVER.set(false);
        asSystem(() -> audit.record("legacy.changed", "legacy-thing", id, null, null, Map.of("from", email, "v", 1)));
        assertThat(jdbc.sql("select after_state from platform_audit_log where entity_id = ?").param(id).query(String.class).single())
                .as("an entry as written before encryption").contains(email);
        jdbc.sql("update platform_audit_head set encrypted_from = null").update(); // as before the upgrade
        long head = jdbc.sql("select last_seq from platform_audit_head").query(Long.class).single();
        LEGACY_RESOLVER.set(true);
        try {
            AuditPersonalData.Reanchoring r = auditValues.reanchor();
            assertThat(r).isNotNull();
            assertThat(r.oldHeadSeq()).isEqualTo(head);
            assertThat(r.verifiedEntries()).isEqualTo(head);
            assertThat(r.rewrittenEntries()).isPositive();
        } finally {
            LEGACY_RESOLVER.set(false);
        }
        String stored = jdbc.sql("select after_state from platform_audit_log where entity_id = ?").param(id).query(String.class).single();
        assertThat(stored).doesNotContain(email).contains("pdenc:v1:");
        assertThat(auditValues.reveal(stored)).contains(email);
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'audit.reanchored' and seq = ?")
                .param(head + 1).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select old_head_seq from platform_audit_reanchoring order by id desc limit 1").query(Long.class).single())
                .isEqualTo(head);
        AuditVerification chain = audit.verify();
        assertThat(chain.intact()).as(String.valueOf(chain.problem())).isTrue();
        assertThat(auditValues.reanchor()).as("once").isNull();
        // erasing the subject shreds the old entry's value too, and the chain still verifies
        auditValues.destroySubjectKeys(List.of("legacy-" + id), false);
        assertThat(auditValues.reveal(stored)).doesNotContain(email).contains("[erased]");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void thePrivacyPageShowsThePeriodsAndADryRunInEnglishAndGerman() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        UserAccount manager = newUser(Role.PROCESS_MANAGER, List.of());
        String page = mvc.perform(get("/privacy").with(user(manager)).locale(Locale.ENGLISH)).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Retention periods").contains("Case messages and attachments").contains("data-confirm");
        String german = mvc.perform(get("/privacy").with(user(manager)).locale(Locale.GERMAN)).andReturn().getResponse()
                .getContentAsString();
        assertThat(german).contains("Aufbewahrungsfristen").contains("Fallnachrichten und Anhänge");
        String dry = mvc.perform(post("/privacy/retention/preview").with(user(manager)).with(csrf()).locale(Locale.ENGLISH))
                .andReturn().getResponse().getContentAsString();
        assertThat(dry).contains("Records the next run would touch");
        var refused = mvc.perform(post("/privacy/retention").with(user(manager)).with(csrf()).param("days_QUARANTINE", "0"))
                .andReturn();
        assertThat(refused.getFlashMap().get("error")).asString().contains("1 to 36500");
        UserAccount scoped = newUser(Role.PROCESS_MANAGER, List.of("DE"));
        assertThat(mvc.perform(post("/privacy/retention/run").with(user(scoped)).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    private long count(String action) {
        return jdbc.sql("select count(*) from platform_audit_log where action = ?").param(action).query(Long.class).single();
    }

    private MvcResult json(String token, MockHttpServletRequestBuilder request, String body, int expected) throws Exception {
        return call(request.contentType(MediaType.APPLICATION_JSON).content(body.isEmpty() ? "{}" : body), token, expected);
    }

    private MvcResult call(MockHttpServletRequestBuilder request, String token, int expected) throws Exception {
        MvcResult result = mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(expected);
        return result;
    }
}
