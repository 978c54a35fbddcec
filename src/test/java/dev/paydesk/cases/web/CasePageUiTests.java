package dev.paydesk.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.cases.NewCase;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;

/** Who may do what on the case page's new routes, and that nothing is sent or moved unseen. */
@SpringBootTest
@AutoConfigureMockMvc
class CasePageUiTests extends PlatformTestSupport {

    @Autowired
    CaseDesk desk;
    @Autowired
    CaseWorkbench workbench;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private CaseSummary c;
    private String macro;

    @BeforeEach
    void aCaseAndAMacro() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        macro = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        CaseSummary[] opened = new CaseSummary[1];
        asSystem(() -> {
            workbench.saveMacro(new CaseWorkbench.Macro(macro, "en", "Status", "Hello, about {{case.key}}."));
            opened[0] = desk.open(NewCase.builder("Page routes", "DE", CaseSource.API).language("en").queue("payments")
                    .build()).summary();
        });
        c = opened[0];
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(c.id()).query(Long.class).single();
    }

    @Test
    void choosingAMacroShowsItsTextAndSendsNothingAndAnEmptyReplyIsRefusedNamingTheField() throws Exception {
        var agent = newUser(Role.AGENT, List.of("DE"));
        mvc.perform(get("/cases/" + c.key() + "/reply-draft").param("macro", macro).with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Hello, about " + c.key() + ".</textarea>")));
        mvc.perform(get("/cases/" + c.key()).param("macro", macro).with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Hello, about " + c.key() + ".</textarea>")));
        mvc.perform(post("/cases/" + c.key() + "/reply").with(user(agent)).with(csrf()).param("body", "").param("macro", macro))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", containsString("Message: the macro was not sent unseen")));
        assertThat(count("select count(*) from cases_entry where case_id = ? and kind = 'MESSAGE_OUT'")).isZero();
    }

    @Test
    void anAgentRequestsARefundButOnlyAnotherApproverSeesAndMayUseApprove() throws Exception {
        var agent = newUser(Role.AGENT, List.of("DE"));
        var specialist = newUser(Role.SPECIALIST, List.of("DE"));
        var manager = newUser(Role.PROCESS_MANAGER, List.of("DE"));
        var auditor = newUser(Role.AUDITOR, List.of());
        String money = "/cases/" + c.key() + "/money";

        mvc.perform(post(money).with(user(agent)).with(csrf()).param("type", "WRITE_OFF").param("amount", "5.00")
                        .param("currency", "EUR").param("reason", "x"))
                .andExpect(flash().attribute("error", containsString("Action: agents request refunds and goodwill only")));
        mvc.perform(post(money).with(user(agent)).with(csrf()).param("type", "REFUND").param("amount", "abc")
                        .param("currency", "EUR").param("reason", "x"))
                .andExpect(flash().attribute("error", containsString("Amount: ")));
        assertThat(count("select count(*) from cases_money_action where case_id = ?")).isZero();

        mvc.perform(post(money).with(user(agent)).with(csrf()).param("type", "REFUND").param("amount", "12.50")
                        .param("currency", "EUR").param("reason", "Parcel returned"))
                .andExpect(flash().attribute("flash", containsString("waiting for approval")));
        UUID action = jdbc.sql("select id from cases_money_action where case_id = ?").param(c.id()).query(UUID.class).single();

        mvc.perform(get("/cases/" + c.key()).with(user(agent))).andExpect(content().string(not(containsString("money-decision"))));
        mvc.perform(get("/cases/" + c.key()).with(user(specialist))).andExpect(content().string(not(containsString("money-decision"))));
        mvc.perform(get("/cases/" + c.key()).with(user(manager))).andExpect(content().string(containsString("money-decision")));

        mvc.perform(post(money + "/" + action).with(user(auditor)).with(csrf()).param("decision", "approve"))
                .andExpect(status().isForbidden());
        mvc.perform(post(money + "/" + action).with(user(agent)).with(csrf()).param("decision", "approve"))
                .andExpect(flash().attribute("error", containsString("second person")));
        assertThat(count("select count(*) from cases_money_action where case_id = ? and status = 'PENDING_APPROVAL'")).isOne();
        mvc.perform(post(money + "/" + action).with(user(manager)).with(csrf()).param("decision", "approve"))
                .andExpect(flash().attribute("flash", "Refund of 12.50 EUR approved"));
        assertThat(count("select count(*) from cases_money_action where case_id = ? and status = 'APPROVED'")).isOne();
    }
}
