package dev.paydesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.UserAccount;
import dev.paydesk.shared.Money;

/** The queue-first workspace: default tab per role, only openable cases, sorting, the bell and its drawer. */
@SpringBootTest
@AutoConfigureMockMvc
class WorkspaceUiTests extends PlatformTestSupport {

    @Autowired
    CaseDesk desk;

    @Autowired
    MoneyActions money;

    @Autowired
    CaseNotifications notifications;

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void markets() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        ensureMarket("FR", "EUR", "Europe/Paris", "fr");
    }

    private CaseSummary open(String subject, String market) {
        List<CaseSummary> out = new ArrayList<>();
        asSystem(() -> out.add(desk.open(NewCase.builder(subject, market, CaseSource.API).language("de")
                .queue("payments").build()).summary()));
        return out.getFirst();
    }

    private String page(UserAccount who, String path) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void anAgentWithoutCasesLandsOnTheUnassignedCasesOfTheirMarketsOnly() throws Exception {
        String word = "ws" + UUID.randomUUID().toString().substring(0, 8);
        CaseSummary de = open("Refund missing " + word, "DE");
        CaseSummary fr = open("Remboursement manquant " + word, "FR");
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));

        String html = page(agent, "/cases");
        assertThat(html).contains("aria-current=\"page\"").containsPattern("(?s)aria-current=\"page\"[^>]*>\\s*<span>Unassigned</span>");
        String search = page(agent, "/cases?view=all&q=" + word);
        assertThat(search).contains(de.key()).doesNotContain(fr.key());
        // the market filter offers only the agent's markets
        assertThat(search).contains("<option value=\"DE\"").doesNotContain("<option value=\"FR\"");
        // the list part refreshes itself, outside the filter form
        assertThat(html).contains("id=\"queue-live\"").contains("hx-trigger=\"every 20s");
    }

    @Test
    void eachRoleLandsOnItsOwnTab() throws Exception {
        assertThat(page(newUser(Role.DISPUTE_SPECIALIST, List.of("DE")), "/cases"))
                .containsPattern("(?s)aria-current=\"page\"[^>]*>\\s*<span>Disputes</span>");
        assertThat(page(newUser(Role.AUDITOR, List.of("DE")), "/cases"))
                .containsPattern("(?s)aria-current=\"page\"[^>]*>\\s*<span>All</span>");
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        CaseSummary mine = open("Chargeback question", "DE");
        asSystem(() -> desk.assign(mine.id(), "payments", agent.getUsername()));
        String html = page(agent, "/cases");
        assertThat(html).containsPattern("(?s)aria-current=\"page\"[^>]*>\\s*<span>Mine</span>").contains(mine.key());
    }

    @Test
    void theQueueSortsByAColumnAndNamesAnUnknownOne() throws Exception {
        String word = "sort" + UUID.randomUUID().toString().substring(0, 8);
        CaseSummary b = open("Beta " + word, "DE");
        CaseSummary a = open("Alpha " + word, "DE");
        UserAccount lead = newUser(Role.PROCESS_MANAGER, List.of("DE"));
        String asc = page(lead, "/cases?view=all&q=" + word + "&sort=subject&dir=asc");
        assertThat(asc.indexOf(a.key())).isLessThan(asc.indexOf(b.key())).isPositive();
        String desc = page(lead, "/cases?view=all&q=" + word + "&sort=subject&dir=desc");
        assertThat(desc.indexOf(b.key())).isLessThan(desc.indexOf(a.key())).isPositive();
        assertThat(page(lead, "/cases?view=all&sort=nonsense")).contains("cannot be sorted by");
        assertThat(page(lead, "/cases?view=all&sort=subject&lang=de")).contains("Betreff").contains("Nächste Frist");
    }

    @Test
    void anAssignmentRingsTheBellAndOpeningItReadsItAndShowsTheCase() throws Exception {
        UserAccount agent = newUser(Role.AGENT, List.of("DE"));
        CaseSummary c = open("Where is my payout", "DE");
        asSystem(() -> desk.assign(c.id(), "payments", agent.getUsername()));
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications.unreadCount(agent.getUsername()) == 1);

        assertThat(page(agent, "/cases/new"))
                .contains("class=\"bell-count\">1<").contains("Notifications: 1 unread");
        String drawer = mvc.perform(get("/cases/notifications").header("HX-Request", "true").with(user(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(drawer).contains("Assigned to you").contains(c.key() + " · Where is my payout").doesNotContain("<html");
        long id = notifications.unread(agent.getUsername()).getFirst().id();
        mvc.perform(post("/cases/notifications/" + id).with(user(agent)).with(csrf()))
                .andExpect(redirectedUrl("/cases/" + c.key()));
        assertThat(notifications.unreadCount(agent.getUsername())).isZero();
        // someone else's notification is not found
        UserAccount other = newUser(Role.AGENT, List.of("DE"));
        mvc.perform(post("/cases/notifications/" + id).with(user(other)).with(csrf())).andExpect(status().isNotFound());
        // taking a case oneself rings nothing
        CaseSummary taken = open("Taken myself", "DE");
        as(agent, () -> {
            desk.assign(taken.id(), "payments", agent.getUsername());
            return null;
        });
        assertThat(page(agent, "/cases/notifications")).contains(c.key()).doesNotContain(taken.key());
    }

    @Test
    void aMentionAndAnApprovalWaitingReachTheRightPeople() throws Exception {
        UserAccount specialist = newUser(Role.SPECIALIST, List.of("DE"));
        UserAccount mentioned = newUser(Role.AGENT, List.of("DE"));
        UserAccount french = newUser(Role.AGENT, List.of("FR"));
        UserAccount approver = newUser(Role.PROCESS_MANAGER, List.of("DE"));
        CaseSummary c = open("Refund above the limit", "DE");
        as(specialist, () -> {
            desk.addNote(c.id(), "@" + mentioned.getUsername() + " and @" + french.getUsername() + " please look");
            return money.request(c.id(), MoneyActionType.REFUND, Money.of(600_00, "EUR"), "psp-1", null, "bank rejected it");
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(notifications.unread(mentioned.getUsername()))
                .anySatisfy(n -> assertThat(n.kind()).isEqualTo("MENTION")));
        assertThat(notifications.unread(approver.getUsername()))
                .anySatisfy(n -> {
                    assertThat(n.kind()).isEqualTo("APPROVAL");
                    assertThat(n.caseKey()).isEqualTo(c.key());
                });
        assertThat(notifications.unread(specialist.getUsername())).noneMatch(n -> n.kind().equals("APPROVAL"));
        // the French agent may not open a German case: no notification
        assertThat(notifications.unread(french.getUsername())).isEmpty();
        assertThat(page(approver, "/cases/notifications?kind=approval&lang=de")).contains("Freigabe wartet").contains(c.key());
    }
}
