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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.cases.CaseSettings;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.UserAccount;

/** The settings pages: each setting listed, opened by clicking, and refused with a message that names the field. */
@SpringBootTest
@AutoConfigureMockMvc
class CaseSettingsUiTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseSettings settings;

    private UserAccount lead;

    @BeforeEach
    void lead() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        lead = newUser(Role.PROCESS_MANAGER, List.of());
    }

    private static String category() {
        return "cat-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void everySettingsPageOpensForALeadAndWebhooksOnlyForAdmins() throws Exception {
        for (String page : List.of("", "/policies", "/rules", "/queues", "/agents", "/macros", "/sops", "/csat",
                "/csat?by=agent", "/queues/payments")) {
            mvc.perform(get("/cases/settings" + page).with(user(lead))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("/cases/settings/policies")));
        }
        mvc.perform(get("/cases/settings/webhooks").with(user(lead))).andExpect(status().isForbidden());
        mvc.perform(get("/cases/settings/webhooks").with(user(newUser(Role.ADMIN, List.of())))).andExpect(status().isOk());
        mvc.perform(get("/cases/settings/policies").with(user(newUser(Role.AGENT, List.of("DE"))))).andExpect(status().isForbidden());
    }

    @Test
    void aPolicyIsOpenedByClickingItsNameNotByTypingAnId() throws Exception {
        String category = category();
        CaseSettings.SlaPolicy[] saved = new CaseSettings.SlaPolicy[1];
        asSystem(() -> saved[0] = settings.savePolicy(new CaseSettings.SlaPolicy(0, "Policy " + category, category,
                null, null, 60, null, null, 10, java.util.Set.of(), null)));
        CaseSettings.SlaPolicy p = saved[0];
        mvc.perform(get("/cases/settings/policies").with(user(lead))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/cases/settings/policies/" + p.id() + "\"")))
                .andExpect(content().string(not(containsString("Id (0 = new)"))));
        mvc.perform(get("/cases/settings/policies/" + p.id()).with(user(lead))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Policy " + category + "\"")));
        mvc.perform(post("/cases/settings/policies").with(user(lead)).with(csrf()).param("id", Long.toString(p.id()))
                        .param("name", "Renamed " + category).param("category", category).param("firstResponseMinutes", "90"))
                .andExpect(status().isFound());
        assertThat(settings.policies()).filteredOn(x -> x.id() == p.id()).singleElement()
                .satisfies(x -> assertThat(x.name()).isEqualTo("Renamed " + category))
                .satisfies(x -> assertThat(x.firstResponseMinutes()).isEqualTo(90));
    }

    @Test
    void aMissingFieldABadValueAndARealDuplicateAreThreeDifferentMessages() throws Exception {
        String category = category();
        mvc.perform(post("/cases/settings/policies").with(user(lead)).with(csrf()).param("id", "0").param("name", "")
                        .param("category", category))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<p class=\"field-error\" id=\"err-name\">Name: a value is required</p>")));
        mvc.perform(post("/cases/settings/policies").with(user(lead)).with(csrf()).param("id", "0").param("name", "A")
                        .param("category", category).param("firstResponseMinutes", "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("First response (min): &#39;abc&#39; is not a whole number")));
        assertThat(settings.policies()).noneMatch(x -> category.equals(x.category()));

        mvc.perform(post("/cases/settings/policies").with(user(lead)).with(csrf()).param("id", "0").param("name", "First")
                .param("category", category)).andExpect(status().isFound());
        mvc.perform(post("/cases/settings/policies").with(user(lead)).with(csrf()).param("id", "0").param("name", "Second")
                        .param("category", category))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "Scope (category, market, priority): the policy &#39;First&#39; already covers category " + category)))
                .andExpect(content().string(not(containsString("conflicts with an existing entry"))));
        mvc.perform(post("/cases/settings/policies").with(user(lead)).with(csrf()).param("id", "0").param("name", "B")
                        .param("category", category).param("priority", "HIGH").param("firstResponseMinutes", "0")
                        .locale(Locale.GERMANY))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Erste Antwort (Min.): a target is a positive number")));
    }

    @Test
    void theApiNamesTheFieldToo() throws Exception {
        String token = tokenFor(lead);
        String category = category();
        mvc.perform(post("/api/v1/case-settings/sla-policies").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"id\": 0, \"category\": \"" + category + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("warnBeforeMinutes"))
                .andExpect(jsonPath("$.detail").value("a value is required"));
        mvc.perform(post("/api/v1/case-settings/sla-policies").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\": 0, \"category\": \"" + category + "\", \"warnBeforeMinutes\": 5}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("name"));
        mvc.perform(post("/api/v1/case-settings/routing-rules").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"id\": 0, \"position\": 5, \"queue\": \"no-such-queue\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("queue"));
    }

    @Test
    void aRoutingRuleTakesItsAmountInTheUsersLocaleAndIsEditedInPlace() throws Exception {
        String category = category();
        mvc.perform(post("/cases/settings/rules").with(user(lead)).with(csrf()).locale(Locale.GERMANY).param("id", "0")
                        .param("position", "7").param("category", category).param("minAmount", "abc").param("currency", "EUR")
                        .param("queue", "refunds"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Betrag ab: „abc“ ist kein Betrag")));
        mvc.perform(post("/cases/settings/rules").with(user(lead)).with(csrf()).locale(Locale.GERMANY).param("id", "0")
                        .param("position", "7").param("category", category).param("minAmount", "49,90").param("currency", "eur")
                        .param("queue", "refunds"))
                .andExpect(status().isFound());
        CaseSettings.RoutingRule rule = settings.routingRules().stream().filter(r -> category.equals(r.category())).findFirst()
                .orElseThrow();
        assertThat(rule.minAmountMinor()).isEqualTo(4990L);
        assertThat(rule.currency()).isEqualTo("EUR");
        mvc.perform(get("/cases/settings/rules/" + rule.id()).with(user(lead)).locale(Locale.GERMANY)).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"49,90\"")));
        mvc.perform(post("/cases/settings/rules").with(user(lead)).with(csrf()).param("id", Long.toString(rule.id()))
                        .param("position", "8").param("category", category).param("queue", "no-such-queue"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Queue: there is no queue")));
        mvc.perform(post("/cases/settings/rules").with(user(lead)).with(csrf()).param("id", Long.toString(rule.id()))
                        .param("position", "8").param("category", category).param("queue", "payments"))
                .andExpect(status().isFound());
        assertThat(settings.routingRules()).filteredOn(r -> r.id() == rule.id()).singleElement()
                .satisfies(r -> assertThat(r.queue()).isEqualTo("payments")).satisfies(r -> assertThat(r.minAmountMinor()).isNull());
        mvc.perform(post("/cases/settings/rules/" + rule.id() + "/delete").with(user(lead)).with(csrf())).andExpect(status().isFound());
        assertThat(settings.routingRules()).noneMatch(r -> r.id() == rule.id());
    }

    @Test
    void aSopEditPublishesANewVersionAndAMacroIsEditedByCodeAndLanguage() throws Exception {
        String category = category();
        mvc.perform(post("/cases/settings/sops").with(user(lead)).with(csrf()).param("category", category).param("title", "Check")
                .param("steps", "one\ntwo")).andExpect(status().isFound());
        mvc.perform(post("/cases/settings/sops").with(user(lead)).with(csrf()).param("category", category).param("title", "Check")
                .param("steps", "one\ntwo\nthree")).andExpect(status().isFound()).andExpect(flash().attribute("flash",
                "SOP \"Check\" published as version 2."));
        mvc.perform(post("/cases/settings/sops").with(user(lead)).with(csrf()).param("category", category).param("title", "Check")
                .param("steps", " ")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Steps (one per line): a value is required")));
        String code = "m-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/cases/settings/macros").with(user(lead)).with(csrf()).param("code", code).param("language", "de")
                .param("title", "Hallo").param("body", "Guten Tag {{customer.ref}}")).andExpect(status().isFound());
        mvc.perform(get("/cases/settings/macros/" + code + "/de").with(user(lead))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Guten Tag {{customer.ref}}")));
        mvc.perform(post("/cases/settings/macros").with(user(lead)).with(csrf()).param("code", code).param("language", "deutsch")
                .param("title", "").param("body", "x")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Title: a value is required")))
                .andExpect(content().string(containsString("Language: a language is a two-letter code")));
    }

    @Test
    void findingsAreAssignedOnlyToAUserThatExistsAndOnlyWhenSomeAreChosen() throws Exception {
        var specialist = newUser(Role.SPECIALIST, List.of("DE"));
        mvc.perform(post("/reconciliation/assign").with(user(specialist)).with(csrf()).param("assignee", "nobody-here")
                        .param("ids", UUID.randomUUID().toString()))
                .andExpect(status().isFound()).andExpect(flash().attribute("error", "Assignee: there is no active user 'nobody-here'"));
        mvc.perform(post("/reconciliation/assign").with(user(specialist)).with(csrf()).param("assignee", specialist.getUsername()))
                .andExpect(status().isFound()).andExpect(flash().attribute("error", "Findings: choose at least one finding to assign"));
        mvc.perform(post("/reconciliation/assign").with(user(specialist)).with(csrf()).param("ids", UUID.randomUUID().toString()))
                .andExpect(status().isFound()).andExpect(flash().attribute("error", "Assignee: choose the user the findings are assigned to"));
    }
}
