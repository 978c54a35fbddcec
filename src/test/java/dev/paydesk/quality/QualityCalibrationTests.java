package dev.paydesk.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

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

/** A calibration session end to end: blind ratings, nothing visible of others until revealed, then the agreement. */
@SpringBootTest
@AutoConfigureMockMvc
class QualityCalibrationTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    private ResultActions call(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        return mvc.perform(QualityFixtures.json(request, token, body));
    }

    @Test
    void reviewersScoreBlindAndTheLeadRevealsTheAgreement() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        UserAccount lead = newUser(Role.PROCESS_MANAGER, List.of("DE"));
        UserAccount anna = newUser(Role.QUALITY_REVIEWER, List.of("DE"));
        UserAccount ben = newUser(Role.QUALITY_REVIEWER, List.of("DE"));
        String leadToken = tokenFor(lead);
        String annaToken = tokenFor(anna);
        String first = QualityFixtures.resolvedCase(mvc, tokenFor(agent), agent.username());
        String second = QualityFixtures.resolvedCase(mvc, tokenFor(agent), agent.username());
        String card = JsonPath.read(call(post("/api/v1/quality/scorecards"), leadToken, """
                {"name": "%s", "market": "DE", "criteria": [{"code": "tone", "label": "Tone", "weight": 1},
                 {"code": "accuracy", "label": "Accuracy", "weight": 2, "scale": "ONE_TO_FIVE"}]}"""
                .formatted(unique("Calibrated"))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");

        call(post("/api/v1/quality/calibrations"), leadToken, """
                {"name": "Week", "market": "DE", "scorecardId": "%s", "cases": ["%s"], "reviewers": []}"""
                .formatted(card, first)).andExpect(status().isBadRequest());
        String id = JsonPath.read(call(post("/api/v1/quality/calibrations"), leadToken, """
                {"name": "Week 49", "market": "DE", "scorecardId": "%s", "cases": ["%s", "%s"], "reviewers": ["%s", "%s"]}"""
                .formatted(card, first, second, anna.username(), ben.username()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");

        rate(leadToken, id, first, "yes", "4");
        rate(leadToken, id, second, "no", "2");
        rate(annaToken, id, first, "yes", "4");
        rate(annaToken, id, second, "yes", "2");
        call(put("/api/v1/quality/calibrations/" + id + "/ratings/" + first), annaToken,
                "{\"answers\": [{\"criterion\": \"tone\", \"value\": \"maybe\"}, {\"criterion\": \"accuracy\", \"value\": \"3\"}]}")
                .andExpect(status().isBadRequest());
        call(get("/api/v1/quality/calibrations/" + id), annaToken, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.ratings.length()").value(2)).andExpect(jsonPath("$.result").doesNotExist());
        // ben rates through the page
        mvc.perform(post("/quality/calibrations/" + id + "/ratings").with(user(ben)).with(csrf()).param("caseKey", first)
                .param("answer.tone", "no").param("answer.accuracy", "4")).andExpect(status().isFound());
        call(get("/api/v1/quality/calibrations/" + id), tokenFor(newUser(Role.QUALITY_REVIEWER, List.of("DE"))), "")
                .andExpect(status().isNotFound());

        call(post("/api/v1/quality/calibrations/" + id + "/reveal"), leadToken, "").andExpect(status().isOk());
        call(post("/api/v1/quality/calibrations/" + id + "/reveal"), leadToken, "").andExpect(status().isConflict());
        rateExpect(annaToken, id, first, 409);
        String view = call(get("/api/v1/quality/calibrations/" + id), annaToken, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.ratings.length()").value(5))
                .andReturn().getResponse().getContentAsString();
        // tone: case 1 yes/yes/no, case 2 no/yes -> both disagree; accuracy: 4/4/4 and 2/2 agree
        List<Integer> agreedTone = JsonPath.read(view, "$.result.criteria[?(@.criterion == 'tone')].agreed");
        List<Integer> agreedAccuracy = JsonPath.read(view, "$.result.criteria[?(@.criterion == 'accuracy')].agreed");
        assertThat(agreedTone).containsExactly(0);
        assertThat(agreedAccuracy).containsExactly(2);
        List<Integer> annaDiffers = JsonPath.read(view, "$.result.deviations[?(@.reviewer == '" + anna.username() + "')].differing");
        assertThat(annaDiffers).containsExactly(1);
        mvc.perform(get("/quality/calibrations/" + id).with(user(lead))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"agreement\"")));
        mvc.perform(get("/quality/calibrations").with(user(anna)).param("sort", "name")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Week 49")));
    }

    private void rate(String token, String id, String key, String tone, String accuracy) throws Exception {
        rateExpect(token, id, key, 200, tone, accuracy);
    }

    private void rateExpect(String token, String id, String key, int status, String... values) throws Exception {
        String tone = values.length > 0 ? values[0] : "yes";
        String accuracy = values.length > 1 ? values[1] : "3";
        call(put("/api/v1/quality/calibrations/" + id + "/ratings/" + key), token, """
                {"answers": [{"criterion": "tone", "value": "%s"}, {"criterion": "accuracy", "value": "%s"}]}"""
                .formatted(tone, accuracy)).andExpect(status().is(status));
    }
}
