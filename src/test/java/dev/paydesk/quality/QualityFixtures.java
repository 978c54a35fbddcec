package dev.paydesk.quality;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/** Cases for quality tests, made through the case API. */
public final class QualityFixtures {

    private QualityFixtures() {
    }

    /** A DE case the agent opened, assigned to themselves and resolved; its key. */
    public static String resolvedCase(MockMvc mvc, String agentToken, String agent) throws Exception {
        String json = mvc.perform(json(post("/api/v1/cases").header("Idempotency-Key", UUID.randomUUID().toString()),
                        agentToken, "{\"subject\": \"Refund not received\", \"description\": \"where is my money\", \"market\": \"DE\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String key = JsonPath.read(json, "$.key");
        mvc.perform(json(put("/api/v1/cases/" + key + "/assignment"), agentToken, "{\"assignee\": \"" + agent + "\"}"))
                .andExpect(status().is2xxSuccessful());
        mvc.perform(json(put("/api/v1/cases/" + key + "/status"), agentToken, "{\"status\": \"RESOLVED\"}"))
                .andExpect(status().is2xxSuccessful());
        return key;
    }

    public static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String token, String body) {
        return request.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
