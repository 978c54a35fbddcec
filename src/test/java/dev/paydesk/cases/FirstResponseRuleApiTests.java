package dev.paydesk.cases;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;

/** The SLA policy's first-response rule: stored, exposed in the API and the settings form, and applied. */
@SpringBootTest
@AutoConfigureMockMvc
class FirstResponseRuleApiTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    private String manager;
    private String agent;

    @BeforeEach
    void users() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        manager = tokenFor(newUser(Role.PROCESS_MANAGER, List.of("DE")));
        agent = tokenFor(newUser(Role.AGENT, List.of("DE")));
    }

    @Test
    void resolvingWithoutAReplyMeetsTheFirstResponseOnlyWhenThePolicySaysSo() throws Exception {
        String replyOnly = category();
        String orResolution = category();
        policy(replyOnly, null).andExpect(jsonPath("$.firstResponseRule").value("FIRST_REPLY"));
        policy(orResolution, "FIRST_REPLY_OR_RESOLUTION").andExpect(jsonPath("$.firstResponseRule").value("FIRST_REPLY_OR_RESOLUTION"));
        mvc.perform(get("/api/v1/case-settings/sla-policies").header("Authorization", "Bearer " + manager))
                .andExpect(jsonPath("$[?(@.category == '" + orResolution + "')].firstResponseRule")
                        .value(hasItem("FIRST_REPLY_OR_RESOLUTION")));

        assertFirstResponseAfterResolving(replyOnly, "PAUSED");
        assertFirstResponseAfterResolving(orResolution, "MET");
    }

    @Test
    void aNonPositiveTargetOrAnUnknownRuleIsAProblemNotA500() throws Exception {
        mvc.perform(post("/api/v1/case-settings/sla-policies").header("Authorization", "Bearer " + manager)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"id": 0, "name": "zero", "category": "%s", "market": "DE", "firstResponseMinutes": 0, "warnBeforeMinutes": 0,
                                 "pauseReasons": []}""".formatted(category())))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
        mvc.perform(post("/api/v1/case-settings/sla-policies").header("Authorization", "Bearer " + manager)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"id": 0, "name": "odd", "category": "%s", "market": "DE", "firstResponseMinutes": 60, "warnBeforeMinutes": 0,
                                 "pauseReasons": [], "firstResponseRule": "SOMETIMES"}""".formatted(category())))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theSettingsFormOffersTheRuleInEnglishAndGerman() throws Exception {
        var pm = newUser(Role.PROCESS_MANAGER, List.of("DE"));
        String category = category();
        mvc.perform(post("/cases/settings/policies").with(user(pm)).with(csrf()).param("name", "Form " + category)
                        .param("category", category).param("market", "DE").param("firstResponseMinutes", "60")
                        .param("firstResponseRule", "FIRST_REPLY_OR_RESOLUTION"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/cases/settings/policies").with(user(pm)).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("First response met by")))
                .andExpect(content().string(containsString("first reply or resolution")));
        mvc.perform(get("/cases/settings/policies").with(user(pm)).locale(Locale.GERMAN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Erste Antwort erfüllt durch")))
                .andExpect(content().string(containsString("erste Antwort oder Lösung")));
        mvc.perform(get("/api/v1/case-settings/sla-policies").header("Authorization", "Bearer " + manager))
                .andExpect(jsonPath("$[?(@.category == '" + category + "')].firstResponseRule")
                        .value(hasItem("FIRST_REPLY_OR_RESOLUTION")));
    }

    private ResultActions policy(String category, @Nullable String rule) throws Exception {
        String field = rule == null ? "" : ", \"firstResponseRule\": \"" + rule + "\"";
        return mvc.perform(post("/api/v1/case-settings/sla-policies").header("Authorization", "Bearer " + manager)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"id": 0, "name": "Rule %s", "category": "%s", "market": "DE", "firstResponseMinutes": 240,
                                 "resolutionMinutes": 2400, "warnBeforeMinutes": 30, "pauseReasons": []%s}"""
                                .formatted(category, category, field)))
                .andExpect(status().isOk());
    }

    private void assertFirstResponseAfterResolving(String category, String expected) throws Exception {
        MvcResult created = mvc.perform(post("/api/v1/cases").header("Authorization", "Bearer " + agent)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\": \"Duplicate\", \"market\": \"DE\", \"category\": \"" + category + "\"}"))
                .andExpect(status().isCreated()).andReturn();
        String key = JsonPath.read(created.getResponse().getContentAsString(), "$.key");
        mvc.perform(put("/api/v1/cases/" + key + "/status").header("Authorization", "Bearer " + agent)
                .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"RESOLVED\"}"))
                .andExpect(status().is2xxSuccessful());
        mvc.perform(get("/api/v1/cases/" + key).header("Authorization", "Bearer " + agent))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clocks[?(@.kind == 'FIRST_RESPONSE')].state").value(hasItem(expected)));
    }

    private static String category() {
        return "frr-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
