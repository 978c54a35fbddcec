package dev.paydesk.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.UserAccount;

/** The automatic checks on real cases made through the case API, each positive and negative, and the prefilled draft. */
@SpringBootTest
@AutoConfigureMockMvc
class QualityChecksApiTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    UserAccount specialist;
    String token;
    String approver;
    String lead;

    @BeforeEach
    void setUp() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        specialist = newUser(Role.SPECIALIST, List.of("DE"));
        token = tokenFor(specialist);
        approver = tokenFor(newUser(Role.PROCESS_MANAGER, List.of("DE")));
        lead = tokenFor(newUser(Role.PROCESS_MANAGER, List.of("DE")));
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String as, String body) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + as).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private String open(String language, String customer) throws Exception {
        String json = call(post("/api/v1/cases").header("Idempotency-Key", UUID.randomUUID().toString()), token, """
                {"subject": "Refund not received", "description": "where is my money", "market": "DE",
                 "language": "%s", "customerRef": "%s"}""".formatted(language, customer))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.key");
    }

    private void reply(String key, String body) throws Exception {
        call(post("/api/v1/cases/" + key + "/replies"), token, "{\"body\": \"" + body + "\"}")
                .andExpect(status().is2xxSuccessful());
    }

    private String refund(String key) throws Exception {
        String json = call(post("/api/v1/cases/" + key + "/money-actions"), token, """
                {"type": "REFUND", "amount": "600.00", "currency": "EUR", "reason": "refund never arrived"}""")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.id");
    }

    private void resolve(String key) throws Exception {
        call(put("/api/v1/cases/" + key + "/status"), token, "{\"status\": \"RESOLVED\"}")
                .andExpect(status().is2xxSuccessful());
    }

    private Map<String, String> outcomes(String key) throws Exception {
        String json = call(get("/api/v1/quality/cases/" + key + "/checks"), lead, "").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> checks = JsonPath.read(json, "$");
        Map<String, String> out = new java.util.HashMap<>();
        checks.forEach(c -> out.put((String) c.get("code"), (String) c.get("outcome")));
        return out;
    }

    @Test
    void aCaseHandledBadlyFailsItsChecks() throws Exception {
        String customer = unique("cust");
        String key = open("de", customer);
        reply(key, "Please send us your full card number and the expiry date so that we can check the refund for you.");
        refund(key);
        resolve(key);
        open("de", customer);
        Map<String, String> outcomes = outcomes(key);
        assertThat(outcomes).containsEntry("reply_language", "FAILED")
                .containsEntry("no_card_data_request", "FAILED")
                .containsEntry("money_four_eyes", "FAILED")
                .containsEntry("repeat_contact", "FAILED")
                .containsEntry("reply_source", "NOTED");
    }

    @Test
    void aCaseHandledWellPassesItsChecks() throws Exception {
        String key = open("en", unique("cust"));
        reply(key, "We have refunded the payment and you will see it within five days. Please never send us your card number.");
        String action = refund(key);
        call(post("/api/v1/money-actions/" + action + "/approve"), approver, "{\"note\": \"checked\"}")
                .andExpect(status().isOk());
        resolve(key);
        Map<String, String> outcomes = outcomes(key);
        assertThat(outcomes).containsEntry("reply_language", "PASSED")
                .containsEntry("no_card_data_request", "PASSED")
                .containsEntry("money_four_eyes", "PASSED")
                .containsEntry("repeat_contact", "PASSED");
        assertThat(outcomes.entrySet()).filteredOn(e -> e.getKey().startsWith("clock."))
                .noneMatch(e -> e.getValue().equals("FAILED"));
    }

    @Test
    void theReviewDraftIsPrefilledFromTheChecks() throws Exception {
        String name = unique("Card data");
        call(post("/api/v1/quality/scorecards"), lead, """
                {"name": "%s", "categoryGroup": null, "market": "DE", "criteria": [
                  {"code": "card_data", "label": "Never asks for card data", "weight": 5, "critical": true,
                   "check": "no_card_data_request"},
                  {"code": "tone", "label": "Friendly", "weight": 1, "scale": "ONE_TO_FIVE"}]}""".formatted(name))
                .andExpect(status().isCreated());
        String key = open("en", unique("cust"));
        reply(key, "What is the CVC on the back of your card? Please reply with it.");
        resolve(key);
        String json = call(get("/api/v1/quality/cases/" + key + "/review-draft"), lead, "").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(json, "$.prefilled[?(@.criterion == 'card_data')].value")).containsExactly("no");
        assertThat((List<String>) JsonPath.read(json, "$.prefilled[?(@.criterion == 'tone')].value")).isEmpty();
    }
}
