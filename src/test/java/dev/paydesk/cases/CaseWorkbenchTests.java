package dev.paydesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;

/** Bulk dry run versus the real change, CSAT links end to end, macros and SOP steps, the case pages. */
@SpringBootTest
@AutoConfigureMockMvc
class CaseWorkbenchTests extends PlatformTestSupport {

    @Autowired
    CaseDesk desk;

    @Autowired
    BulkChanges bulk;

    @Autowired
    CaseWorkbench workbench;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void markets() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
    }

    private CaseSummary open(String subject, List<String> tags) {
        List<CaseSummary> out = new ArrayList<>();
        asSystem(() -> out.add(desk.open(NewCase.builder(subject, "DE", CaseSource.API).language("de").tags(tags)
                .queue("payments").build()).summary()));
        return out.getFirst();
    }

    @Test
    void theDryRunListsExactlyWhatTheBulkChangeThenDoes() {
        String incident = "inc-" + UUID.randomUUID().toString().substring(0, 8);
        CaseSummary a = open("Refund failed A", List.of(incident));
        CaseSummary b = open("Refund failed B", List.of(incident, "vip"));
        CaseSummary c = open("Refund failed C", List.of(incident));
        asSystem(() -> desk.changeStatus(c.id(), CaseStatus.WAITING, WaitingReason.PROVIDER));
        CaseQuery selection = new CaseQuery(CaseQuery.View.ALL, null, java.util.Set.of(), null, null, null, null, null,
                incident, 50, 0);
        BulkChanges.Change change = new BulkChanges.Change("refunds", null, CaseStatus.WAITING, WaitingReason.PROVIDER,
                "refund-failed", List.of("incident-cleanup"), List.of("vip"), null, "Known incident: bank batch rejected");

        BulkChanges.Plan[] preview = new BulkChanges.Plan[1];
        asSystem(() -> preview[0] = bulk.preview(selection, change));
        assertThat(preview[0].cases()).hasSize(3);
        // the preview changed nothing
        asSystem(() -> assertThat(desk.get(a.id()).summary().queue()).isEqualTo("payments"));

        BulkChanges.Plan[] applied = new BulkChanges.Plan[1];
        asSystem(() -> applied[0] = bulk.apply(selection, change));
        assertThat(applied[0]).isEqualTo(preview[0]);

        for (BulkChanges.CasePlan plan : preview[0].cases()) {
            asSystem(() -> {
                CaseDetail after = desk.get(plan.caseId());
                for (BulkChanges.FieldChange f : plan.changes()) {
                    String actual = switch (f.field()) {
                        case "queue" -> after.summary().queue();
                        case "status" -> after.summary().status() + (after.summary().waitingReason() == null ? ""
                                : "/" + after.summary().waitingReason());
                        case "category" -> after.summary().category();
                        case "tags" -> String.join(",", after.summary().tags());
                        case "note" -> after.timeline().stream().filter(e -> e.kind() == EntryKind.NOTE).map(TimelineEntry::body)
                                .reduce((x, y) -> y).orElse("");
                        default -> throw new AssertionError(f.field());
                    };
                    assertThat(actual).as(plan.key() + " " + f.field()).isEqualTo(f.after());
                }
            });
        }
        // c was already waiting for the provider: no status line for it
        assertThat(preview[0].cases().stream().filter(p -> p.caseId().equals(c.id())).findFirst().orElseThrow().changes())
                .extracting(BulkChanges.FieldChange::field).doesNotContain("status");
        asSystem(() -> assertThat(desk.get(b.id()).summary().tags()).doesNotContain("vip").contains("incident-cleanup"));
        // running it again changes nothing
        asSystem(() -> assertThat(bulk.preview(selection, new BulkChanges.Change("refunds", null, CaseStatus.WAITING,
                WaitingReason.PROVIDER, "refund-failed", List.of("incident-cleanup"), List.of("vip"), null, null)).cases()).isEmpty());
    }

    @Test
    void aResolutionReplyCarriesASignedSurveyThatTheCustomerAnswersOnce() throws Exception {
        var agent = newUser(Role.AGENT, List.of("DE"));
        CaseSummary c = open("Where is my refund", List.of());
        mvc.perform(post("/cases/" + c.key() + "/reply").with(user(agent)).with(csrf())
                        .param("body", "Your refund was sent today.").param("then", "RESOLVED"))
                .andExpect(status().is3xxRedirection());
        String sent = jdbc.sql("select body from cases_entry where case_id = ? and kind = 'MESSAGE_OUT'").param(c.id())
                .query(String.class).single();
        Matcher m = Pattern.compile("/csat/([A-Za-z0-9_.-]+)").matcher(sent);
        assertThat(m.find()).as(sent).isTrue();
        String token = m.group(1);

        mvc.perform(get("/csat/" + token)).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(c.key())));
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        mvc.perform(get("/csat/" + tampered)).andExpect(status().isNotFound());
        mvc.perform(post("/csat/" + tampered).with(csrf()).param("rating", "1")).andExpect(status().isNotFound());
        mvc.perform(post("/csat/" + token).with(csrf()).param("rating", "9")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("1 to 5")));
        mvc.perform(post("/csat/" + token).with(csrf()).param("rating", "4").param("comment", "Quick, thanks"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Thank you")));
        assertThat(jdbc.sql("select rating from cases_csat where case_id = ?").param(c.id()).query(Integer.class).single())
                .isEqualTo(4);
        asSystem(() -> assertThat(workbench.csatBy("queue")).anySatisfy(row -> {
            assertThat(row.group()).isEqualTo("payments");
            assertThat(row.answered()).isPositive();
        }));
        // a new survey for the case replaces the old link
        asSystem(() -> workbench.withSurvey(c.id(), "again"));
        mvc.perform(get("/csat/" + token)).andExpect(status().isNotFound());
    }

    @Test
    void macrosFillPlaceholdersAndSopStepsAreRecorded() {
        CaseSummary c = open("Refund status", List.of());
        String category = "cat-" + UUID.randomUUID().toString().substring(0, 6);
        asSystem(() -> {
            workbench.saveMacro(new CaseWorkbench.Macro("refund-status", "de", "Erstattung",
                    "Hallo, zu {{case.key}}: {{order.ref}} {{unknown.thing}}"));
            desk.link(c.id(), new CaseLink(LinkKind.ORDER, "ORD-MACRO-1"));
            assertThat(workbench.renderMacro(c.id(), "refund-status"))
                    .isEqualTo("Hallo, zu " + c.key() + ": ORD-MACRO-1 [unknown.thing unknown]");
            desk.categorise(c.id(), category, true);
            workbench.publishSop(category, null, "Generic", List.of("one"));
            CaseWorkbench.Sop sop = workbench.publishSop(category, "DE", "Refund check DE", List.of("Check PSP", "Check bank"));
            CaseSummary now = desk.get(c.id()).summary();
            assertThat(workbench.sop(now).orElseThrow().id()).isEqualTo(sop.id());
            workbench.checkSopStep(c.id(), sop.id(), 2);
            workbench.checkSopStep(c.id(), sop.id(), 2);
            CaseWorkbench.Sop after = workbench.sop(now).orElseThrow();
            assertThat(after.steps().get(0).doneBy()).isNull();
            assertThat(after.steps().get(1).doneBy()).isEqualTo("test-setup");
            assertThat(desk.get(c.id()).timeline().stream().filter(e -> e.kind() == EntryKind.SOP_STEP)).hasSize(1);
        });
    }

    @Test
    void theCasePagesRender() throws Exception {
        var specialist = newUser(Role.SPECIALIST, List.of("DE"));
        CaseSummary c = open("Page check", List.of("x"));
        for (String path : List.of("/cases", "/cases?view=all", "/cases?view=breaching_soon", "/cases/new",
                "/cases/" + c.key(), "/cases/approvals", "/cases/approvals?sort=amount&type=REFUND&q=x", "/cases/bulk")) {
            mvc.perform(get(path).with(user(specialist))).andExpect(status().isOk());
        }
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/cases/import")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "c.csv", "text/csv",
                                "subject,market\nUploaded,DE\n,DE\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .with(user(specialist)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("rows with errors")));
        var manager = newUser(Role.PROCESS_MANAGER, List.of("DE"));
        mvc.perform(get("/cases/settings").with(user(manager))).andExpect(status().isOk());
        mvc.perform(get("/cases/settings").with(user(specialist))).andExpect(status().isForbidden());
        mvc.perform(post("/cases/bulk").with(user(specialist)).with(csrf()).param("view", "all").param("tag", "x")
                        .param("newStatus", "WAITING_CUSTOMER").param("action", "preview"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(c.key())));
        var auditor = newUser(Role.AUDITOR, List.of());
        mvc.perform(post("/cases/" + c.key() + "/note").with(user(auditor)).with(csrf()).param("body", "x"))
                .andExpect(status().isForbidden());
        ensureMarket("FR", "EUR", "Europe/Paris", "fr");
        var outsider = newUser(Role.AGENT, List.of("FR"));
        mvc.perform(get("/cases/" + c.key()).with(user(outsider))).andExpect(status().isNotFound());
    }
}
