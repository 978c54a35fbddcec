package dev.paydesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.sun.net.httpserver.HttpServer;

import dev.paydesk.cases.internal.WebhookDeliveryProbe;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;

/** CSV intake with per-row errors and idempotent re-import; outbound webhooks signed, retried, logged. */
@SpringBootTest
@AutoConfigureMockMvc
class CaseIntakeAndWebhookTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseWebhooks webhooks;

    @Autowired
    CaseDesk desk;

    @Autowired
    WebhookDeliveryProbe delivery;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCsvImportReportsBadRowsByLineAndImportsTheRestOnce() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        String token = tokenFor(newUser(Role.SPECIALIST, List.of("DE")));
        String batch = UUID.randomUUID().toString().substring(0, 8);
        String csv = "external_id,subject,description,market,priority,order_ref,tags\n"
                + batch + "-1,Refund missing,Customer waits since May,DE,HIGH,ORD-C1,csv;refund\n"
                + batch + "-2,,no subject,DE,,,\n"
                + batch + "-3,Wrong market,x,XX,,,\n"
                + batch + "-4,Bad priority,x,DE,SOMETIMES,,\n"
                + batch + "-5,Paid twice,\"multi\nline\",DE,,ORD-C5,\n";
        mvc.perform(post("/api/v1/cases/import").header("Authorization", "Bearer " + token).contentType("text/csv").content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.alreadyImported").value(0))
                .andExpect(jsonPath("$.errors[*].line").value(org.hamcrest.Matchers.contains(3, 4, 5)))
                .andExpect(jsonPath("$.errors[1].message").value(org.hamcrest.Matchers.containsString("XX")));
        mvc.perform(post("/api/v1/cases/import").header("Authorization", "Bearer " + token).contentType("text/csv").content(csv))
                .andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.alreadyImported").value(2));
        assertThat(jdbc.sql("select count(*) from cases_intake_key where source = 'CSV' and key like ?").param(batch + "%")
                .query(Long.class).single()).isEqualTo(2);
        mvc.perform(post("/api/v1/cases/import").header("Authorization", "Bearer " + token).contentType("text/csv")
                .content("title,market\nx,DE\n")).andExpect(jsonPath("$.errors[0].message").value("missing column(s): subject"));
    }

    @Test
    void aCsvRowWithACustomerRefLongerThanTriageStoresIsReportedNotImported() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        String token = tokenFor(newUser(Role.SPECIALIST, List.of("DE")));
        String csv = "subject,market,customer_ref\nLong ref,DE," + "c".repeat(201) + "\nShort ref,DE,cust-1\n";
        mvc.perform(post("/api/v1/cases/import").header("Authorization", "Bearer " + token).contentType("text/csv").content(csv))
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("customerRef")));
    }

    @Test
    void caseEventsAreDeliveredSignedAndRetriedWithBackoff() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        List<String[]> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[] {exchange.getRequestHeaders().getFirst("Paydesk-Signature"), body,
                    exchange.getRequestHeaders().getFirst("Paydesk-Event")});
            int status = calls.incrementAndGet() == 1 ? 503 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            CaseWebhooks.Created[] sub = new CaseWebhooks.Created[1];
            asSystem(() -> sub[0] = webhooks.subscribe("http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
                    List.of("STATUS")));
            CaseSummary[] c = new CaseSummary[1];
            Instant queuedFrom = Instant.now();
            asSystem(() -> {
                c[0] = desk.open(NewCase.of("Webhook case", "", "DE", CaseSource.API)).summary();
                desk.changeStatus(c[0].id(), CaseStatus.WAITING, WaitingReason.PROVIDER);
            });
            UUID webhookId = sub[0].subscription().id();
            await().atMost(Duration.ofSeconds(20)).until(() -> !webhooks.deliveries(webhookId, 10).isEmpty());
            assertThat(webhooks.deliveries(webhookId, 10)).hasSize(1); // CREATED is not subscribed

            // the first attempt is this call's, or the background sender's (every 10 s, in any test context) at its
            // own moment since the delivery was queued: the retry is 30 s after that attempt
            delivery.dispatchDue(Instant.now());
            Instant attemptedBy = Instant.now();
            CaseWebhooks.Delivery failed = webhooks.deliveries(webhookId, 10).getFirst();
            assertThat(failed.status()).isEqualTo("PENDING");
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.lastStatus()).isEqualTo(503);
            assertThat(failed.nextAttemptAt()).isBetween(queuedFrom.plusSeconds(30), attemptedBy.plusSeconds(30));

            assertThat(delivery.dispatchDue(failed.nextAttemptAt().minusSeconds(1))).as("not due yet").isZero();
            delivery.dispatchDue(failed.nextAttemptAt());
            CaseWebhooks.Delivery delivered = webhooks.deliveries(webhookId, 10).getFirst();
            assertThat(delivered.status()).isEqualTo("DELIVERED");
            assertThat(delivered.attempts()).isEqualTo(2);

            String[] last = received.getLast();
            assertThat(last[2]).isEqualTo("case.status");
            assertThat(last[1]).contains(c[0].key()).contains("\"WAITING\"");
            String t = last[0].substring(2, last[0].indexOf(','));
            String v1 = last[0].substring(last[0].indexOf("v1=") + 3);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sub[0].secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            assertThat(v1).isEqualTo(java.util.HexFormat.of().formatHex(mac.doFinal((t + "." + last[1]).getBytes(StandardCharsets.UTF_8))));
        } finally {
            server.stop(0);
        }
    }


    @Test
    void aDeactivatedSubscriptionSendsNothingMoreAndItsPendingDeliveriesAreCancelled() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // the receiver fails, so the delivery stays pending for a retry: the scheduler may try it once before the
        // deactivation (found in CI: a delivered one is no longer pending), never after it
        server.createContext("/gone", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            CaseWebhooks.Created[] sub = new CaseWebhooks.Created[1];
            asSystem(() -> sub[0] = webhooks.subscribe("http://127.0.0.1:" + server.getAddress().getPort() + "/gone",
                    List.of("*")));
            UUID webhookId = sub[0].subscription().id();
            asSystem(() -> desk.open(NewCase.of("Deleted webhook case", "", "DE", CaseSource.API)));
            await().atMost(Duration.ofSeconds(20)).until(() -> !webhooks.deliveries(webhookId, 10).isEmpty()
                    && webhooks.deliveries(webhookId, 10).stream().allMatch(d -> d.status().equals("PENDING")));

            asSystem(() -> webhooks.deactivate(webhookId));
            int before = calls.get();
            assertThat(webhooks.deliveries(webhookId, 10)).allSatisfy(d -> {
                assertThat(d.status()).isEqualTo("CANCELLED");
                assertThat(d.lastError()).isEqualTo("subscription deactivated");
            });
            delivery.dispatchDue(Instant.now().plusSeconds(3600));
            assertThat(calls).hasValue(before);

            // a delivery queued after the deactivation (e.g. by a listener that ran concurrently) is cancelled too
            jdbc.sql("""
                    insert into cases_webhook_delivery (webhook_id, event_type, payload, next_attempt_at, status, created_at)
                    values (?, 'STATUS', '{}', now(), 'PENDING', now())""").param(webhookId).update();
            delivery.dispatchDue(Instant.now().plusSeconds(3600));
            assertThat(calls).hasValue(before);
            assertThat(webhooks.deliveries(webhookId, 10)).extracting(CaseWebhooks.Delivery::status).containsOnly("CANCELLED");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void webhooksToInternalAddressesAreRefusedAtCreationAndAtDelivery() throws Exception {
        String token = tokenFor(newUser(Role.ADMIN, List.of()));
        for (String url : List.of("http://localhost:8080/x", "http://10.0.0.5/x", "http://169.254.169.254/latest/meta-data",
                "http://[::1]/x", "http://0.0.0.0/x")) {
            mvc.perform(post("/api/v1/case-webhooks").header("Authorization", "Bearer " + token)
                            .contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"" + url + "\"}"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("url"));
        }
        // a subscription whose target turned internal (stored before the check, or DNS changed) is never called
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into cases_webhook (id, url, secret, events, active, created_at) values (?, 'http://10.0.0.5/x', 's', '{*}', true, now())")
                .param(id).update();
        jdbc.sql("""
                insert into cases_webhook_delivery (webhook_id, event_type, payload, next_attempt_at, status, created_at)
                values (?, 'STATUS', '{}', now(), 'PENDING', now())""").param(id).update();
        delivery.dispatchDue(Instant.now().plusSeconds(60));
        CaseWebhooks.Delivery refused = webhooks.deliveries(id, 1).getFirst();
        assertThat(refused.status()).isEqualTo("FAILED");
        assertThat(refused.lastError()).startsWith("not sent: ").contains("10.0.0.5");
        jdbc.sql("update cases_webhook set active = false where id = ?").param(id).update();
    }
}
