package dev.paydesk.workforce.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.MarketService;
import dev.paydesk.shared.Money;
import dev.paydesk.workforce.Channel;
import dev.paydesk.workforce.ContactData;
import dev.paydesk.workforce.ContactQueue;
import dev.paydesk.workforce.IntervalStat;
import dev.paydesk.workforce.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The realtime board on live data: a day running 50 % above forecast with one supplier missing its target. */
@SpringBootTest
@AutoConfigureMockMvc
class RealtimeApiTests extends PlatformTestSupport {

    /**
     * Markets spread over the globe so that at every hour of the year one of them is between 11:00 and 19:00 (the
     * six before had none from 00:00 to 01:00 UTC between April and October): zones without summer time, so no day
     * of 23 or 25 hours, made without public holidays (a holiday is forecast at a fraction of a normal day).
     */
    private static final Map<String, String> ZONES = Map.of("NC", "Pacific/Noumea", "JP", "Asia/Tokyo",
            "IN", "Asia/Kolkata", "ZA", "Africa/Johannesburg", "BR", "America/Sao_Paulo", "CR", "America/Costa_Rica");

    @Autowired
    MockMvc mvc;

    @Autowired
    ContactData data;

    @Autowired
    Clock clock;

    @Test
    void alertsOnDeviationAndAdvisesAgents() throws Exception {
        awayFromTheEndOfAnInterval();
        ZONES.forEach(this::marketWithoutHolidays);
        Instant chosenAt = clock.instant();
        Map.Entry<String, String> market = ZONES.entrySet().stream()
                .filter(e -> inAPlainWorkingDay(e.getKey(), ZoneId.of(e.getValue()), chosenAt))
                .findFirst().orElseThrow();
        ZoneId zone = ZoneId.of(market.getValue());
        String queue = unique("rt").toLowerCase();
        String good = unique("good").toLowerCase();
        String weak = unique("weak").toLowerCase();
        asSystem(() -> {
            data.createQueue(new ContactQueue(queue, "Realtime test", Channel.CHAT, "payments", market.getKey(), "en",
                    30, 300, 120, 0.8, 60));
            data.createSupplier(new Supplier(good, "Good", List.of("payments"), Money.of(2500, "EUR"), 90, 0.8, 0, 50));
            data.createSupplier(new Supplier(weak, "Weak", List.of("payments"), Money.of(2000, "EUR"), 70, 0.6, 0, 50));
            List<IntervalStat> rows = new ArrayList<>();
            LocalDate today = LocalDate.now(clock.withZone(zone));
            Instant now = clock.instant();
            for (int d = 35; d >= 0; d--) {
                for (int slot = 16; slot < 40; slot++) {
                    Instant start = today.minusDays(d).atStartOfDay(zone).plusMinutes(30L * slot).toInstant();
                    if (start.plusSeconds(1800).isAfter(now)) {
                        break;
                    }
                    int each = d == 0 ? 30 : 20;
                    rows.add(new IntervalStat(queue, good, start, each, each, 0, each, 300L * each, 5L * each, 6.0));
                    rows.add(new IntervalStat(queue, weak, start, each, each - 3, 3, each / 2, 300L * (each - 3),
                            90L * each, 4.0));
                }
            }
            data.record(rows);
        });
        String token = tokenFor(newUser(Role.REALTIME_MANAGER, List.of(market.getKey())));
        String body = mvc.perform(get("/api/v1/workforce/realtime").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode board = JsonMapper.builder().build().readTree(body);
        JsonNode status = null;
        for (JsonNode q : board.get("queues")) {
            if (q.get("queue").get("code").asString().equals(queue)) {
                status = q;
            }
        }
        assertThat(status).isNotNull();
        assertThat(status.get("deviation").asDouble()).isBetween(0.35, 0.65);
        assertThat(status.get("alerts").toString()).contains("Volume +").contains(weak + ": service level")
                .doesNotContain(good + ": service level");
        assertThat(status.get("suppliers")).hasSize(2);
        assertThat(status.get("total").get("serviceLevel").asDouble()).isBetween(0.6, 0.9);
        assertThat(status.get("staffedLast").asDouble()).isEqualTo(10.0);
        assertThat(status.get("requiredNext").asInt()).isPositive();
        // the next interval's re-forecast split by today's shares: 4 reported agents are too few for half of it
        assertThat(status.get("recommendations").toString()).contains(weak + ": add ");
    }

    /**
     * Waits past the next half hour when it is less than 20 seconds away: the intervals recorded up to now and the
     * board's "so far" must end at the same interval.
     */
    private void awayFromTheEndOfAnInterval() throws InterruptedException {
        long left = Duration.ofMinutes(30).toMillis() - clock.millis() % Duration.ofMinutes(30).toMillis();
        if (left < 20_000) {
            Thread.sleep(left + 100);
        }
    }

    private void marketWithoutHolidays(String code, String zone) {
        asSystem(() -> {
            if (markets.market(code).isEmpty()) {
                markets.create(new MarketService.MarketSpec(code, code + " market", "EUR", zone, List.of("en"), null, false));
            }
        });
    }

    /** Between 11:00 and 19:00 local time on a day of 24 hours that is no holiday of the market. */
    private boolean inAPlainWorkingDay(String code, ZoneId zone, Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        return local.getHour() >= 11 && local.getHour() < 19 && !markets.calendar(code).isHoliday(day)
                && Duration.between(day.atStartOfDay(zone), day.plusDays(1).atStartOfDay(zone)).equals(Duration.ofDays(1));
    }
}
