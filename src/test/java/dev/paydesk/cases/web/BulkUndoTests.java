package dev.paydesk.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.NewCase;
import dev.paydesk.cases.WaitingReason;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.UserAccount;

/** Undoing a bulk change puts back what it set, except where someone changed the case since. */
@SpringBootTest
@AutoConfigureMockMvc
class BulkUndoTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseDesk desk;

    private CaseSummary open(String tag) {
        List<CaseSummary> out = new ArrayList<>();
        asSystem(() -> {
            CaseSummary c = desk.open(NewCase.builder("Undo " + tag, "DE", CaseSource.API).description("").language("de")
                    .tags(List.of(tag)).queue("payments").build()).summary();
            desk.changeStatus(c.id(), CaseStatus.OPEN, null);
            out.add(c);
        });
        return out.getFirst();
    }

    private CaseSummary now(CaseSummary c) {
        List<CaseSummary> out = new ArrayList<>();
        asSystem(() -> out.add(desk.get(c.id()).summary()));
        return out.getFirst();
    }

    @Test
    void anAppliedBulkChangeIsUndoneWhereNobodyTouchedTheCaseSince() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        UserAccount specialist = newUser(Role.SPECIALIST, List.of("DE"));
        MockHttpSession session = new MockHttpSession();
        String incident = "inc-" + UUID.randomUUID().toString().substring(0, 8);
        CaseSummary a = open(incident);
        CaseSummary b = open(incident);

        MvcResult applied = mvc.perform(post("/cases/bulk").with(user(specialist)).with(csrf()).session(session)
                        .param("view", "all").param("tag", incident).param("newStatus", "WAITING_CUSTOMER")
                        .param("addTags", "handled").param("action", "apply"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Undo this bulk change"))).andReturn();
        Matcher token = Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"").matcher(applied.getResponse().getContentAsString());
        assertThat(token.find()).isTrue();
        assertThat(now(b).status()).isEqualTo(CaseStatus.WAITING);
        asSystem(() -> desk.setTags(a.id(), List.of(incident, "handled", "by-hand")));

        MockHttpServletRequestBuilder undo = post("/cases/bulk/undo").with(user(specialist)).with(csrf()).session(session)
                .param("token", token.group(1));
        if (applied.getResponse().getCookie("SESSION") != null) {
            undo = undo.cookie(applied.getResponse().getCookie("SESSION"));
        }
        mvc.perform(undo).andExpect(status().isFound())
                .andExpect(flash().attribute("flash", "Bulk change undone on 2 cases. Left as they are (changed since, or a reply "
                        + "or note that cannot be recalled): " + a.key() + " tags."));

        assertThat(now(a).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(now(a).tags()).containsExactly(incident, "handled", "by-hand");
        assertThat(now(b).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(now(b).waitingReason()).isNotEqualTo(WaitingReason.CUSTOMER);
        assertThat(now(b).tags()).containsExactly(incident);

        mvc.perform(post("/cases/bulk/undo").with(user(specialist)).with(csrf()).session(session).param("token", token.group(1)))
                .andExpect(status().isFound()).andExpect(flash().attribute("error", "There is no bulk change of yours to undo."));
    }
}
