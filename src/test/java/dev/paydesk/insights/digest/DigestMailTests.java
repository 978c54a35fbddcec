package dev.paydesk.insights.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.NewCase;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.UserAccount;
import dev.paydesk.platform.internal.UserService;
import dev.paydesk.shared.InvalidInputException;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Digests and target e-mails against a real SMTP server (GreenMail on a loopback port): a daily digest
 * arrives once with HTML and a CSV per market whose rows are the KPI API's answer for the same user and
 * period; a second run sends nothing; a target crossing mails its subscribers once; a user gets only markets
 * in their scope; users without an address are skipped; SMTP down then up sends once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DigestMailTests extends PlatformTestSupport {

    static final GreenMail MAIL = startMail();

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("paydesk.insights.digest.initial-delay", () -> "PT10H");
        registry.add("paydesk.insights.digest.check-interval", () -> "PT10H");
    }

    @AfterAll
    static void stop() {
        MAIL.stop();
    }

    @Autowired
    DigestJob job;
    @Autowired
    Subscriptions subscriptions;
    @Autowired
    CaseDesk desk;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    JavaMailSenderImpl sender;

    private static final ZoneId LJUBLJANA = ZoneId.of("Europe/Ljubljana");

    @BeforeEach
    void markets() {
        ensureMarket("SI", "EUR", "Europe/Ljubljana", "sl");
        ensureMarket("SK", "EUR", "Europe/Bratislava", "sk");
    }

    private UserAccount user(Role role, List<String> markets, boolean withAddress) {
        String name = unique("digest");
        UserAccount[] created = new UserAccount[1];
        asSystem(() -> created[0] = users.create(new UserService.UserSpec(name, "Digest reader",
                withAddress ? name + "@example.org" : null, List.of(role.name()), markets, false), "correct-horse-battery", false));
        return created[0];
    }

    private Subscriptions.Subscription subscribe(UserAccount u, String frequency, List<String> markets, String language) {
        return as(u, () -> subscriptions.create(new Subscriptions.Form(frequency, markets, null, language, 7, true), Locale.ENGLISH));
    }

    private static List<MimeMessage> to(UserAccount u) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : MAIL.getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(u.email()))) {
                out.add(m);
            }
        }
        return out;
    }

    /** 08:00 tomorrow in Ljubljana: today's local day is then the latest due daily period. */
    private Instant tomorrowMorning() {
        return LocalDate.now(clock.withZone(LJUBLJANA)).plusDays(1).atTime(LocalTime.of(8, 0)).atZone(LJUBLJANA).toInstant();
    }

    private long openCases(String market, int n) {
        long before = jdbc.sql("select count(*) from insights_case_fact where market = ?").param(market).query(Long.class).single();
        asSystem(() -> {
            for (int i = 0; i < n; i++) {
                desk.open(NewCase.builder("Refund missing " + i, market, CaseSource.API).description("no refund yet")
                        .language("en").customer(unique("c"), null).provider("KLARNA").build());
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from insights_case_fact where market = ?")
                .param(market).query(Long.class).single() >= before + n);
        return before + n;
    }

    @Test
    void aDailyDigestArrivesOnceWithHtmlAndCsvRowsAsTheApiAnswers() throws Exception {
        openCases("SI", 2);
        UserAccount reader = user(Role.PROCESS_MANAGER, List.of("SI"), true);
        subscribe(reader, "daily", List.of("SI"), "en");
        // one morning for every run: read again after midnight in Ljubljana, it would make a new day due
        Instant morning = tomorrowMorning();
        LocalDate today = LocalDate.ofInstant(morning, LJUBLJANA).minusDays(1);

        DigestJob.Summary first = job.run(morning);
        assertThat(first.sent()).isGreaterThanOrEqualTo(1);
        List<MimeMessage> got = to(reader);
        assertThat(got).hasSize(1);
        MimeMessage digest = got.getFirst();
        assertThat(digest.getSubject()).isEqualTo("Paydesk daily KPIs SI: " + today);
        Map<String, String> parts = parts(digest);
        assertThat(parts.get("text/html")).contains("Daily KPI digest").contains("Market SI").contains("Cases opened");
        String csv = parts.get("kpis-SI-" + today + ".csv");
        assertThat(csv).isNotNull();

        JsonNode api = JsonMapper.builder().build().readTree(mvc.perform(get("/api/v1/insights/kpis")
                        .param("from", today.toString()).param("to", today.plusDays(1).toString()).param("market", "SI")
                        .header("Authorization", "Bearer " + tokenFor(reader)))
                .andReturn().getResponse().getContentAsString()).get("kpis");
        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst()).isEqualTo("kpi,value,previous,unit,target,status,records");
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(csv)).getRecords();
        assertThat(rows).hasSize(api.size() + 1);
        for (int i = 0; i < api.size(); i++) {
            String[] cells = rows.get(i + 1).values();
            JsonNode k = api.get(i);
            assertThat(cells[0]).isEqualTo(k.get("key").asString());
            assertThat(number(cells[1])).as(cells[0]).isEqualTo(k.has("value") ? k.get("value").asDouble() : null);
            assertThat(number(cells[2])).as(cells[0]).isEqualTo(k.has("previous") ? k.get("previous").asDouble() : null);
            assertThat(cells[3]).isEqualTo(k.get("unit").asString());
            assertThat(Long.parseLong(cells[6])).isEqualTo(k.get("sample").asLong());
        }
        // the day's cases only: a run of the suite that crosses midnight in Ljubljana has SI cases of the day before
        long opened = jdbc.sql("select count(*) from insights_case_fact where market = 'SI' and opened_day = ?")
                .param(today).query(Long.class).single();
        long openedTheDayBefore = jdbc.sql("select count(*) from insights_case_fact where market = 'SI' and opened_day = ?")
                .param(today.minusDays(1)).query(Long.class).single();
        assertThat(lines).contains("cases_opened," + (double) opened + "," + (double) openedTheDayBefore + ",count,,," + opened);

        assertThat(job.run(morning).sent()).isZero();
        assertThat(job.run(morning.plusSeconds(3600)).sent()).isZero();
        assertThat(to(reader)).hasSize(1);
    }

    @Test
    void aDigestShowsOnlyTheMarketsTheUserStillSees() throws Exception {
        UserAccount reader = user(Role.PROCESS_MANAGER, List.of("SI"), true);
        assertThatThrownBy(() -> subscribe(reader, "daily", List.of("SI", "SK"), "en"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("SK");
        // a subscription made while the user still had SK (as if the admin removed SK since)
        Subscriptions.Subscription s = subscribe(reader, "weekly", List.of("SI"), "de");
        jdbc.sql("update insights_subscription set markets = 'SI,SK' where id = ?").param(s.id()).update();

        job.run(tomorrowMorning().plus(Duration.ofDays(7)));
        List<MimeMessage> got = to(reader);
        assertThat(got).hasSize(1);
        assertThat(got.getFirst().getSubject()).startsWith("Paydesk Kennzahlen der Woche SI,SK:");
        Map<String, String> parts = parts(got.getFirst());
        assertThat(parts.get("text/html")).contains("Wöchentlicher Kennzahlenbericht").contains("Markt SI").doesNotContain("Markt SK");
        assertThat(parts.keySet()).anyMatch(n -> n.startsWith("kpis-SI-")).noneMatch(n -> n.startsWith("kpis-SK-"));
    }

    @Test
    void aTargetCrossingMailsItsSubscribersOnceAndSkipsUsersWithoutAnAddress() throws Exception {
        UserAccount lead = user(Role.PROCESS_MANAGER, List.of("SK"), true);
        UserAccount noAddress = user(Role.REALTIME_MANAGER, List.of("SK"), false);
        UserAccount other = user(Role.PROCESS_MANAGER, List.of("SI"), true);
        subscribe(lead, "weekly", List.of("SK"), "en");
        subscribe(noAddress, "weekly", List.of("SK"), "en");
        subscribe(other, "weekly", List.of("SI"), "en");
        Instant now = clock.instant();
        jdbc.sql("insert into insights_alert (kpi, market, status, previous, value, target, created_at)"
                + " values ('first_response_attainment', 'SK', 'off_target', 'on_target', 0.8, 0.9, ?)")
                .param(Timestamp.from(now)).update();

        DigestJob.Summary run = job.run(now);
        assertThat(run.skipped()).isGreaterThanOrEqualTo(1);
        List<MimeMessage> alerts = alertMails(lead);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.getFirst().getSubject()).isEqualTo("Paydesk SK: First-response SLA attainment is off target");
        assertThat(parts(alerts.getFirst()).get("text/html")).contains("80.0%").contains("90.0%").contains("Before: on target.");
        assertThat(alertMails(other)).isEmpty();
        assertThat(jdbc.sql("select m.status from insights_alert_mail m join insights_alert a on a.id = m.alert_id"
                + " where m.username = ?").param(noAddress.username()).query(String.class).single()).isEqualTo("no_address");

        job.run(now.plusSeconds(60));
        assertThat(alertMails(lead)).hasSize(1);
    }

    @Test
    void whenSmtpIsDownTheDigestWaitsAndIsSentOnceWhenItIsBack() throws Exception {
        UserAccount reader = user(Role.AUDITOR, List.of("SI"), true);
        subscribe(reader, "daily", List.of("SI"), "en");
        int port = sender.getPort();
        try (ServerSocket free = new ServerSocket(0)) {
            sender.setPort(free.getLocalPort());
        }
        Instant inTwoDays = tomorrowMorning().plus(Duration.ofDays(2)); // read once: after midnight, another day is due
        try {
            DigestJob.Summary down = job.run(inTwoDays);
            assertThat(down.failed()).isGreaterThanOrEqualTo(1);
            assertThat(to(reader)).isEmpty();
            assertThat(jdbc.sql("select status || '/' || attempts from insights_digest_delivery where username = ?")
                    .param(reader.username()).query(String.class).single()).isEqualTo("pending/1");
        } finally {
            sender.setPort(port);
        }
        job.run(inTwoDays.plusSeconds(300));
        assertThat(to(reader)).hasSize(1);
        job.run(inTwoDays.plusSeconds(600));
        assertThat(to(reader)).hasSize(1);
        assertThat(jdbc.sql("select status from insights_digest_delivery where username = ?")
                .param(reader.username()).query(String.class).single()).isEqualTo("sent");
    }

    @Test
    void aDigestAnotherNodeHasClaimedIsNotSentAgain() throws Exception {
        UserAccount reader = user(Role.PROCESS_MANAGER, List.of("SI"), true);
        Subscriptions.Subscription s = subscribe(reader, "daily", List.of("SI"), "en");
        Instant now = tomorrowMorning().plus(Duration.ofDays(3));
        DigestPeriod due = DigestPeriod.latestDue(DigestPeriod.Frequency.DAILY, LJUBLJANA, 7, now);
        jdbc.sql("insert into insights_digest_delivery (username, frequency, markets, period_start, period_end, subscription,"
                        + " status, attempts, created_at) values (?, 'DAILY', 'SI', ?, ?, ?, 'sending', 1, ?)")
                .params(reader.username(), due.start(), due.end(), s.id(), Timestamp.from(now)).update();
        job.run(now);
        assertThat(to(reader)).isEmpty();
    }

    private static List<MimeMessage> alertMails(UserAccount u) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : to(u)) {
            if (m.getSubject().matches("Paydesk [A-Z]{2}: .*")) {
                out.add(m);
            }
        }
        return out;
    }

    private static Double number(String cell) {
        return cell.isEmpty() ? null : Double.valueOf(cell);
    }

    /** The HTML body under "text/html" and each attachment under its file name. */
    private static Map<String, String> parts(Part part) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        collect(part, out);
        return out;
    }

    private static void collect(Part part, Map<String, String> out) throws Exception {
        if (part.getContent() instanceof Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                BodyPart p = multi.getBodyPart(i);
                collect(p, out);
            }
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        part.getInputStream().transferTo(bytes);
        String text = bytes.toString(StandardCharsets.UTF_8);
        if (part.getFileName() != null) {
            out.put(part.getFileName(), text);
        } else if (part.isMimeType("text/html")) {
            out.put("text/html", text);
        }
    }
}
