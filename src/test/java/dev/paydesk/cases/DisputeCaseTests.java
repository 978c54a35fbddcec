package dev.paydesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.UserAccount;
import dev.paydesk.shared.Money;

/**
 * Disputes on the case desk, driven by signed Stripe webhooks: a dispute opens a case in the dispute
 * queue with the respond-by date as its external deadline (or joins the customer's open case), a
 * refund on the disputed payment needs approval, and the won dispute resolves the case. How the case
 * desk joins or opens a case for a dispute is {@link DisputeIntakeTests} (a module test).
 */
@SpringBootTest
@AutoConfigureMockMvc
class DisputeCaseTests extends PlatformTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseDesk desk;

    @Autowired
    MoneyActions money;

    @BeforeEach
    void market() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
    }

    private void stripe(String type, String dispute, String charge, String order, String status, long dueBy) throws Exception {
        long t = Instant.now().getEpochSecond();
        String body = """
                {"id": "evt_%s", "object": "event", "api_version": "2024-06-20", "created": %d, "type": "%s",
                 "data": {"object": {"id": "%s", "object": "dispute", "amount": 4999, "currency": "eur", "charge": "%s",
                   "created": %d, "reason": "fraudulent", "status": "%s", "is_charge_refundable": false,
                   "evidence_details": {"due_by": %d, "has_evidence": false, "past_due": false, "submission_count": 0},
                   "payment_method_details": {"type": "card", "card": {"brand": "visa", "network_reason_code": "10.4"}},
                   "metadata": {"order_reference": "%s"}}}}""".formatted(UUID.randomUUID(), t, type, dispute, charge, t, status,
                dueBy, order);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("whsec_paydesk_test_secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sig = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        mvc.perform(post("/webhooks/stripe/stripe-eu").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("Stripe-Signature", "t=" + t + ",v1=" + sig)).andExpect(status().isOk());
    }

    private List<CaseSummary> casesFor(String disputeRef) {
        List<CaseSummary> out = new java.util.ArrayList<>();
        asSystem(() -> out.addAll(desk.linkedTo(LinkKind.PAYMENT, disputeRef)));
        return out;
    }

    @Test
    void aDisputeOpensACaseWithItsDeadlineAndItsOutcomeResolvesIt() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String charge = "ch_" + id;
        long dueBy = Instant.now().plus(Duration.ofDays(10)).getEpochSecond();
        stripe("charge.dispute.created", "dp_" + id, charge, "ORD-" + id, "needs_response", dueBy);
        stripe("charge.dispute.created", "dp_" + id, charge, "ORD-" + id, "needs_response", dueBy);

        await().atMost(Duration.ofSeconds(30)).until(() -> !casesFor(charge).isEmpty());
        List<CaseSummary> cases = casesFor(charge);
        assertThat(cases).hasSize(1);
        CaseSummary c = cases.getFirst();
        assertThat(c.queue()).isEqualTo("disputes");
        assertThat(c.source()).isEqualTo(CaseSource.DISPUTE);
        CaseDetail[] detail = new CaseDetail[1];
        asSystem(() -> detail[0] = desk.get(c.id()));
        CaseClock external = detail[0].clocks().stream().filter(k -> k.kind() == ClockKind.EXTERNAL).findFirst().orElseThrow();
        assertThat(external.label()).startsWith("Respond to dispute");
        assertThat(external.dueAt()).isBefore(Instant.ofEpochSecond(dueBy)).isAfter(Instant.now());

        UserAccount specialist = newUser(Role.SPECIALIST, List.of("DE"));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(specialist, null,
                List.of(new SimpleGrantedAuthority("ROLE_SPECIALIST"))));
        try {
            MoneyAction refund = money.request(c.id(), MoneyActionType.REFUND, Money.of(1_00, "EUR"), charge, null,
                    "Customer asks for the money back");
            assertThat(refund.status()).isEqualTo(MoneyAction.Status.PENDING_APPROVAL);
            assertThat(refund.approvalNote()).contains("open dispute");
            MoneyAction undisputed = money.request(c.id(), MoneyActionType.REFUND, Money.of(1_00, "EUR"), "ch_other" + id,
                    null, "A small refund on another payment");
            assertThat(undisputed.status()).isEqualTo(MoneyAction.Status.APPROVED);
        } finally {
            SecurityContextHolder.clearContext();
        }

        stripe("charge.dispute.closed", "dp_" + id, charge, "ORD-" + id, "won", dueBy);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            CaseDetail[] after = new CaseDetail[1];
            asSystem(() -> after[0] = desk.get(c.id()));
            assertThat(after[0].summary().status()).isEqualTo(CaseStatus.RESOLVED);
            assertThat(after[0].timeline()).anySatisfy(e -> assertThat(e.body()).startsWith("Dispute closed: won"));
        });
    }
}
