package dev.paydesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;

/**
 * A case's version over the API: the ETag of GET, If-Match on writes (stale: 412, RFC 9110 section
 * 13.1.1), a body version (stale: 409), and illegal status moves (409), all as problem+json.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseVersionApiTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    private String token;
    private String key;
    private dev.paydesk.platform.internal.UserAccount agent;

    @BeforeEach
    void aCase() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        agent = newUser(Role.AGENT, List.of("DE"));
        token = tokenFor(agent);
        MvcResult r = mvc.perform(post("/api/v1/cases").header("Authorization", "Bearer " + token)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\": \"Refund twice\", \"market\": \"DE\"}"))
                .andExpect(status().isCreated()).andReturn();
        key = JsonPath.read(r.getResponse().getContentAsString(), "$.key");
    }

    private String etag() throws Exception {
        MvcResult r = mvc.perform(get("/api/v1/cases/" + key).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn();
        int version = JsonPath.read(r.getResponse().getContentAsString(), "$.summary.version");
        String etag = r.getResponse().getHeader("ETag");
        assertThat(etag).isEqualTo("\"" + version + "\"");
        return etag;
    }

    private org.springframework.test.web.servlet.ResultActions priority(String body, String ifMatch) throws Exception {
        var request = put("/api/v1/cases/" + key + "/priority").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body);
        return mvc.perform(ifMatch == null ? request : request.header("If-Match", ifMatch));
    }

    @Test
    void aCurrentIfMatchWritesAndMovesTheEtagAStaleOneIs412() throws Exception {
        String first = etag();
        priority("{\"priority\": \"HIGH\"}", first).andExpect(status().isNoContent());
        String second = etag();
        assertThat(second).isNotEqualTo(first);

        priority("{\"priority\": \"URGENT\"}", first)
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(412));
        mvc.perform(get("/api/v1/cases/" + key).header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.summary.priority").value("HIGH"))
                .andExpect(header().string("ETag", second));
    }

    @Test
    void aStaleBodyVersionIs409AndACurrentOneWrites() throws Exception {
        int version = Integer.parseInt(etag().replace("\"", ""));
        mvc.perform(post("/api/v1/cases/" + key + "/notes").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"body\": \"checked\", \"version\": " + version + "}"))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/cases/" + key + "/replies").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"body\": \"Hello\", \"version\": " + version + "}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("changed since version " + version)));
        mvc.perform(get("/api/v1/cases/" + key).header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.timeline[?(@.kind == 'MESSAGE_OUT')]").isEmpty());
    }

    @Test
    void anIllegalStatusMoveIsAConflict() throws Exception {
        mvc.perform(put("/api/v1/cases/" + key + "/status").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"CLOSED\"}")).andExpect(status().isNoContent());
        mvc.perform(put("/api/v1/cases/" + key + "/status").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"RESOLVED\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/api/v1/cases/" + key + "/status").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"OPEN\"}")).andExpect(status().isNoContent());
    }

    @Test
    void aReplyFromAStalePageIsNotSentShowsWhatChangedAndKeepsTheText() throws Exception {
        int rendered = Integer.parseInt(etag().replace("\"", ""));
        mvc.perform(post("/api/v1/cases/" + key + "/notes").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"body\": \"Customer called: refund arrived\"}"))
                .andExpect(status().isNoContent());
        MvcResult stale = mvc.perform(post("/cases/" + key + "/reply").with(user(agent)).with(csrf())
                        .param("body", "Your refund is on its way").param("version", Integer.toString(rendered)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("replyDraft", "Your refund is on its way"))
                .andExpect(flash().attribute("staleSince", rendered)).andReturn();
        mvc.perform(get("/cases/" + key).with(user(agent))
                        .requestAttr(org.springframework.web.servlet.DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, stale.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This case changed since you opened it")))
                .andExpect(content().string(containsString("Customer called: refund arrived")))
                .andExpect(content().string(containsString(">Your refund is on its way</textarea>")));
        mvc.perform(get("/api/v1/cases/" + key).header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.timeline[?(@.kind == 'MESSAGE_OUT')]").isEmpty());
    }
}
