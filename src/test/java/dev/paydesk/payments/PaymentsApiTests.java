package dev.paydesk.payments;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;

/** The order API: authentication, market scope and the timeline's shape. */
@SpringBootTest
@AutoConfigureMockMvc
class PaymentsApiTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Test
    void aSpecialistUploadsAnOrderFeedThroughThePage() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        var specialist = newUser(Role.SPECIALIST, List.of("DE"));
        String order = "ORD-" + UUID.randomUUID();
        var file = new org.springframework.mock.web.MockMultipartFile("file", "orders.csv", "text/csv",
                ("merchant_reference,market,customer_reference,amount,currency,expected_method\n" + order
                        + ",DE,c-1,12.50,EUR,card\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/payments/imports")
                        .file(file).param("kind", "orders")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(specialist))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("1 new,")));
        var agent = newUser(Role.AGENT, List.of("DE"));
        mvc.perform(get("/payments/imports").with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(agent)))
                .andExpect(status().isForbidden());
    }

    @Test
    void anOrderIsVisibleOnlyInsideTheCallersMarkets() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        ensureMarket("FR", "EUR", "Europe/Paris", "fr");
        String order = "ORD-" + UUID.randomUUID();
        String body = StripeWebhookTests.chargeSucceeded("evt_" + UUID.randomUUID(), "ch_api" + UUID.randomUUID(), order, 1999);
        mvc.perform(post("/webhooks/stripe/stripe-eu").contentType(MediaType.APPLICATION_JSON)
                .header("Stripe-Signature", WebhookSigning.stripeHeader(body, Instant.now().getEpochSecond()))
                .content(body)).andExpect(status().isOk());

        mvc.perform(get("/api/v1/orders/" + order)).andExpect(status().isUnauthorized());
        String german = tokenFor(newUser(Role.SPECIALIST, List.of("DE")));
        mvc.perform(get("/api/v1/orders/" + order).header("Authorization", "Bearer " + german))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.market").value("DE"))
                .andExpect(jsonPath("$.steps[0].kind").value("CAPTURE"))
                .andExpect(jsonPath("$.balance.captured.minor").value(1999))
                .andExpect(jsonPath("$.balance.net.minor").value(1999));
        String french = tokenFor(newUser(Role.SPECIALIST, List.of("FR")));
        mvc.perform(get("/api/v1/orders/" + order).header("Authorization", "Bearer " + french))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/payments?last4=4242&order=" + order).header("Authorization", "Bearer " + german))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].merchantReference").value(order));
        mvc.perform(get("/api/v1/payments?order=" + order).header("Authorization", "Bearer " + french))
                .andExpect(status().isOk()).andExpect(jsonPath("$").isEmpty());
    }
}
