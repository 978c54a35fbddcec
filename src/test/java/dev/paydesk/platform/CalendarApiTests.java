package dev.paydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import dev.paydesk.platform.internal.UserAccount;

/**
 * The market calendar API and page on a real embedded PostgreSQL: refused hours (issue 18 #2, issue 21 #4),
 * 24:00, a stored calendar without hours, dated exceptions, business days, latest start, holiday sets and
 * calendars without national holidays. Each test uses its own market so the shared database stays predictable.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CalendarApiTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    dev.paydesk.platform.ClusterNotifications cluster;

    private String admin;

    @BeforeEach
    void setUp() {
        admin = tokenFor(newUser(Role.ADMIN, List.of()));
    }

    @Test
    void emptyOverlappingOrInvertedHoursAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        ensureMarket("MT", "EUR", "Europe/Malta", "en");
        putHours("MT", "[]").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("openingHours"));
        putHours("MT", """
                [{"day": "MONDAY", "opens": "09:00", "closes": "13:00"},
                 {"day": "MONDAY", "opens": "12:00", "closes": "17:00"}]""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("openingHours"))
                .andExpect(jsonPath("$.detail").value(containsString("overlap")));
        putHours("MT", "[{\"day\": \"MONDAY\", \"opens\": \"17:00\", \"closes\": \"09:00\"}]")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("openingHours"));
        putHours("MT", "[{\"day\": \"MONDAY\", \"opens\": \"09:00\", \"closes\": \"25:00\"}]")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("openingHours[0].closes"));
        putHours("MT", "[{\"day\": \"MONDAY\", \"opens\": \"24:00\", \"closes\": \"24:00\"}]")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("openingHours[0].opens"));
        putHours("MT", "[{\"opens\": \"09:00\", \"closes\": \"17:00\"}]")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("openingHours[0].day"));
        assertThat(markets.openingHours("MT")).hasSize(5)
                .allSatisfy(h -> assertThat(h.opens()).isEqualTo(LocalTime.of(9, 0)));

        UserAccount manager = newUser(Role.PROCESS_MANAGER, List.of("MT"));
        mvc.perform(post("/markets/MT/hours").with(user(manager)).with(csrf()))
                .andExpect(status().isFound()).andExpect(flash().attribute("error", containsString("at least one")));
        mvc.perform(post("/markets/MT/hours").with(user(manager)).with(csrf())
                        .param("opens_MONDAY_0", "09:00").param("closes_MONDAY_0", "9 pm"))
                .andExpect(status().isFound()).andExpect(flash().attribute("error", containsString("9 pm")));
        assertThat(markets.openingHours("MT")).hasSize(5);
    }

    @Test
    void aRoundTheClockWeekIsExactWithTwentyFourHundred() throws Exception {
        ensureMarket("CY", "EUR", "Asia/Nicosia", "el");
        StringBuilder week = new StringBuilder("[");
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            week.append(week.length() > 1 ? "," : "").append("{\"day\": \"").append(day)
                    .append("\", \"opens\": \"00:00\", \"closes\": \"24:00\"}");
        }
        putHours("CY", week.append("]").toString()).andExpect(status().isOk())
                .andExpect(jsonPath("$.openingHours[0].opens").value("00:00"))
                .andExpect(jsonPath("$.openingHours[0].closes").value("24:00"));
        // No public holiday in Cyprus on these days; summer time starts on the 29th.
        api(get("/api/v1/markets/CY/business-time?from=2026-03-26T00:00:00Z&to=2026-03-31T00:00:00Z"))
                .andExpect(jsonPath("$.businessMinutes").value(5 * 1440));
        api(get("/api/v1/markets/CY/deadline?start=2026-03-28T21:30:00Z&minutes=1440"))
                .andExpect(jsonPath("$.due").value("2026-03-29T21:30:00Z"));

        UserAccount manager = newUser(Role.PROCESS_MANAGER, List.of("CY"));
        mvc.perform(post("/markets/CY/hours").with(user(manager)).with(csrf())
                        .param("opens_SUNDAY_0", "00:00").param("closes_SUNDAY_0", "24:00")
                        .param("opens_MONDAY_0", "08:00").param("closes_MONDAY_0", "12:00")
                        .param("opens_MONDAY_1", "13:00").param("closes_MONDAY_1", "24:00"))
                .andExpect(status().isFound()).andExpect(flash().attribute("flash", "Opening hours saved."));
        assertThat(markets.openingHours("CY")).extracting(OpeningHours::closesText)
                .containsExactly("12:00", "24:00", "24:00");
    }

    @Test
    void aStoredCalendarWithoutAnOpenMinuteAnswersAProblemNotA500() throws Exception {
        ensureMarket("IS", "ISK", "Atlantic/Reykjavik", "is");
        String agent = tokenFor(newUser(Role.AGENT, List.of("IS")));
        String key = JsonPath.read(mvc.perform(post("/api/v1/cases").header("Authorization", "Bearer " + agent)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\": \"Card declined\", \"market\": \"IS\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.key");
        jdbc.sql("delete from platform_opening_hours where market_code = 'IS'").update();
        cluster.publish("platform.calendars"); // a change by hand in the database: the nodes forget their calendars

        api(get("/api/v1/markets/IS/deadline?start=2026-03-23T10:00:00Z&minutes=60")).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(containsString("no-working-time")))
                .andExpect(jsonPath("$.detail").value(containsString("no open minute")));
        api(get("/api/v1/markets/IS/latest-start?due=2026-03-23T10:00:00Z&days=2")).andExpect(status().isConflict());
        api(get("/api/v1/markets/IS/business-time?from=2026-03-23T00:00:00Z&to=2026-03-30T00:00:00Z"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.businessMinutes").value(0));
        int intake = mvc.perform(post("/api/v1/cases").header("Authorization", "Bearer " + agent)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\": \"Card declined again\", \"market\": \"IS\"}"))
                .andReturn().getResponse().getStatus();
        assertThat(intake).as("409 no-working-time today; 201 once intake tolerates a broken calendar").isIn(201, 409);
        int read = mvc.perform(get("/api/v1/cases/" + key).header("Authorization", "Bearer " + agent))
                .andReturn().getResponse().getStatus();
        assertThat(read).as("409 no-working-time today; 200 once clocks show no due time instead").isIn(200, 409);
    }

    @Test
    void datedExceptionsBusinessDaysAndLatestStartThroughTheApi() throws Exception {
        ensureMarket("LT", "EUR", "Europe/Vilnius", "lt");
        api(put("/api/v1/markets/LT/dated-hours/2026-12-23").contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\": \"Short day\", \"hours\": [{\"opens\": \"09:00\", \"closes\": \"12:00\"}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.datedHours[0].date").value("2026-12-23"))
                .andExpect(jsonPath("$.datedHours[0].hours[0].closes").value("12:00"));
        api(put("/api/v1/markets/LT/dated-hours/2026-12-19").contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\": \"Launch\", \"hours\": [{\"opens\": \"10:00\", \"closes\": \"14:00\"}]}"))
                .andExpect(status().isOk());
        api(put("/api/v1/markets/LT/dated-hours/2026-12-30").contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\": \"Inventory\", \"hours\": []}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.datedHours[2].closed").value(true));
        api(put("/api/v1/markets/LT/dated-hours/2026-12-21").contentType(MediaType.APPLICATION_JSON)
                .content("{\"hours\": [{\"opens\": \"09:00\", \"closes\": \"12:00\"}, {\"opens\": \"11:00\", \"closes\": \"13:00\"}]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("hours"));

        api(put("/api/v1/markets/LT/holidays/2026-12-24").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Christmas Eve\", \"closed\": true}")).andExpect(status().isOk());
        // Vilnius is UTC+2 in winter; 22 Dec 2026 is a Tuesday, 24 and 25 Dec are closed.
        api(get("/api/v1/markets/LT/deadline?start=2026-12-22T08:00:00Z&days=1"))
                .andExpect(jsonPath("$.due").value("2026-12-23T10:00:00Z"));
        api(get("/api/v1/markets/LT/deadline?start=2026-12-23T09:30:00Z&minutes=60"))
                .andExpect(jsonPath("$.due").value("2026-12-28T07:30:00Z"));
        api(get("/api/v1/markets/LT/deadline?start=2026-12-18T14:00:00Z&minutes=60"))
                .andExpect(jsonPath("$.due").value("2026-12-18T15:00:00Z"));
        api(get("/api/v1/markets/LT/deadline?start=2026-12-18T14:00:00Z&minutes=61"))
                .andExpect(jsonPath("$.due").value("2026-12-19T08:01:00Z"));
        api(get("/api/v1/markets/LT/latest-start?due=2026-12-28T08:00:00Z&minutes=120"))
                .andExpect(jsonPath("$.latestStart").value("2026-12-23T09:00:00Z"));
        api(get("/api/v1/markets/LT/latest-start?due=2026-12-28T08:00:00Z&days=1"))
                .andExpect(jsonPath("$.latestStart").value("2026-12-23T07:00:00Z"));
        api(get("/api/v1/markets/LT/deadline?start=2026-12-22T08:00:00Z")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("minutes"));
        api(get("/api/v1/markets/LT/deadline?start=2026-12-22T08:00:00Z&minutes=5&days=1")).andExpect(status().isBadRequest());
        api(get("/api/v1/markets/LT/deadline?start=+999999999-12-31T00:00:00Z&minutes=5"))
                .andExpect(status().isBadRequest());
        api(get("/api/v1/markets/LT/deadline?start=2026-12-22T08:00:00Z&days=0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("days"));

        api(delete("/api/v1/markets/LT/dated-hours/2026-12-19")).andExpect(status().isNoContent());
        api(delete("/api/v1/markets/LT/dated-hours/2026-12-19")).andExpect(status().isNotFound());

        UserAccount manager = newUser(Role.PROCESS_MANAGER, List.of("LT"));
        mvc.perform(post("/markets/LT/dated-hours").with(user(manager)).with(csrf()).param("day", "2026-12-24")
                        .param("note", "Christmas Eve").param("opens", "09:00").param("closes", "11:00"))
                .andExpect(status().isFound());
        assertThat(markets.calendar("LT").hoursOn(LocalDate.of(2026, 12, 24))).extracting(OpeningHours::closesText)
                .containsExactly("11:00");
        mvc.perform(get("/markets/LT").with(user(manager)).locale(Locale.GERMAN))
                .andExpect(content().string(containsString("Abweichende Tage")))
                .andExpect(content().string(containsString("Christmas Eve")));
        mvc.perform(get("/markets/LT").with(user(manager)).locale(Locale.ENGLISH))
                .andExpect(content().string(containsString("Dated exceptions")));
    }

    @Test
    void companyHolidaySetsAreSharedAndACalendarMayHaveNoNationalHolidays() throws Exception {
        ensureMarket("EE", "EUR", "Europe/Tallinn", "et");
        ensureMarket("LV", "EUR", "Europe/Riga", "lv");
        api(put("/api/v1/markets/EE").contentType(MediaType.APPLICATION_JSON).content("""
                {"code": "EE", "name": "Estonia", "currency": "EUR", "timeZone": "Europe/Tallinn",
                 "languages": ["et"], "publicHolidays": false}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.publicHolidays").value(false));
        api(get("/api/v1/markets/EE/calendar?year=2026")).andExpect(jsonPath("$.holidays['2026-12-25']").doesNotExist())
                .andExpect(jsonPath("$.holidayCountry").doesNotExist());

        String set = "Group shutdown " + UUID.randomUUID().toString().substring(0, 6);
        api(put("/api/v1/holiday-sets/" + set).contentType(MediaType.APPLICATION_JSON).content("""
                {"description": "Baltic group", "days": {"2026-12-28": "Shutdown", "2026-12-29": "Shutdown"}}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.days['2026-12-28']").value("Shutdown"));
        for (String market : List.of("EE", "LV")) {
            api(put("/api/v1/markets/" + market + "/holiday-sets").contentType(MediaType.APPLICATION_JSON)
                    .content("[\"" + set + "\"]")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.holidaySets").value(hasItem(set)));
        }
        api(get("/api/v1/markets/EE/calendar?year=2026")).andExpect(jsonPath("$.holidays['2026-12-28']").value("Shutdown"));
        api(get("/api/v1/markets/LV/calendar?year=2026")).andExpect(jsonPath("$.holidays['2026-12-28']").value("Shutdown"))
                .andExpect(jsonPath("$.holidays['2026-12-25']").exists());
        assertThat(markets.calendar("EE").isBusinessDay(LocalDate.of(2026, 12, 25))).isTrue();
        mvc.perform(get("/markets").with(user(newUser(Role.ADMIN, List.of())))).andExpect(status().isOk())
                .andExpect(content().string(containsString("none")));
        mvc.perform(get("/markets/EE").with(user(newUser(Role.AGENT, List.of("EE"))))).andExpect(status().isOk())
                .andExpect(content().string(containsString("No national public holidays")))
                .andExpect(content().string(containsString(set)));

        api(put("/api/v1/markets/EE/holidays/2026-12-29").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Worked in Tallinn\", \"closed\": false}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.holidays['2026-12-29']").doesNotExist());
        api(get("/api/v1/markets/LV/calendar?year=2026")).andExpect(jsonPath("$.holidays['2026-12-29']").exists());

        String estonianManager = tokenFor(newUser(Role.PROCESS_MANAGER, List.of("EE")));
        mvc.perform(put("/api/v1/holiday-sets/" + set).header("Authorization", "Bearer " + estonianManager)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"days\": {}}"))
                .andExpect(status().isForbidden());
        api(delete("/api/v1/holiday-sets/" + set)).andExpect(status().isConflict());
        api(put("/api/v1/markets/EE/holiday-sets").contentType(MediaType.APPLICATION_JSON).content("[\"no such set\"]"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("holidaySets"));
        api(put("/api/v1/holiday-sets/{name}", "-bad").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("name"));
    }

    private ResultActions putHours(String market, String json) throws Exception {
        return api(put("/api/v1/markets/" + market + "/opening-hours").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions api(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + admin));
    }
}
