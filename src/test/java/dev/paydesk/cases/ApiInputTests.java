package dev.paydesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;

/**
 * Inputs from the fuzzing in issue 21 (#14, #16, #19, #20) that answered 500 or were accepted although
 * wrong: every one is a 400 problem+json that names the field and no Java class.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiInputTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    String token;
    String caseKey;

    @BeforeEach
    void setUp() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        token = tokenFor(newUser(Role.PROCESS_MANAGER, List.of("DE")));
        MvcResult r = mvc.perform(post("/api/v1/cases").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"subject\":\"Input test\",\"market\":\"DE\"}")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(201);
        caseKey = JsonPath.read(r.getResponse().getContentAsString(), "$.key");
    }

    private record Bad(String what, MockHttpServletRequestBuilder request, String field) {
    }

    private Bad post_(String what, String path, String json, String field) {
        return new Bad(what, post(path.replace("{key}", caseKey)).contentType(MediaType.APPLICATION_JSON).content(json), field);
    }

    private Bad put_(String what, String path, String json, String field) {
        return new Bad(what, put(path.replace("{key}", caseKey)).contentType(MediaType.APPLICATION_JSON).content(json), field);
    }

    @Test
    void badInputIsA400ProblemNamingTheFieldNeverA500() throws Exception {
        String longRef = "r".repeat(201);
        List<Bad> bad = List.of(
                post_("NUL in subject", "/api/v1/cases", "{\"subject\":\"a\\u0000b\",\"market\":\"DE\"}", "subject"),
                post_("NUL in a nested link", "/api/v1/cases",
                        "{\"subject\":\"a\",\"market\":\"DE\",\"links\":[{\"kind\":\"ORDER\",\"ref\":\"x\\u0000\"}]}", "links[0].ref"),
                post_("NUL in a note", "/api/v1/cases/{key}/notes", "{\"body\":\"\\u0000\"}", "body"),
                post_("unknown currency", "/api/v1/cases", "{\"subject\":\"a\",\"market\":\"DE\",\"amount\":\"1.00\",\"currency\":\"ZZZ\"}", "currency"),
                post_("crypto currency", "/api/v1/cases", "{\"subject\":\"a\",\"market\":\"DE\",\"amount\":\"1.00\",\"currency\":\"BTC\"}", "currency"),
                post_("lower-case currency", "/api/v1/cases", "{\"subject\":\"a\",\"market\":\"DE\",\"amount\":\"1.00\",\"currency\":\"eur\"}", "currency"),
                post_("amount abc", "/api/v1/cases", "{\"subject\":\"a\",\"market\":\"DE\",\"amount\":\"abc\",\"currency\":\"EUR\"}", "amount"),
                post_("amount NaN", "/api/v1/cases", "{\"subject\":\"a\",\"market\":\"DE\",\"amount\":\"NaN\",\"currency\":\"EUR\"}", "amount"),
                post_("amount 1,00", "/api/v1/cases", "{\"subject\":\"a\",\"market\":\"DE\",\"amount\":\"1,00\",\"currency\":\"EUR\"}", "amount"),
                post_("negative case amount", "/api/v1/cases", "{\"subject\":\"a\",\"market\":\"DE\",\"amount\":\"-5.00\",\"currency\":\"EUR\"}", "amount"),
                post_("amount as a number", "/api/v1/cases", "{\"subject\":\"a\",\"market\":\"DE\",\"amount\":{\"x\":1}}", "amount"),
                post_("empty object", "/api/v1/cases", "{}", "subject"),
                post_("empty body", "/api/v1/cases", "", "body"),
                post_("not json", "/api/v1/cases", "{not json", "body"),
                post_("customer ref over 200", "/api/v1/cases", "{\"subject\":\"a\",\"market\":\"DE\",\"customerRef\":\"" + longRef + "\"}", "customerRef"),
                post_("date far in the future", "/api/v1/cases", "{\"subject\":\"a\",\"market\":\"DE\",\"externalDueAt\":\"+999999999-12-31T00:00:00Z\"}", "externalDueAt"),
                post_("unknown priority", "/api/v1/cases", "{\"subject\":\"a\",\"market\":\"DE\",\"priority\":\"SOON\"}", "priority"),
                put_("missing status", "/api/v1/cases/{key}/status", "{}", "status"),
                put_("missing priority", "/api/v1/cases/{key}/priority", "{}", "priority"),
                put_("missing parent", "/api/v1/cases/{key}/parent", "{}", "parent"),
                post_("missing escalation queue", "/api/v1/cases/{key}/escalations", "{\"note\":\"x\"}", "queue"),
                post_("message without a body", "/api/v1/cases/{key}/messages", "{\"from\":\"a@example.com\"}", "body"),
                post_("blank message body", "/api/v1/cases/{key}/messages", "{\"from\":\"a@example.com\",\"body\":\"  \"}", "body"),
                post_("money action in XXX", "/api/v1/cases/{key}/money-actions",
                        "{\"type\":\"GOODWILL\",\"amount\":\"1.00\",\"currency\":\"XXX\",\"reason\":\"x\"}", "currency"),
                post_("money action in JPY on an EUR case", "/api/v1/cases/{key}/money-actions",
                        "{\"type\":\"GOODWILL\",\"amount\":\"100\",\"currency\":\"JPY\",\"reason\":\"x\"}", "currency"),
                post_("negative refund", "/api/v1/cases/{key}/money-actions",
                        "{\"type\":\"REFUND\",\"amount\":\"-5.00\",\"currency\":\"EUR\",\"reason\":\"x\"}", "amount"),
                post_("money action without type", "/api/v1/cases/{key}/money-actions",
                        "{\"amount\":\"5.00\",\"currency\":\"EUR\",\"reason\":\"x\"}", "type"),
                post_("overlong triage correction", "/api/v1/triage/corrections",
                        "{\"itemRef\":\"" + "i".repeat(300) + "\",\"text\":\"t\",\"corrected\":\"refunds\"}", "itemRef"),
                post_("overlong shipment carrier", "/api/v1/disputes/" + UUID.randomUUID() + "/shipments",
                        "{\"carrier\":\"" + "c".repeat(101) + "\",\"trackingNumber\":\"t\"}", "carrier"),
                post_("token expiring in the past", "/api/v1/me/tokens",
                        "{\"name\":\"old\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}", "expiresAt"));
        List<String> failures = new ArrayList<>();
        for (Bad b : bad) {
            MvcResult r;
            try {
                r = mvc.perform(b.request().header("Authorization", "Bearer " + token)).andReturn();
            } catch (Exception e) {
                failures.add(b.what() + " -> " + e);
                continue;
            }
            String body = r.getResponse().getContentAsString();
            String type = String.valueOf(r.getResponse().getContentType());
            if (r.getResponse().getStatus() != 400 || !type.startsWith("application/problem+json")
                    || body.contains("dev.paydesk") || body.contains("$") || body.contains("java.")
                    || !body.contains(b.field())) {
                failures.add(b.what() + " -> " + r.getResponse().getStatus() + " " + type + " " + body);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aNulInAQueryParameterIsA400() throws Exception {
        MvcResult r = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/cases")
                .param("q", "a\u0000b").header("Authorization", "Bearer " + token)).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(r.getResponse().getContentAsString()).contains("\"field\":\"q\"");
    }

    @Test
    void theUiShowsA400PageNamingTheFieldNotA500() throws Exception {
        var agent = newUser(Role.PROCESS_MANAGER, List.of("DE"));
        MvcResult r = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/cases")
                .param("q", "a\u0000b").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user(agent))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(r.getResponse().getContentAsString()).contains("q: q must not contain NUL characters")
                .contains("correct the field");
    }

    @Test
    void aDateParameterBeyondTheYear9999IsA400() throws Exception {
        MvcResult r = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/payments")
                .param("to", "+999999999-12-31").header("Authorization", "Bearer " + token)).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(r.getResponse().getContentAsString()).contains("\"field\":\"to\"");
    }

    @Test
    void unknownIdsAreNotFoundAndMalformedIdsAreBadRequests() throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/money-actions/not-a-uuid/approve").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
        r = mvc.perform(post("/api/v1/money-actions/" + UUID.randomUUID() + "/approve").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(404);
    }
}
