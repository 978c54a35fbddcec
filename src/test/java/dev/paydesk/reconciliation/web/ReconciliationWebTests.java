package dev.paydesk.reconciliation.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.payments.FileImports;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.reconciliation.Reconciliation;

/** The findings API and pages: roles, market scope, totals, bulk acknowledge and assign, the batch report. */
// Without the run after import: runs take turns now (RunLock), but the test's own wait for its run could still
// time out behind the after-import run under the whole suite's load (docs/reconciliation.md).
@SpringBootTest(properties = "paydesk.reconciliation.run-after-import=false")
@AutoConfigureMockMvc
class ReconciliationWebTests extends PlatformTestSupport {

    private static final DateTimeFormatter ADYEN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Autowired
    MockMvc mvc;

    @Autowired
    FileImports imports;

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    JdbcClient jdbc;

    /** A German order captured twice (a duplicate capture finding) in a batch of its own. */
    private String duplicateIn(String market, String batch) {
        String order = "W-" + market + "-" + UUID.randomUUID().toString().substring(0, 8);
        Instant day = Instant.now().minus(Duration.ofDays(12));
        String header = "Merchant Account,Psp Reference,Merchant Reference,Payment Method,Creation Date,TimeZone,Type,"
                + "Modification Reference,Gross Currency,Gross Credit (GC),Net Currency,Net Credit (NC),Commission (NC),Batch Number\n";
        String line = "adyen-eu,P" + order + "," + order + ",visa," + ADYEN_TIME.format(day) + ",UTC,Settled,%s,EUR,25.00,EUR,24.50,0.50,"
                + batch + "\n";
        asSystem(() -> {
            imports.importFile("orders", "o.csv", new ByteArrayInputStream(("merchant_reference,market,customer_reference,"
                    + "amount,currency,expected_method\n" + order + "," + market + ",c-1,25.00,EUR,card\n")
                    .getBytes(StandardCharsets.UTF_8)));
            imports.importFile("adyen-settlement", "s.csv", new ByteArrayInputStream((header + line.formatted("A" + order)
                    + line.formatted("B" + order)).getBytes(StandardCharsets.UTF_8)));
            reconciliation.reconcileOrders(List.of(order));
        });
        return order;
    }

    private String findingOf(String order) {
        return jdbc.sql("select id from reconciliation_finding where order_ref = :o and type = 'DUPLICATE_CAPTURE'").param("o", order)
                .query(String.class).single();
    }

    @Test
    void findingsAreListedWithTotalsWithinTheCallersMarkets() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        ensureMarket("FR", "EUR", "Europe/Paris", "fr");
        String german = duplicateIn("DE", "9101");
        String french = duplicateIn("FR", "9102");
        String token = tokenFor(newUser(Role.SPECIALIST, List.of("DE")));
        mvc.perform(get("/api/v1/reconciliation/findings?type=DUPLICATE_CAPTURE").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.findings[*].orderRef", hasItem(german)))
                .andExpect(jsonPath("$.findings[*].orderRef", not(hasItem(french))))
                .andExpect(jsonPath("$.findings[*].market", not(hasItem("FR"))))
                .andExpect(jsonPath("$.totals.amountMinorByCurrency.EUR").isNumber());
        mvc.perform(get("/api/v1/reconciliation/findings/" + findingOf(french)).header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/reconciliation/findings")).andExpect(status().isUnauthorized());
        String agent = tokenFor(newUser(Role.AGENT, List.of("DE")));
        mvc.perform(get("/api/v1/reconciliation/findings").header("Authorization", "Bearer " + agent))
                .andExpect(status().isForbidden());
    }

    @Test
    void specialistsAcknowledgeAndAssignInBulkAuditorsOnlyRead() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        String order = duplicateIn("DE", "9103");
        String id = findingOf(order);
        String maria = newUser(Role.SPECIALIST, List.of("DE")).getUsername();
        String body = "{\"ids\": [\"" + id + "\"], \"assignee\": \"" + maria + "\"}";
        String auditor = tokenFor(newUser(Role.AUDITOR, List.of()));
        mvc.perform(get("/api/v1/reconciliation/findings/" + id).header("Authorization", "Bearer " + auditor))
                .andExpect(status().isOk()).andExpect(jsonPath("$.suggestedAction").value(containsString("Refund")));
        mvc.perform(post("/api/v1/reconciliation/findings/acknowledge").header("Authorization", "Bearer " + auditor)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        String specialist = tokenFor(newUser(Role.SPECIALIST, List.of("DE")));
        mvc.perform(post("/api/v1/reconciliation/findings/acknowledge").header("Authorization", "Bearer " + specialist)
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(1));
        mvc.perform(post("/api/v1/reconciliation/findings/assign").header("Authorization", "Bearer " + specialist)
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(1));
        mvc.perform(get("/api/v1/reconciliation/findings/" + id).header("Authorization", "Bearer " + specialist))
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED")).andExpect(jsonPath("$.assignee").value(maria));
        mvc.perform(get("/api/v1/reconciliation/batches").header("Authorization", "Bearer " + auditor))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].batch", hasItem("9103")));
    }

    @Test
    void findingsFiltersIgnoreCaseAndABadSortOrAmountIsNamedNotAnError() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        String order = duplicateIn("DE", "9105");
        var specialist = newUser(Role.SPECIALIST, List.of("DE"));
        mvc.perform(get("/reconciliation").param("market", "de").param("provider", "adyen").param("q", order.toLowerCase())
                        .with(user(specialist)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("/payments/orders/" + order)));
        mvc.perform(get("/reconciliation").param("market", "fr").param("q", order).with(user(specialist)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("/payments/orders/" + order))));
        mvc.perform(get("/reconciliation").param("sort", "amount_minor; drop table x").param("minAmount", "abc")
                        .param("page", "-3").param("size", "zz").with(user(specialist)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("cannot be sorted")))
                .andExpect(content().string(containsString("could not be read")));
        mvc.perform(get("/reconciliation").param("sort", "amount").param("dir", "desc").param("size", "1")
                        .param("q", order).with(user(specialist)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("aria-sort=\"descending\"")));
    }

    @Test
    void theFindingsPageLinksToTheOrderTimeline() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        String order = duplicateIn("DE", "9104");
        var specialist = newUser(Role.SPECIALIST, List.of("DE"));
        mvc.perform(get("/reconciliation").param("q", order).with(user(specialist)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/payments/orders/" + order)))
                .andExpect(content().string(containsString("Duplicate capture")));
        mvc.perform(post("/reconciliation/acknowledge").param("ids", findingOf(order)).with(user(specialist)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/reconciliation/batches").with(user(specialist)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("9104")));
        mvc.perform(get("/reconciliation").with(user(newUser(Role.AGENT, List.of("DE"))))).andExpect(status().isForbidden());
    }
}
