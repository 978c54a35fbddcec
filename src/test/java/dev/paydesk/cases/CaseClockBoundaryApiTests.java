package dev.paydesk.cases;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import dev.paydesk.platform.BusinessCalendar;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;

/**
 * Issue 18, defect 1 as reported: a two-minute first-response target ending at closing time, a customer
 * message while closed, the case read later through the API. It answered 500 ("amount must not be
 * negative"); it must show the first response breached at closing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseClockBoundaryApiTests extends PlatformTestSupport {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CaseSettings settings;

    @Autowired
    MarketCatalog catalog;

    @Autowired
    Clock clock;

    @Test
    void aCustomerMessageWhileClosedOnATargetThatRanOutAtClosingShowsABreachNotA500() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        String category = "clk-" + UUID.randomUUID().toString().substring(0, 8);
        asSystem(() -> settings.savePolicy(new CaseSettings.SlaPolicy(0, "Two minutes " + category, category, "DE", null,
                2, null, null, 0, Set.of(), FirstResponseRule.FIRST_REPLY)));
        var agent = newUser(Role.AGENT, List.of("DE"));
        String token = tokenFor(agent);
        MvcResult created = mvc.perform(post("/api/v1/cases").header("Authorization", "Bearer " + token)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\": \"Refund missing\", \"market\": \"DE\", \"category\": \"" + category + "\"}"))
                .andExpect(status().isCreated()).andReturn();
        String key = JsonPath.read(created.getResponse().getContentAsString(), "$.key");

        // a past business day on the DE calendar (default hours 09:00-17:00), with business time after it
        BusinessCalendar calendar = catalog.calendar("DE");
        LocalDate day = LocalDate.now(clock.withZone(BERLIN)).minusWeeks(1).with(TemporalAdjusters.previous(DayOfWeek.TUESDAY));
        while (!calendar.isBusinessDay(day)) {
            day = day.minusDays(1);
        }
        Instant opened = day.atTime(LocalTime.of(16, 58)).atZone(BERLIN).toInstant();
        Instant closing = day.atTime(LocalTime.of(17, 0)).atZone(BERLIN).toInstant();
        Instant messageWhileClosed = day.atTime(LocalTime.of(18, 0)).atZone(BERLIN).toInstant();
        UUID id = jdbc.sql("select id from cases_case where number = ?").param(Long.parseLong(key.substring(3)))
                .query(UUID.class).single();
        jdbc.sql("update cases_entry set at = ? where case_id = ?").params(Timestamp.from(opened), id).update();
        jdbc.sql("insert into cases_entry (case_id, kind, at, author, body) values (?, 'MESSAGE_IN', ?, 'customer', 'Any news?')")
                .params(id, Timestamp.from(messageWhileClosed)).update();

        mvc.perform(get("/api/v1/cases/" + key).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clocks[?(@.kind == 'FIRST_RESPONSE')].state").value(hasItem("BREACHED")))
                .andExpect(jsonPath("$.clocks[?(@.kind == 'FIRST_RESPONSE')].breachedAt").value(hasItem(closing.toString())))
                .andExpect(jsonPath("$.clocks[?(@.kind == 'FIRST_RESPONSE')].dueAt").value(hasItem(closing.toString())));
        // the case page shows the breached clock with its due time, without a running countdown
        mvc.perform(get("/cases/" + key).with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("clock clock-breached")))
                .andExpect(content().string(containsString("datetime=\"" + closing + "\"")))
                .andExpect(content().string(not(containsString("data-countdown"))));
    }
}
