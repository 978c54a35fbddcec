package dev.paydesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;

/** The case desk over its REST API: intake idempotency, market scope, timeline, clocks, masking. */
@SpringBootTest
@AutoConfigureMockMvc
class CaseDeskApiTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void markets() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        ensureMarket("FR", "EUR", "Europe/Paris", "fr");
    }

    private String open(String token, String json, String idempotencyKey, int expectedStatus) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/cases").header("Authorization", "Bearer " + token)
                        .header("Idempotency-Key", idempotencyKey).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().is(expectedStatus)).andReturn();
        return JsonPath.read(result.getResponse().getContentAsString(), "$.key");
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyReturnsTheFirstCase() throws Exception {
        String token = tokenFor(newUser(Role.AGENT, List.of("DE")));
        String key = "esc-" + UUID.randomUUID();
        String json = """
                {"subject": "Refund not received", "description": "Customer says the refund never arrived",
                 "market": "DE", "customerRef": "cust-77", "links": [{"kind": "ORDER", "ref": "ORD-1"}]}""";
        String first = open(token, json, key, 201);
        String second = open(token, json, key, 200);
        assertThat(second).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from cases_intake_key where key = ?").param(key).query(Long.class).single())
                .isEqualTo(1);
        String other = open(token, json, "esc-" + UUID.randomUUID(), 201);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void cardNumbersInTheTextAreMaskedBeforeStorage() throws Exception {
        String token = tokenFor(newUser(Role.AGENT, List.of("DE")));
        String key = open(token, """
                {"subject": "Charged twice on 4111 1111 1111 1111", "description": "card 5500-0000-0000-0004 order 12345678",
                 "market": "DE"}""", UUID.randomUUID().toString(), 201);
        mvc.perform(get("/api/v1/cases/" + key).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.subject", not(containsString("4111 1111 1111 1111"))))
                .andExpect(jsonPath("$.summary.subject", containsString("4111 11** **** 1111")))
                .andExpect(jsonPath("$.description", not(containsString("5500-0000-0000-0004"))))
                .andExpect(jsonPath("$.description", containsString("12345678")));
        String stored = jdbc.sql("select subject || description from cases_case where number = ?")
                .param(Long.parseLong(key.substring(3))).query(String.class).single();
        assertThat(stored).doesNotContain("1111 1111 1111").doesNotContain("0000-0000-0004");
    }

    @Test
    void aCaseIsInvisibleOutsideTheCallersMarkets() throws Exception {
        String de = tokenFor(newUser(Role.AGENT, List.of("DE")));
        String fr = tokenFor(newUser(Role.AGENT, List.of("FR")));
        String key = open(de, """
                {"subject": "Klarna payment pending", "market": "DE"}""", UUID.randomUUID().toString(), 201);
        mvc.perform(get("/api/v1/cases/" + key).header("Authorization", "Bearer " + fr)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases?view=all&q=" + key).header("Authorization", "Bearer " + fr))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/cases?view=all&q=" + key).header("Authorization", "Bearer " + de))
                .andExpect(jsonPath("$[0].key").value(key));
        mvc.perform(post("/api/v1/cases").header("Authorization", "Bearer " + fr).contentType(MediaType.APPLICATION_JSON)
                .content("{\"subject\": \"x\", \"market\": \"DE\"}")).andExpect(status().isBadRequest());
    }

    @Test
    void workingACaseBuildsOneTimelineAndMovesItsClocks() throws Exception {
        var agent = newUser(Role.AGENT, List.of("DE"));
        String token = tokenFor(agent);
        String key = open(token, """
                {"subject": "Double charge", "market": "DE", "priority": "HIGH", "customerRef": "cust-9"}""",
                UUID.randomUUID().toString(), 201);
        mvc.perform(get("/api/v1/cases/" + key).header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.clocks[?(@.kind == 'FIRST_RESPONSE')].state").value(hasItem("RUNNING")))
                .andExpect(jsonPath("$.summary.status").value("NEW"));
        mvc.perform(post("/api/v1/cases/" + key + "/replies").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"body\": \"We are checking with the bank\", \"status\": \"WAITING\", \"reason\": \"PROVIDER\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/cases/" + key + "/notes").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"body\": \"Asked Adyen support, ticket 5521\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/cases/" + key).header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.summary.status").value("WAITING"))
                .andExpect(jsonPath("$.summary.waitingReason").value("PROVIDER"))
                .andExpect(jsonPath("$.clocks[?(@.kind == 'FIRST_RESPONSE')].state").value(hasItem("MET")))
                .andExpect(jsonPath("$.clocks[?(@.kind == 'RESOLUTION')].state").value(hasItem("PAUSED")))
                .andExpect(jsonPath("$.timeline[*].kind").value(org.hamcrest.Matchers.contains(
                        "CREATED", "MESSAGE_OUT", "STATUS", "STATUS", "NOTE")));
        mvc.perform(get("/api/v1/cases?view=waiting&q=bank").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$[*].key").value(hasItem(key)));
        mvc.perform(put("/api/v1/cases/" + key + "/status").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"WAITING\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
        assertThat(jdbc.sql("select count(*) from platform_audit_log where entity_type = 'case' and entity_id = ?")
                .param(key).query(Long.class).single()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aComplaintCarriesThePsd2ReplyDeadline() throws Exception {
        String token = tokenFor(newUser(Role.AGENT, List.of("DE")));
        String key = open(token, """
                {"subject": "Formal complaint about a refund", "market": "DE", "psd2Complaint": true}""",
                UUID.randomUUID().toString(), 201);
        mvc.perform(get("/api/v1/cases/" + key).header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.clocks[?(@.kind == 'EXTERNAL')].label").value(hasItem(containsString("PSD2"))))
                .andExpect(jsonPath("$.clocks[?(@.kind == 'EXTERNAL')].state").value(hasItem("RUNNING")));
    }

    @Test
    void anEscalationIsAChildTaskWithTheOlaOfThePeerQueue() throws Exception {
        String token = tokenFor(newUser(Role.SPECIALIST, List.of("DE")));
        String key = open(token, """
                {"subject": "Payouts missing since Monday", "market": "DE"}""", UUID.randomUUID().toString(), 201);
        MvcResult r = mvc.perform(post("/api/v1/cases/" + key + "/escalations").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"queue\": \"finance\", \"note\": \"Please check the payout batch\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.queue").value("finance")).andReturn();
        String child = JsonPath.read(r.getResponse().getContentAsString(), "$.key");
        mvc.perform(get("/api/v1/cases/" + child).header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.parent.key").value(key))
                .andExpect(jsonPath("$.clocks[0].kind").value("OLA"))
                .andExpect(jsonPath("$.clocks[0].state").value("RUNNING"));
        mvc.perform(post("/api/v1/cases/" + key + "/escalations").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"queue\": \"refunds\", \"note\": \"x\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void mergingMovesLinksAndMessagesAndClosesTheSource() throws Exception {
        String token = tokenFor(newUser(Role.AGENT, List.of("DE")));
        String a = open(token, """
                {"subject": "Where is my refund", "market": "DE", "links": [{"kind": "ORDER", "ref": "ORD-M1"}]}""",
                UUID.randomUUID().toString(), 201);
        String b = open(token, """
                {"subject": "Refund missing (second mail)", "market": "DE"}""", UUID.randomUUID().toString(), 201);
        mvc.perform(post("/api/v1/cases/" + a + "/notes").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"body\": \"first note\"}")).andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/cases/" + a + "/merge").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"into\": \"" + b + "\"}")).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/cases/" + b).header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.links[*].ref").value(org.hamcrest.Matchers.hasItems("ORD-M1", a)))
                .andExpect(jsonPath("$.timeline[?(@.kind == 'NOTE')].body").value(hasItem("first note")));
        mvc.perform(get("/api/v1/cases/" + a).header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.summary.status").value("CLOSED")).andExpect(jsonPath("$.mergedInto").value(b));
        mvc.perform(post("/api/v1/cases/" + a + "/notes").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"body\": \"late\"}")).andExpect(status().isConflict());
    }

    @Test
    void attachmentsAreTypeCheckedAndTextIsMasked() throws Exception {
        String token = tokenFor(newUser(Role.AGENT, List.of("DE")));
        String key = open(token, """
                {"subject": "Statement attached", "market": "DE"}""", UUID.randomUUID().toString(), 201);
        var text = new org.springframework.mock.web.MockMultipartFile("file", "statement.txt", "text/plain",
                "Debit 49.90 card 4111111111111111".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/cases/" + key + "/attachments")
                        .file(text).header("Authorization", "Bearer " + token))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.filename").value("statement.txt"));
        byte[] stored = jdbc.sql("select content from cases_attachment a join cases_case c on c.id = a.case_id where c.number = ?")
                .param(Long.parseLong(key.substring(3))).query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.UTF_8)).contains("411111******1111").doesNotContain("4111111111111111");

        var exe = new org.springframework.mock.web.MockMultipartFile("file", "run.exe", "application/x-msdownload", new byte[] {77, 90});
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/cases/" + key + "/attachments")
                        .file(exe).header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("not accepted")));
        var fakePdf = new org.springframework.mock.web.MockMultipartFile("file", "x.pdf", "application/pdf", "hello".getBytes());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/cases/" + key + "/attachments")
                        .file(fakePdf).header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("the file is not a PDF"));
        mvc.perform(get("/api/v1/cases/" + key + "/attachments").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.length()").value(1));
    }
}
