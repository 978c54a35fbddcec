package dev.paydesk.disputes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.disputes.DisputeStatus;
import dev.paydesk.disputes.Disputes;
import dev.paydesk.disputes.ReasonCodes;
import dev.paydesk.payments.DisputeNotified;
import dev.paydesk.payments.Provider;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.UserAccount;
import dev.paydesk.shared.Money;

/** The REST API and pages: roles, market scope, actions, catalogue editing, analytics and monitoring. */
@SpringBootTest
@AutoConfigureMockMvc
class DisputesWebTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    DisputeLifecycle lifecycle;

    @Autowired
    DisputeStore store;

    @Autowired
    Disputes disputes;

    @Autowired
    ReasonCodes catalogue;

    @Autowired
    MonitoringService monitoring;

    @BeforeEach
    void markets() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        ensureMarket("NL", "EUR", "Europe/Amsterdam", "nl");
    }

    private UUID dispute(String account) {
        return dispute(account, Instant.now().minus(Duration.ofDays(1)));
    }

    private UUID dispute(String account, Instant at) {
        String dp = "dp_" + UUID.randomUUID().toString().substring(0, 10);
        lifecycle.apply(new DisputeNotified(Provider.STRIPE, account, "evt_" + UUID.randomUUID(), dp, "ch_" + dp, null,
                "charge.dispute.created", "needs_response", "product_not_received", Money.of(7_500, "EUR"),
                at.plus(Duration.ofDays(12)), at, "{\"data\": {\"object\": {\"payment_method_details\": {\"card\": {\"brand\": \"mastercard\", \"network_reason_code\": \"4855\"}}}}}"));
        return store.find(Provider.STRIPE, account, dp).orElseThrow().id();
    }

    @Test
    void theApiIsMarketScopedAndRoleChecked() throws Exception {
        UUID de = dispute("stripe-eu");
        UUID nl = dispute("adyen-eu");
        String specialist = tokenFor(newUser(Role.DISPUTE_SPECIALIST, List.of("DE")));
        String auditor = tokenFor(newUser(Role.AUDITOR, List.of("DE")));
        String agent = tokenFor(newUser(Role.AGENT, List.of("DE")));

        mvc.perform(get("/api/v1/disputes").header("Authorization", "Bearer " + specialist)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(de.toString())))
                .andExpect(jsonPath("$[*].id", not(hasItem(nl.toString()))));
        mvc.perform(get("/api/v1/disputes/" + nl).header("Authorization", "Bearer " + specialist))
                .andExpect(status().isNotFound());
        String everywhere = tokenFor(newUser(Role.DISPUTE_SPECIALIST, List.of()));
        mvc.perform(get("/api/v1/disputes").header("Authorization", "Bearer " + everywhere)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(de.toString())))
                .andExpect(jsonPath("$[*].id", hasItem(nl.toString())));
        mvc.perform(get("/disputes").with(user(newUser(Role.ADMIN, List.of())))).andExpect(status().isOk())
                .andExpect(content().string(containsString(disputes.dispute(nl).providerDisputeId())));
        mvc.perform(get("/api/v1/disputes/" + de).header("Authorization", "Bearer " + agent))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/disputes/" + de + "/recommendation").header("Authorization", "Bearer " + auditor))
                .andExpect(status().isOk()).andExpect(jsonPath("$.category").value("NOT_RECEIVED"));
        mvc.perform(post("/api/v1/disputes/" + de + "/accept").header("Authorization", "Bearer " + auditor))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/disputes/" + UUID.randomUUID()).header("Authorization", "Bearer " + specialist))
                .andExpect(status().isNotFound());
    }

    @Test
    void aSpecialistAnswersADisputeThroughTheApi() throws Exception {
        UUID id = dispute("stripe-eu");
        String specialist = tokenFor(newUser(Role.DISPUTE_SPECIALIST, List.of("DE")));
        mvc.perform(post("/api/v1/disputes/" + id + "/shipments").header("Authorization", "Bearer " + specialist)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"carrier\": \"UPS\", \"trackingNumber\": \"1Z999AA10123456784\", \"shippedOn\": \"2026-11-02\", \"deliveredOn\": \"2026-11-01\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/disputes/" + id + "/shipments").header("Authorization", "Bearer " + specialist)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"carrier\": \"UPS\", \"trackingNumber\": \"1Z999AA10123456784\", \"shippedOn\": \"2026-11-02\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/disputes/" + id + "/evidence").header("Authorization", "Bearer " + specialist))
                .andExpect(status().isOk()).andExpect(jsonPath("$.fields.shipping_tracking_number").value("1Z999AA10123456784"))
                .andExpect(jsonPath("$.missing", hasItem("PROOF_OF_DELIVERY")));
        mvc.perform(get("/api/v1/disputes/" + id + "/evidence.pdf").header("Authorization", "Bearer " + specialist))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"));
        mvc.perform(post("/api/v1/disputes/" + id + "/submit").header("Authorization", "Bearer " + specialist))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(true));
        mvc.perform(post("/api/v1/disputes/" + id + "/submit").header("Authorization", "Bearer " + specialist))
                .andExpect(status().isConflict());
        assertThat(disputes.dispute(id).status()).isEqualTo(DisputeStatus.UNDER_REVIEW);
        String ref = disputes.dispute(id).paymentReference();
        mvc.perform(get("/api/v1/disputes/open").param("reference", ref).header("Authorization", "Bearer " + specialist))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id.toString()));
    }

    @Test
    void processManagersEditTheCatalogueAndOthersCannot() throws Exception {
        String pm = tokenFor(newUser(Role.PROCESS_MANAGER, List.of()));
        String specialist = tokenFor(newUser(Role.DISPUTE_SPECIALIST, List.of()));
        int version = catalogue.find("AMEX", "C31").orElseThrow().version();
        String body = """
                {"title": "Goods/Services Not as Described", "category": "NOT_AS_DESCRIBED", "responseDays": 18,
                 "evidence": ["RECEIPT", "PRODUCT_DESCRIPTION"], "source": "team decision", "version": %d}""".formatted(version);
        mvc.perform(put("/api/v1/disputes/reason-codes/AMEX/C31").header("Authorization", "Bearer " + specialist)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/disputes/reason-codes/AMEX/C31").header("Authorization", "Bearer " + pm)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.responseDays").value(18));
        mvc.perform(put("/api/v1/disputes/reason-codes/AMEX/C31").header("Authorization", "Bearer " + pm)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isConflict());
        UserAccount manager = newUser(Role.PROCESS_MANAGER, List.of());
        int now = catalogue.find("AMEX", "C31").orElseThrow().version();
        mvc.perform(post("/disputes/reason-codes/AMEX/C31").with(user(manager)).with(csrf())
                        .param("title", "Not as described").param("category", "NOT_AS_DESCRIBED").param("responseDays", "20")
                        .param("evidence", "RECEIPT", "REFUND_POLICY").param("source", "American Express Merchant Regulations")
                        .param("version", Integer.toString(now)))
                .andExpect(status().isFound());
        assertThat(catalogue.find("AMEX", "C31").orElseThrow().responseDays()).isEqualTo(20);
    }

    @Test
    void thePagesRender() throws Exception {
        UUID id = dispute("stripe-eu");
        UserAccount specialist = newUser(Role.DISPUTE_SPECIALIST, List.of("DE"));
        mvc.perform(get("/disputes").with(user(specialist))).andExpect(status().isOk())
                .andExpect(content().string(containsString(disputes.dispute(id).providerDisputeId())));
        mvc.perform(get("/disputes/" + id).with(user(specialist))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Evidence checklist")))
                .andExpect(content().string(containsString("Goods or Services Not Provided")));
        mvc.perform(get("/disputes/analytics").with(user(specialist))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Visa VAMP")));
        mvc.perform(get("/disputes/reason-codes").param("q", "4837").with(user(specialist))).andExpect(status().isOk())
                .andExpect(content().string(containsString("4837")));
        mvc.perform(post("/disputes/" + id + "/accept").with(user(specialist)).with(csrf()).param("note", "not worth it"))
                .andExpect(status().isFound());
        assertThat(disputes.dispute(id).status()).isEqualTo(DisputeStatus.ACCEPTED);
    }

    @Test
    void monitoringCountsCapturesAndDisputesPerAccountAndMonth() throws Exception {
        String account = "ratio-" + UUID.randomUUID().toString().substring(0, 8);
        // the month the dispute opens in, asked for by name: a dispute of "yesterday" belongs to last month on the
        // 1st, and the current month may change between two reads of the clock
        Instant opened = Instant.now().minus(Duration.ofDays(1));
        YearMonth month = YearMonth.from(opened.atOffset(java.time.ZoneOffset.UTC));
        monitoring.countCapture(account, month.minusMonths(1), 200);
        monitoring.countCapture(account, month, 100);
        dispute(account, opened);
        String token = tokenFor(newUser(Role.PROCESS_MANAGER, List.of()));
        // one Mastercard chargeback this month over 200 last month = 0.5 % (ECP); no Visa activity
        mvc.perform(get("/api/v1/disputes/monitoring").param("month", month.toString())
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.merchantAccount == '" + account + "')].mastercardEcp.ratio").value(hasItem(0.005)))
                .andExpect(jsonPath("$[?(@.merchantAccount == '" + account + "')].mastercardEcp.level").value(hasItem("OK")))
                .andExpect(jsonPath("$[?(@.merchantAccount == '" + account + "')].visaVamp.transactions").value(hasItem(100)));
    }
}
