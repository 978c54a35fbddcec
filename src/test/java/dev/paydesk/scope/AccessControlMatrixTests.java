package dev.paydesk.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.UserAccount;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The access-control matrix (issue 21): every endpoint of the OpenAPI document × every role × own market /
 * other market / no token / revoked token / disabled user, with the expected answers in {@link #TABLE}.
 * An endpoint missing from the table (a new one without a rule) fails the build, and so does a row for an
 * endpoint that no longer exists.
 *
 * <p>Callers are users of market DE, one per role. Expected answers:
 * <ul>
 * <li>a role the row allows: never 401 or 403 (probes use {@code {}} bodies and plausible but unknown ids,
 * so 2xx, 400, 404 or 409 are all fine); a scoped GET on a real record of DE answers 2xx;</li>
 * <li>a role the row does not allow: 403 — or 400 where Spring reads an unreadable probe body before the
 * method's role check; never 2xx;</li>
 * <li>another market's real record (FR): exactly the status an unknown id gets, never 2xx or 403;</li>
 * <li>no token, a revoked token, a disabled user's token: 401.</li>
 * </ul>
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessControlMatrixTests extends PlatformTestSupport {

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> NOBODY_SCOPED = EnumSet.noneOf(Role.class);

    /** Roles by their initials: A agent, S specialist, D dispute specialist, R realtime, P process, U auditor, M admin, Q quality reviewer. */
    private static Set<Role> roles(String initials) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        for (char c : initials.toCharArray()) {
            set.add(switch (c) {
                case 'A' -> Role.AGENT;
                case 'S' -> Role.SPECIALIST;
                case 'D' -> Role.DISPUTE_SPECIALIST;
                case 'R' -> Role.REALTIME_MANAGER;
                case 'P' -> Role.PROCESS_MANAGER;
                case 'U' -> Role.AUDITOR;
                case 'M' -> Role.ADMIN;
                case 'Q' -> Role.QUALITY_REVIEWER;
                default -> throw new IllegalArgumentException("no role " + c);
            });
        }
        return set;
    }

    /**
     * One row: who may call it (as a market-scoped user) and, for endpoints naming a market's record, the
     * record ({@code case}, {@code dispute}, {@code order}, {@code market}, {@code user}, {@code agent}) and
     * a probe body. Rows without a record probe plausible but unknown ids.
     */
    record Rule(Set<Role> allowed, String record, String body, String query) {
        Rule scoped(String kind) {
            return new Rule(allowed, kind, body, query);
        }

        Rule body(String json) {
            return new Rule(allowed, record, json, query);
        }

        Rule query(String q) {
            return new Rule(allowed, record, body, q);
        }

        boolean isScoped() {
            return !record.isEmpty();
        }
    }

    private static Rule allow(String initials) {
        return new Rule(roles(initials), "", "{}", "");
    }

    private static Rule allow(Set<Role> roles) {
        return new Rule(roles, "", "{}", "");
    }

    private static final String CASE_READERS = "ASDPUM";
    private static final String CASE_WORKERS = "ASDPM";
    private static final String DISPUTE_READERS = "DPMU";
    private static final String DISPUTE_WORKERS = "DPM";
    private static final String WORKFORCE_READERS = "RPUM";
    private static final String KNOWLEDGE_READERS = "ASDPUM";
    private static final String KNOWLEDGE_WRITERS = "PM";
    private static final String PERIOD = "from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z";

    /** The expected answers, one row per endpoint of the OpenAPI document. */
    static final Map<String, Rule> TABLE = new LinkedHashMap<>();

    static {
        // the caller
        TABLE.put("GET /api/v1/me", allow(EVERYONE));
        TABLE.put("POST /api/v1/me/tokens", allow(EVERYONE).body("{\"name\": null}"));
        TABLE.put("GET /api/v1/me/tokens", allow(EVERYONE));
        TABLE.put("DELETE /api/v1/me/tokens/{id}", allow(EVERYONE));
        // users: admins manage, auditors read; other markets' users are unknown (AdministrationPolicy)
        TABLE.put("GET /api/v1/users", allow("UM"));
        TABLE.put("POST /api/v1/users", allow("M"));
        TABLE.put("GET /api/v1/users/{id}", allow("UM").scoped("user"));
        TABLE.put("PUT /api/v1/users/{id}", allow("M").scoped("user")
                .body("{\"username\": \"x\", \"roles\": [\"AGENT\"], \"markets\": [\"DE\"]}"));
        TABLE.put("GET /api/v1/login-locks", allow("M"));
        TABLE.put("DELETE /api/v1/users/{id}/lock", allow("M").scoped("user"));
        TABLE.put("DELETE /api/v1/login-locks/addresses", allow("M").query("address=192.0.2.1"));
        TABLE.put("PUT /api/v1/users/{id}/enabled", allow("M").scoped("user").body("{\"enabled\": true}"));
        // single sign-on: admins read the rules, only an all-markets admin changes them (callers here are DE)
        TABLE.put("GET /api/v1/sso/rules", allow("M"));
        TABLE.put("PUT /api/v1/sso/rules", allow(NOBODY_SCOPED).body("[]"));
        // second factor: resets need two administrators (an unknown or factor-less user answers 404/409)
        TABLE.put("POST /api/v1/users/{id}/second-factor/reset-requests", allow("M").scoped("user"));
        TABLE.put("GET /api/v1/second-factor-resets", allow("M"));
        TABLE.put("POST /api/v1/second-factor-resets/{id}/approve", allow("M"));
        TABLE.put("DELETE /api/v1/users/{id}/sessions", allow("M").scoped("user"));
        TABLE.put("PUT /api/v1/users/{id}/password-login", allow("M").scoped("user").body("{\"enabled\": true}"));
        // a user's supplier and teams (issue 15): admins set, auditors read
        TABLE.put("GET /api/v1/users/{id}/affiliation", allow("UM").scoped("user"));
        TABLE.put("PUT /api/v1/users/{id}/affiliation", allow("M").scoped("user").body("{\"supplier\": null, \"teams\": []}"));
        // markets and calendars
        TABLE.put("GET /api/v1/markets", allow(EVERYONE));
        TABLE.put("POST /api/v1/markets", allow(NOBODY_SCOPED));
        TABLE.put("GET /api/v1/markets/{code}", allow(EVERYONE).scoped("market"));
        TABLE.put("PUT /api/v1/markets/{code}", allow("M").scoped("market"));
        TABLE.put("GET /api/v1/markets/{code}/calendar", allow(EVERYONE).scoped("market"));
        TABLE.put("PUT /api/v1/markets/{code}/opening-hours", allow("PM").scoped("market").body("[{}]"));
        TABLE.put("PUT /api/v1/markets/{code}/holidays/{day}", allow("PM").scoped("market").body("{}"));
        TABLE.put("DELETE /api/v1/markets/{code}/holidays/{day}", allow("PM").scoped("market"));
        TABLE.put("GET /api/v1/markets/{code}/business-time", allow(EVERYONE).scoped("market").query(PERIOD));
        TABLE.put("GET /api/v1/markets/{code}/deadline", allow(EVERYONE).scoped("market")
                .query("start=2026-01-05T08:00:00Z&minutes=60"));
        TABLE.put("GET /api/v1/markets/{code}/latest-start", allow(EVERYONE).scoped("market")
                .query("due=2026-01-06T16:00:00Z&minutes=60"));
        TABLE.put("PUT /api/v1/markets/{code}/dated-hours/{date}", allow("PM").scoped("market").body("{\"hours\": []}"));
        TABLE.put("DELETE /api/v1/markets/{code}/dated-hours/{date}", allow("PM").scoped("market"));
        TABLE.put("PUT /api/v1/markets/{code}/holiday-sets", allow("PM").scoped("market").body("[]"));
        // company holiday sets: anyone reads, process managers and admins edit a set within their markets
        TABLE.put("GET /api/v1/holiday-sets", allow(EVERYONE));
        TABLE.put("GET /api/v1/holiday-sets/{name}", allow(EVERYONE));
        TABLE.put("PUT /api/v1/holiday-sets/{name}", allow("PM").body("{\"days\": {}}"));
        TABLE.put("DELETE /api/v1/holiday-sets/{name}", allow("PM"));
        // audit
        TABLE.put("GET /api/v1/audit", allow("UM"));
        TABLE.put("POST /api/v1/audit/verify", allow("UM"));
        // cases
        TABLE.put("POST /api/v1/cases/import", allow(CASE_WORKERS));
        TABLE.put("POST /api/v1/cases/bulk/preview", allow(CASE_WORKERS));
        TABLE.put("POST /api/v1/cases/bulk/apply", allow(CASE_WORKERS));
        TABLE.put("POST /api/v1/cases", allow(CASE_WORKERS));
        TABLE.put("GET /api/v1/cases", allow(CASE_READERS));
        TABLE.put("GET /api/v1/cases/{key}", allow(CASE_READERS).scoped("case"));
        TABLE.put("GET /api/v1/cases/{key}/attachments", allow(CASE_READERS).scoped("case"));
        TABLE.put("GET /api/v1/cases/{key}/findings", allow(CASE_READERS).scoped("case"));
        // case creation from findings: its breaker is read by settings roles and resumed by all-markets admins only
        TABLE.put("GET /api/v1/case-settings/finding-intake", allow("PM"));
        TABLE.put("POST /api/v1/case-settings/finding-intake/resume", allow(NOBODY_SCOPED));
        TABLE.put("POST /api/v1/cases/{key}/attachments", allow(CASE_WORKERS).scoped("case"));
        TABLE.put("POST /api/v1/cases/{key}/replies", allow(CASE_WORKERS).scoped("case"));
        TABLE.put("POST /api/v1/cases/{key}/notes", allow(CASE_WORKERS).scoped("case").body("{\"body\": \"matrix\"}"));
        TABLE.put("POST /api/v1/cases/{key}/messages", allow(CASE_WORKERS).scoped("case"));
        TABLE.put("PUT /api/v1/cases/{key}/status", allow(CASE_WORKERS).scoped("case"));
        TABLE.put("PUT /api/v1/cases/{key}/assignment", allow(CASE_WORKERS).scoped("case"));
        TABLE.put("PUT /api/v1/cases/{key}/category", allow(CASE_WORKERS).scoped("case"));
        TABLE.put("PUT /api/v1/cases/{key}/priority", allow(CASE_WORKERS).scoped("case"));
        TABLE.put("PUT /api/v1/cases/{key}/tags", allow(CASE_WORKERS).scoped("case").body("{\"tags\": [\"matrix\"]}"));
        TABLE.put("POST /api/v1/cases/{key}/links", allow(CASE_WORKERS).scoped("case"));
        TABLE.put("POST /api/v1/cases/{key}/escalations", allow(CASE_WORKERS).scoped("case"));
        TABLE.put("PUT /api/v1/cases/{key}/parent", allow(CASE_WORKERS).scoped("case"));
        TABLE.put("POST /api/v1/cases/{key}/merge", allow(CASE_WORKERS).scoped("case"));
        TABLE.put("POST /api/v1/cases/{key}/money-actions", allow("SDPM").scoped("case"));
        TABLE.put("GET /api/v1/money-actions/pending", allow(CASE_WORKERS));
        TABLE.put("POST /api/v1/money-actions/{id}/approve", allow(CASE_WORKERS));
        TABLE.put("POST /api/v1/money-actions/{id}/reject", allow(CASE_WORKERS));
        TABLE.put("GET /api/v1/cases/csat", allow("PRUM"));
        TABLE.put("GET /api/v1/cases/linked", allow(CASE_READERS).query("kind=ORDER&ref=ORD-NONE"));
        // case settings: per-market rows within the caller's markets; queues are platform-wide
        TABLE.put("GET /api/v1/case-settings/queues", allow(EVERYONE));
        TABLE.put("PUT /api/v1/case-settings/queues/{code}", allow(NOBODY_SCOPED)
                .body("{\"name\": \"Matrix\", \"strategy\": \"MANUAL\"}"));
        TABLE.put("GET /api/v1/case-settings/agents", allow("PM"));
        TABLE.put("PUT /api/v1/case-settings/agents/{username}", allow("PM").scoped("agent")
                .body("{\"capacity\": 10, \"languages\": [], \"providers\": [], \"active\": true, \"queues\": []}"));
        TABLE.put("GET /api/v1/case-settings/routing-rules", allow("PM"));
        TABLE.put("POST /api/v1/case-settings/routing-rules", allow("PM"));
        TABLE.put("PUT /api/v1/case-settings/routing-rules/{id}", allow("PM"));
        TABLE.put("DELETE /api/v1/case-settings/routing-rules/{id}", allow("PM"));
        TABLE.put("GET /api/v1/case-settings/sla-policies", allow("PM"));
        TABLE.put("POST /api/v1/case-settings/sla-policies", allow(NOBODY_SCOPED)
                .body("{\"id\": 0, \"name\": \"Matrix\", \"warnBeforeMinutes\": 0, \"pauseReasons\": []}"));
        // outbound case webhooks: admins
        TABLE.put("POST /api/v1/case-webhooks", allow("M"));
        TABLE.put("GET /api/v1/case-webhooks", allow("M"));
        TABLE.put("DELETE /api/v1/case-webhooks/{id}", allow("M"));
        TABLE.put("GET /api/v1/case-webhooks/deliveries", allow("M"));
        // disputes
        TABLE.put("GET /api/v1/disputes", allow(DISPUTE_READERS));
        TABLE.put("GET /api/v1/disputes/open", allow(EVERYONE).query("reference=ORD-NONE"));
        TABLE.put("GET /api/v1/disputes/{id}", allow(DISPUTE_READERS).scoped("dispute"));
        TABLE.put("GET /api/v1/disputes/{id}/history", allow(DISPUTE_READERS).scoped("dispute"));
        TABLE.put("GET /api/v1/disputes/{id}/evidence", allow(DISPUTE_READERS).scoped("dispute"));
        TABLE.put("GET /api/v1/disputes/{id}/evidence.pdf", allow(DISPUTE_READERS).scoped("dispute"));
        TABLE.put("GET /api/v1/disputes/{id}/recommendation", allow(DISPUTE_READERS).scoped("dispute"));
        TABLE.put("POST /api/v1/disputes/{id}/shipments", allow(DISPUTE_WORKERS).scoped("dispute"));
        TABLE.put("POST /api/v1/disputes/{id}/notes", allow(DISPUTE_WORKERS).scoped("dispute"));
        TABLE.put("POST /api/v1/disputes/{id}/files", allow(DISPUTE_WORKERS).scoped("dispute"));
        TABLE.put("POST /api/v1/disputes/{id}/accept", allow(DISPUTE_WORKERS).scoped("dispute").body("[").query("probe=unreadable"));
        TABLE.put("POST /api/v1/disputes/{id}/submit", allow(DISPUTE_WORKERS).scoped("dispute").body("["));
        TABLE.put("GET /api/v1/disputes/reason-codes", allow(EVERYONE));
        TABLE.put("POST /api/v1/disputes/reason-codes", allow("PM"));
        TABLE.put("PUT /api/v1/disputes/reason-codes/{scheme}/{code}", allow("PM"));
        TABLE.put("GET /api/v1/disputes/analytics", allow(DISPUTE_READERS));
        TABLE.put("GET /api/v1/disputes/monitoring", allow(DISPUTE_READERS));
        // payments
        TABLE.put("GET /api/v1/orders/{ref}", allow(CASE_READERS).scoped("order"));
        TABLE.put("GET /api/v1/customers/{ref}/payment-methods", allow(CASE_READERS));
        TABLE.put("GET /api/v1/payments", allow(CASE_READERS));
        TABLE.put("POST /api/v1/payments/quarantine/{id}/replay", allow("M"));
        TABLE.put("GET /api/v1/payments/quarantine", allow("SUM"));
        TABLE.put("POST /api/v1/klarna/{account}/customer-tokens", allow("SM"));
        TABLE.put("PATCH /api/v1/klarna/{account}/customer-tokens/{token}/status", allow("SM"));
        // reconciliation
        TABLE.put("GET /api/v1/reconciliation/findings", allow("SPMU"));
        TABLE.put("GET /api/v1/reconciliation/findings/{id}", allow("SPMU"));
        TABLE.put("POST /api/v1/reconciliation/findings/acknowledge", allow("SPM"));
        TABLE.put("POST /api/v1/reconciliation/findings/assign", allow("SPM"));
        TABLE.put("GET /api/v1/reconciliation/batches", allow("SPMU"));
        TABLE.put("POST /api/v1/reconciliation/runs", allow("PM").body("["));
        // triage
        TABLE.put("GET /api/v1/triage/categories", allow(EVERYONE));
        TABLE.put("POST /api/v1/triage/categories", allow("PM"));
        TABLE.put("PUT /api/v1/triage/categories/{code}", allow("PM"));
        TABLE.put("POST /api/v1/triage/classify", allow("ASDRPM"));
        TABLE.put("GET /api/v1/triage/queue", allow("ASDRPM"));
        TABLE.put("POST /api/v1/triage/corrections", allow("ASDRPM"));
        TABLE.put("GET /api/v1/triage/models", allow("PMU"));
        TABLE.put("GET /api/v1/triage/models/{id}/evaluation", allow("PMU"));
        TABLE.put("POST /api/v1/triage/models/train", allow("PM"));
        TABLE.put("POST /api/v1/triage/models/train-csv", allow("PM"));
        TABLE.put("POST /api/v1/triage/models/{id}/activate", allow("PM"));
        TABLE.put("GET /api/v1/triage/root-cause", allow(WORKFORCE_READERS).query(PERIOD));
        TABLE.put("GET /api/v1/triage/root-cause/trend", allow(WORKFORCE_READERS).query(PERIOD));
        TABLE.put("GET /api/v1/triage/incidents", allow(WORKFORCE_READERS));
        TABLE.put("GET /api/v1/triage/incidents/{id}", allow(WORKFORCE_READERS));
        TABLE.put("POST /api/v1/triage/incidents/{id}/close", allow("RPM"));
        // insights: every role reads KPIs within its scope; process managers set targets
        TABLE.put("GET /api/v1/insights/kpis", allow(EVERYONE).query("from=2026-01-01&to=2026-01-08"));
        TABLE.put("GET /api/v1/insights/kpis/{key}/records", allow(EVERYONE).query("from=2026-01-01&to=2026-01-08"));
        TABLE.put("GET /api/v1/insights/catalogue", allow(EVERYONE));
        TABLE.put("GET /api/v1/insights/money", allow(EVERYONE).query("from=2026-01-01&to=2026-01-08"));
        TABLE.put("GET /api/v1/insights/money/{key}/records", allow(EVERYONE).query("from=2026-01-01&to=2026-01-08"));
        TABLE.put("GET /api/v1/insights/money/chargeback-ratios", allow(DISPUTE_READERS));
        TABLE.put("GET /api/v1/insights/targets", allow(EVERYONE));
        TABLE.put("GET /api/v1/insights/alerts", allow(EVERYONE));
        TABLE.put("GET /api/v1/insights/knowledge-gaps", allow("RPUM"));
        // insights digests: everyone manages their own subscriptions (markets in their scope only)
        TABLE.put("GET /api/v1/insights/subscriptions", allow(EVERYONE));
        TABLE.put("POST /api/v1/insights/subscriptions", allow(EVERYONE));
        TABLE.put("GET /api/v1/insights/subscriptions/{id}", allow(EVERYONE));
        TABLE.put("PUT /api/v1/insights/subscriptions/{id}", allow(EVERYONE));
        TABLE.put("DELETE /api/v1/insights/subscriptions/{id}", allow(EVERYONE));
        TABLE.put("GET /api/v1/insights/suppliers", allow(EVERYONE).query("from=2026-01-01&to=2026-01-08"));
        TABLE.put("PUT /api/v1/insights/targets/{market}/{kpi}", allow("PM").scoped("market").body("{\"target\": 0.9}"));
        // workforce
        TABLE.put("GET /api/v1/workforce/realtime", allow(WORKFORCE_READERS));
        TABLE.put("GET /api/v1/workforce/queues/{code}/allocation", allow(WORKFORCE_READERS));
        TABLE.put("GET /api/v1/workforce/queues/{code}/allocation/{supplier}.csv", allow(WORKFORCE_READERS));
        TABLE.put("GET /api/v1/workforce/queues", allow(WORKFORCE_READERS));
        TABLE.put("GET /api/v1/workforce/queues/{code}", allow(WORKFORCE_READERS));
        TABLE.put("POST /api/v1/workforce/queues", allow("RM"));
        TABLE.put("GET /api/v1/workforce/suppliers", allow(WORKFORCE_READERS));
        TABLE.put("GET /api/v1/workforce/suppliers/quality", allow(WORKFORCE_READERS));
        TABLE.put("POST /api/v1/workforce/suppliers", allow("RM"));
        TABLE.put("POST /api/v1/workforce/intervals", allow("RM"));
        TABLE.put("POST /api/v1/workforce/intervals/import", allow("RM"));
        TABLE.put("GET /api/v1/workforce/queues/{code}/intervals", allow(WORKFORCE_READERS).query(PERIOD));
        TABLE.put("GET /api/v1/workforce/queues/{code}/plan", allow(WORKFORCE_READERS));
        TABLE.put("GET /api/v1/workforce/queues/{code}/forecast", allow(WORKFORCE_READERS));
        TABLE.put("GET /api/v1/workforce/queues/{code}/accuracy", allow(WORKFORCE_READERS));
        TABLE.put("GET /api/v1/workforce/downtimes", allow(WORKFORCE_READERS).query(PERIOD));
        TABLE.put("POST /api/v1/workforce/downtimes", allow("RM"));
        TABLE.put("POST /api/v1/workforce/staffing", allow(WORKFORCE_READERS).body("["));
        // quality (issue 15): everyone on the case desk and auditors read scorecards and reviews (agents: their own
        // reviews), process managers and admins edit scorecards, review and decide disputes; the reviewed agent
        // acknowledges or disputes
        TABLE.put("GET /api/v1/quality/scorecards", allow(CASE_READERS + "Q"));
        TABLE.put("POST /api/v1/quality/scorecards", allow("PM"));
        TABLE.put("GET /api/v1/quality/scorecards/{id}", allow(CASE_READERS + "Q"));
        TABLE.put("POST /api/v1/quality/scorecards/{id}/retire", allow("PM"));
        TABLE.put("POST /api/v1/quality/reviews", allow("PMQ"));
        TABLE.put("GET /api/v1/quality/reviews", allow(CASE_READERS + "Q"));
        TABLE.put("GET /api/v1/quality/reviews/{id}", allow(CASE_READERS + "Q"));
        TABLE.put("POST /api/v1/quality/reviews/{id}/acknowledge", allow(CASE_WORKERS));
        TABLE.put("POST /api/v1/quality/reviews/{id}/dispute", allow(CASE_WORKERS));
        TABLE.put("POST /api/v1/quality/reviews/{id}/decision", allow("PM"));
        TABLE.put("GET /api/v1/quality/cases/{key}/checks", allow(CASE_READERS + "Q").scoped("case"));
        TABLE.put("GET /api/v1/quality/cases/{key}/review-draft", allow("PMQ"));
        TABLE.put("POST /api/v1/quality/samples/preview", allow("PM"));
        TABLE.put("POST /api/v1/quality/samples", allow("PM"));
        TABLE.put("GET /api/v1/quality/samples/assignments", allow("PMQ"));
        TABLE.put("GET /api/v1/quality/calibrations", allow("PMQ"));
        TABLE.put("POST /api/v1/quality/calibrations", allow("PM"));
        TABLE.put("GET /api/v1/quality/calibrations/{id}", allow("PMQ"));
        TABLE.put("PUT /api/v1/quality/calibrations/{id}/ratings/{caseKey}", allow("PMQ"));
        TABLE.put("POST /api/v1/quality/calibrations/{id}/reveal", allow("PM"));
        TABLE.put("GET /api/v1/quality/reports/iqs", allow(CASE_READERS + "Q"));
        TABLE.put("GET /api/v1/quality/reports/pareto", allow(CASE_READERS + "Q"));
        // privacy: reading the retention periods is for process managers, auditors and admins; everything else
        // covers every market and needs an all-markets process manager or admin (market-scoped users: 403)
        TABLE.put("GET /api/v1/privacy/retention", allow("PUM"));
        TABLE.put("PUT /api/v1/privacy/retention", allow(NOBODY_SCOPED));
        TABLE.put("GET /api/v1/privacy/retention/preview", allow(NOBODY_SCOPED));
        TABLE.put("POST /api/v1/privacy/retention/runs", allow(NOBODY_SCOPED));
        TABLE.put("GET /api/v1/privacy/export", allow(NOBODY_SCOPED).query("customer=CUST-MATRIX-UNKNOWN"));
        TABLE.put("GET /api/v1/privacy/erasure-preview", allow(NOBODY_SCOPED).query("customer=CUST-MATRIX-UNKNOWN"));
        TABLE.put("POST /api/v1/privacy/erasure-requests", allow(NOBODY_SCOPED));
        TABLE.put("GET /api/v1/privacy/erasure-requests", allow(NOBODY_SCOPED));
        TABLE.put("POST /api/v1/privacy/erasure-requests/{id}/approve", allow(NOBODY_SCOPED));
        TABLE.put("POST /api/v1/privacy/erasure-requests/{id}/reject", allow(NOBODY_SCOPED));
        TABLE.put("GET /api/v1/privacy/legal-holds", allow(NOBODY_SCOPED));
        TABLE.put("POST /api/v1/privacy/legal-holds", allow(NOBODY_SCOPED));
        TABLE.put("DELETE /api/v1/privacy/legal-holds/{id}", allow(NOBODY_SCOPED));
        // knowledge: case workers and auditors read, process managers and admins write (articles are not market-owned)
        TABLE.put("GET /api/v1/knowledge/articles", allow(KNOWLEDGE_READERS));
        TABLE.put("POST /api/v1/knowledge/articles", allow(KNOWLEDGE_WRITERS));
        TABLE.put("GET /api/v1/knowledge/articles/{id}", allow(KNOWLEDGE_READERS));
        TABLE.put("PUT /api/v1/knowledge/articles/{id}", allow(KNOWLEDGE_WRITERS));
        TABLE.put("GET /api/v1/knowledge/articles/{id}/versions", allow(KNOWLEDGE_READERS));
        TABLE.put("GET /api/v1/knowledge/articles/{id}/diff", allow(KNOWLEDGE_READERS).query("from=1&to=2"));
        TABLE.put("POST /api/v1/knowledge/articles/{id}/versions/{version}/publish", allow(KNOWLEDGE_WRITERS));
        TABLE.put("PUT /api/v1/knowledge/articles/{id}/translations/{language}", allow(KNOWLEDGE_WRITERS));
        TABLE.put("POST /api/v1/knowledge/articles/{id}/translations/{language}/publish", allow(KNOWLEDGE_WRITERS));
        TABLE.put("GET /api/v1/knowledge/review-due", allow(KNOWLEDGE_READERS));
        TABLE.put("GET /api/v1/knowledge/search", allow(KNOWLEDGE_READERS).query("q=refund"));
        TABLE.put("GET /api/v1/knowledge/synonyms/{team}", allow(KNOWLEDGE_READERS));
        TABLE.put("PUT /api/v1/knowledge/synonyms/{team}", allow(KNOWLEDGE_WRITERS));
        TABLE.put("POST /api/v1/knowledge/announcements", allow(KNOWLEDGE_WRITERS));
        TABLE.put("GET /api/v1/knowledge/announcements/unread", allow(EVERYONE));
        TABLE.put("POST /api/v1/knowledge/announcements/{id}/read", allow(EVERYONE));
        TABLE.put("GET /api/v1/knowledge/announcements/read-rates", allow("RPUM"));
        TABLE.put("GET /api/v1/knowledge/articles/{id}/files", allow(KNOWLEDGE_READERS));
        TABLE.put("POST /api/v1/knowledge/articles/{id}/files", allow(KNOWLEDGE_WRITERS));
        TABLE.put("GET /api/v1/knowledge/articles/{id}/files/{fileId}", allow(KNOWLEDGE_READERS));
        TABLE.put("DELETE /api/v1/knowledge/articles/{id}/files/{fileId}", allow(KNOWLEDGE_WRITERS));
    }

    /** Plausible values for path variables that name no real record. */
    private static final Map<String, String> UNKNOWN = Map.ofEntries(
            Map.entry("key", "PD-999999999"), Map.entry("ref", "ORD-MATRIX-UNKNOWN"),
            Map.entry("username", "matrix-unknown-user"), Map.entry("day", "2027-03-03"),
            Map.entry("scheme", "VISA"), Map.entry("supplier", "nosupplier"), Map.entry("account", "klarna-eu"),
            Map.entry("token", "tok-matrix-unknown"),
            Map.entry("date", "2027-03-04"), Map.entry("name", "matrix-unknown-set"), Map.entry("version", "999"),
            Map.entry("team", "matrix-unknown-team"), Map.entry("language", "de"),
            Map.entry("fileId", "00000000-0000-0000-0000-00000000f11e"));

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private static ScopedRecords de;
    private static ScopedRecords fr;
    private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);
    private static String revoked;
    private static String disabled;
    private static UserAccount deUser;
    private static UserAccount frUser;
    private static UserAccount root;

    @BeforeEach
    void callers() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        ensureMarket("FR", "EUR", "Europe/Paris", "fr");
        if (de != null) {
            return;
        }
        root = newUser(Role.ADMIN, List.of());
        String rootToken = tokenFor(root);
        de = ScopedRecords.create(mvc, jdbc, rootToken, "DE");
        fr = ScopedRecords.create(mvc, jdbc, rootToken, "FR");
        for (Role role : Role.values()) {
            TOKENS.put(role, tokenFor(newUser(role, List.of("DE"))));
        }
        deUser = newUser(Role.AGENT, List.of("DE"));
        frUser = newUser(Role.AGENT, List.of("FR"));
        UserAccount revokedUser = newUser(Role.ADMIN, List.of("DE"));
        revoked = tokenFor(revokedUser);
        asSystem(() -> tokens.revoke(revokedUser.id(), tokens.tokens(revokedUser.id()).getFirst().id()));
        UserAccount disabledUser = newUser(Role.ADMIN, List.of("DE"));
        disabled = tokenFor(disabledUser);
        asSystem(() -> users.setEnabled(disabledUser.id(), false));
    }

    /** One operation of the OpenAPI document. */
    record Operation(String method, String path, Set<String> consumes) {
        String id() {
            return method + " " + path;
        }
    }

    private List<Operation> operations() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs").with(user(root))).andReturn().getResponse().getContentAsString();
        JsonNode paths = JsonMapper.builder().build().readTree(doc).get("paths");
        List<Operation> ops = new ArrayList<>();
        for (var path : paths.properties()) {
            for (var op : path.getValue().properties()) {
                Set<String> consumes = new TreeSet<>();
                JsonNode content = op.getValue().path("requestBody").path("content");
                content.propertyNames().forEach(consumes::add);
                ops.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), consumes));
            }
        }
        return ops;
    }

    @Test
    void everyEndpointOfTheApiHasARowAndEveryRowAnEndpoint() throws Exception {
        Set<String> documented = new TreeSet<>();
        operations().forEach(o -> documented.add(o.id()));
        assertThat(documented).as("endpoints without a row in the access-control matrix").isSubsetOf(TABLE.keySet());
        assertThat(TABLE.keySet()).as("rows for endpoints that no longer exist").isSubsetOf(documented);
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheTableSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations()) {
            Rule rule = TABLE.get(op.id());
            if (rule == null) {
                continue;
            }
            String own = path(op.path(), rule, de);
            for (String token : List.of("", revoked, disabled)) {
                expect(wrong, op, own, token, "no/revoked/disabled token", Set.of(401), rule);
            }
            for (Role role : Role.values()) {
                int status = call(op, own, TOKENS.get(role), rule);
                String who = role + " (DE)";
                if (rule.allowed().contains(role)) {
                    if (status == 401 || status == 403) {
                        wrong.add(op.id() + " as " + who + ": " + status + ", expected an allowed answer");
                    }
                    if (rule.isScoped() && op.method().equals("GET") && !op.path().contains("{day}")
                            && (status < 200 || status > 299)) {
                        wrong.add(op.id() + " as " + who + " on its own market's record: " + status + ", expected 2xx");
                    }
                    if (rule.isScoped()) {
                        int other = call(op, path(op.path(), rule, fr), TOKENS.get(role), rule);
                        int unknown = call(op, path(op.path(), rule, null), TOKENS.get(role), rule);
                        if (other != unknown || other == 403 || (other >= 200 && other <= 299)) {
                            wrong.add(op.id() + " as " + who + " on FR's record: " + other
                                    + ", expected what an unknown id answers (" + unknown + ")");
                        }
                    }
                } else if (status != 403 && !(status == 400 && readsBodyFirst(op))) {
                    wrong.add(op.id() + " as " + who + ": " + status + ", expected 403");
                }
            }
        }
        assertThat(wrong).as("answers that differ from the access-control matrix").isEmpty();
        assertThat(failedInput).as("probe bodies that answered 500 instead of a 4xx").isEmpty();
    }

    /** Spring reads a request body before the method's role check, so an unreadable probe body answers 400. */
    private static boolean readsBodyFirst(Operation op) {
        return !op.consumes().isEmpty();
    }

    private void expect(List<String> wrong, Operation op, String path, String token, String who, Set<Integer> expected,
                        Rule rule) throws Exception {
        int status = call(op, path, token, rule);
        if (!expected.contains(status)) {
            wrong.add(op.id() + " with " + who + ": " + status + ", expected " + expected);
        }
    }

    private int call(Operation op, String path, String token, Rule rule) throws Exception {
        String uri = rule.query().isEmpty() ? path : path + "?" + rule.query();
        AbstractMockHttpServletRequestBuilder<?> request;
        if (op.consumes().contains(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            // a declared length, as every real client sends (the upload limit answers 411 without one)
            request = multipart(HttpMethod.valueOf(op.method()), uri).with(declared -> {
                declared.setContent(new byte[0]);
                return declared;
            });
        } else {
            MockHttpServletRequestBuilder plain = request(HttpMethod.valueOf(op.method()), uri);
            if (op.consumes().contains(MediaType.APPLICATION_JSON_VALUE)) {
                plain.contentType(MediaType.APPLICATION_JSON).content(rule.body());
            } else if (!op.consumes().isEmpty()) {
                plain.contentType(MediaType.parseMediaType(op.consumes().iterator().next())).content("");
            }
            request = plain;
        }
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            var response = mvc.perform(request).andReturn().getResponse();
            if (response.getStatus() >= 500) {
                failedInput.add(op.id() + ": " + response.getStatus() + " " + response.getContentAsString());
            }
            return response.getStatus();
        } catch (jakarta.servlet.ServletException unhandled) {
            // what the servlet container answers for an exception no advice maps: a 500
            failedInput.add(op.id() + ": " + unhandled.getCause());
            return 500;
        }
    }

    /** Probes that reached a handler and failed there (input validation, issue 21 #14), not access control. */
    private final Set<String> failedInput = new TreeSet<>();

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** The path with its variables filled: the record of {@code market} where the row names one, else unknown ids. */
    private static String path(String template, Rule rule, ScopedRecords records) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        while (m.find()) {
            String name = m.group(1);
            String value = first && rule.isScoped() ? recordId(rule.record(), records) : unknown(name, template);
            first = false;
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String recordId(String kind, ScopedRecords r) {
        boolean unknown = r == null;
        return switch (kind) {
            case "case" -> unknown ? "PD-999999999" : r.caseKey();
            case "dispute" -> unknown ? UUID.randomUUID().toString() : r.disputeId().toString();
            case "order" -> unknown ? "ORD-MATRIX-UNKNOWN" : r.orderRef();
            case "market" -> unknown ? "ZZ" : r.market();
            case "user" -> unknown ? UUID.randomUUID().toString() : (r == de ? deUser : frUser).id().toString();
            case "agent" -> unknown ? "matrix-unknown-user" : (r == de ? deUser : frUser).username();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static String unknown(String name, String template) {
        if (name.equals("id") || name.equals("code")) {
            boolean numeric = template.contains("routing-rules") || template.contains("incidents") || template.contains("models");
            if (name.equals("code")) {
                return "nosuchcode";
            }
            return numeric ? "999999999" : UUID.randomUUID().toString();
        }
        return UNKNOWN.getOrDefault(name, "unknown");
    }
}
