package dev.paydesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.knowledge.internal.KnowledgeService;
import dev.paydesk.knowledge.internal.ReviewNotices;
import dev.paydesk.knowledge.internal.Tags;
import dev.paydesk.platform.JobCoordinator;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.internal.UserAccount;

/** Owners are told once per article and review date that a review has come, through the header bell. */
@SpringBootTest
@AutoConfigureMockMvc
class ReviewNoticesTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    KnowledgeService knowledge;

    @Autowired
    ReviewNotices notices;

    @Autowired
    JobCoordinator jobs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOwnerIsToldOncePerReviewDateAndOpensTheArticleFromTheBell() throws Exception {
        UserAccount owner = newUser(Role.PROCESS_MANAGER, List.of());
        UserAccount other = newUser(Role.PROCESS_MANAGER, List.of());
        LocalDate today = LocalDate.now();
        String due = as(other, () -> knowledge.create(new KnowledgeService.ArticleInput(null, "Klarna refund review",
                "Text", null, "en", owner.username(), today.minusDays(3), Tags.NONE)).id());
        String later = as(other, () -> knowledge.create(new KnowledgeService.ArticleInput(null, "Future review",
                "Text", null, "en", owner.username(), today.plusDays(30), Tags.NONE)).id());

        // the job runs under the lease; a second run (or a second node) tells nobody twice
        assertThat(jobs.runExclusively("knowledge.review-notices-test", java.time.Duration.ofMinutes(1), notices::notifyDue)).isTrue();
        notices.notifyDue();
        assertThat(jdbc.sql("select article_id from knowledge_review_notice where owner = ?").param(owner.username())
                .query(String.class).list()).containsExactly(due).doesNotContain(later);
        assertThat(notices.unreadCount(other.username())).isZero();

        mvc.perform(get("/knowledge").with(user(owner))).andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-get=\"/knowledge/reviews\"")));
        mvc.perform(get("/knowledge/reviews").with(user(owner)).header("HX-Request", "true")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Review Klarna refund review")));
        mvc.perform(get("/knowledge/reviews").with(user(owner)).param("sort", "due")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Klarna refund review")));
        long id = notices.recent(owner.username(), 5).getFirst().id();
        mvc.perform(post("/knowledge/reviews/" + id).with(user(other)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/knowledge/reviews/" + id).with(user(owner)).with(csrf()))
                .andExpect(redirectedUrl("/knowledge/articles/" + due));
        assertThat(notices.unreadCount(owner.username())).isZero();

        // a new review date is a new notice
        as(owner, () -> knowledge.edit(due, 1, new KnowledgeService.ArticleInput(null, "Klarna refund review", "Reviewed",
                null, null, null, today.minusDays(1), null)));
        notices.notifyDue();
        assertThat(notices.unreadCount(owner.username())).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'knowledge.review.notified' and entity_id = ?")
                .param(due).query(Integer.class).single()).isEqualTo(2);
    }
}
