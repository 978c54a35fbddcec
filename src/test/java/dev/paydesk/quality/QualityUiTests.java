package dev.paydesk.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.UserAccount;

/**
 * The quality pages: the scorecard editor (a rejected save keeps what was typed), the review workspace, the
 * case page's quality panel, the agent's dispute and the lead's decision.
 */
@SpringBootTest
@AutoConfigureMockMvc
class QualityUiTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void editReviewDisputeAndDecideThroughThePages() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        UserAccount lead = newUser(Role.PROCESS_MANAGER, List.of("DE"));
        UserAccount reviewer = newUser(Role.QUALITY_REVIEWER, List.of("DE"));
        String name = unique("UI card");

        long cards = jdbc.sql("select count(*) from quality_scorecard").query(Long.class).single();
        mvc.perform(post("/quality/scorecards").with(user(lead)).with(csrf()).param("name", name).param("market", "DE")
                        .param("code", "greeting", "verification").param("label", "Greets by name", "Verified")
                        .param("section", "Tone", "Compliance").param("weight", "0", "2")
                        .param("scale", "YES_NO", "YES_NO").param("critical", "false", "true").param("check", "", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("weights must be positive")))
                .andExpect(content().string(containsString("value=\"Greets by name\"")));
        assertThat(jdbc.sql("select count(*) from quality_scorecard").query(Long.class).single()).isEqualTo(cards);

        mvc.perform(post("/quality/scorecards").with(user(lead)).with(csrf()).param("name", name).param("market", "DE")
                        .param("code", "greeting", "verification", "").param("label", "Greets by name", "Verified", "")
                        .param("section", "Tone", "Compliance", "").param("weight", "1", "2", "1")
                        .param("scale", "YES_NO", "YES_NO", "YES_NO").param("critical", "false", "true", "false")
                        .param("check", "", "", ""))
                .andExpect(status().isFound());
        UUID cardId = jdbc.sql("select id from quality_scorecard where name = ? and status = 'ACTIVE'").param(name)
                .query(UUID.class).single();
        mvc.perform(get("/quality/scorecards").with(user(reviewer)).param("sort", "version").param("dir", "desc")
                        .param("q", name))
                .andExpect(status().isOk()).andExpect(content().string(containsString(name)));
        mvc.perform(get("/quality/scorecards/new").with(user(lead)).param("from", cardId.toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("value=\"verification\"")));
        mvc.perform(get("/quality/scorecards/new").with(user(reviewer))).andExpect(status().isForbidden());

        String key = QualityFixtures.resolvedCase(mvc, tokenFor(agent), agent.username());
        mvc.perform(get("/quality/cases/" + key + "/review").with(user(reviewer)).param("scorecard", cardId.toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Greets by name")))
                .andExpect(content().string(containsString("name=\"answer.verification\"")));
        mvc.perform(post("/quality/cases/" + key + "/review").with(user(reviewer)).with(csrf())
                        .param("scorecardId", cardId.toString()).param("answer.greeting", "maybe")
                        .param("answer.verification", "yes").param("comment.verification", "SOP log checked"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("outside its scale")))
                .andExpect(content().string(containsString("SOP log checked")));
        assertThat(jdbc.sql("select count(*) from quality_review where case_key = ?").param(key).query(Long.class).single())
                .isZero();
        // greeting no (weight 1), verification yes (weight 2): 2 of 3 points
        mvc.perform(post("/quality/cases/" + key + "/score").with(user(reviewer)).with(csrf())
                        .param("scorecardId", cardId.toString()).param("answer.greeting", "no").param("answer.verification", "yes"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("66.67")));
        mvc.perform(post("/quality/cases/" + key + "/score").with(user(reviewer)).with(csrf())
                        .param("scorecardId", cardId.toString()).param("answer.greeting", "no"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("criterion &#39;verification&#39;")));
        mvc.perform(post("/quality/cases/" + key + "/review").with(user(reviewer)).with(csrf())
                        .param("scorecardId", cardId.toString()).param("answer.greeting", "no")
                        .param("answer.verification", "yes").param("comment.greeting", "no name used"))
                .andExpect(status().isFound());
        UUID reviewId = jdbc.sql("select id from quality_review where case_key = ?").param(key).query(UUID.class).single();

        mvc.perform(get("/quality/reports").with(user(lead)).param("by", "agent").param("q", agent.username()))
                .andExpect(status().isOk()).andExpect(content().string(containsString(agent.username())))
                .andExpect(content().string(containsString("<code>greeting</code>")));
        mvc.perform(get("/quality/reports").with(user(lead)).param("by", "nonsense")).andExpect(status().isOk());
        // the agent has no supplier: their review counts as in-house
        mvc.perform(get("/quality/reports").with(user(lead)).param("by", "supplier").param("q", "in-house"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("<td>in-house</td>")));
        mvc.perform(get("/quality/assignments").with(user(lead))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"otherSupplier\"")));
        mvc.perform(get("/cases/" + key).with(user(lead))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"quality-panel\"")))
                .andExpect(content().string(containsString("/quality/reviews/" + reviewId)))
                .andExpect(content().string(containsString("/quality/cases/" + key + "/review")));
        mvc.perform(get("/quality").with(user(agent)).param("view", "mine").param("sort", "score"))
                .andExpect(status().isOk()).andExpect(content().string(containsString(key)));
        mvc.perform(get("/quality/reviews/" + reviewId).with(user(newUser(Role.AGENT, List.of("DE")))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/quality/reviews/" + reviewId).with(user(agent))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/quality/reviews/" + reviewId + "/dispute")))
                .andExpect(content().string(not(containsString("/decision"))));

        mvc.perform(post("/quality/reviews/" + reviewId + "/dispute").with(user(agent)).with(csrf())
                .param("criterion", "greeting").param("reason", "I greeted by name in the first reply"))
                .andExpect(status().isFound());
        assertThat(reviewStatus(reviewId)).isEqualTo("DISPUTED");
        mvc.perform(get("/quality").with(user(lead)).param("view", "disputed")).andExpect(status().isOk())
                .andExpect(content().string(containsString(key)));
        mvc.perform(get("/quality/reviews/" + reviewId).with(user(lead))).andExpect(status().isOk())
                .andExpect(content().string(containsString("[greeting] I greeted by name")))
                .andExpect(content().string(containsString("/decision")));
        mvc.perform(post("/quality/reviews/" + reviewId + "/decision").with(user(lead)).with(csrf())
                .param("uphold", "false").param("note", "Greeting found in the reply")).andExpect(status().isFound());
        assertThat(reviewStatus(reviewId)).isEqualTo("OVERTURNED");
        mvc.perform(post("/quality/reviews/" + reviewId + "/decision").with(user(lead)).with(csrf())
                .param("uphold", "true").param("note", "again")).andExpect(status().isFound());
        assertThat(reviewStatus(reviewId)).isEqualTo("OVERTURNED");

        mvc.perform(post("/quality/scorecards/" + cardId + "/retire").with(user(lead)).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(get("/quality/scorecards/" + cardId).with(user(agent))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Retired")));
    }

    private String reviewStatus(UUID reviewId) {
        return jdbc.sql("select status from quality_review where id = ?").param(reviewId).query(String.class).single();
    }
}
