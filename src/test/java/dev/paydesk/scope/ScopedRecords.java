package dev.paydesk.scope;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** Real records of one market for the scope tests: a case, an order and a dispute. */
record ScopedRecords(String market, String caseKey, String orderRef, UUID disputeId) {

    static ScopedRecords create(MockMvc mvc, JdbcClient jdbc, String allMarketsToken, String market) throws Exception {
        String body = mvc.perform(post("/api/v1/cases").header("Authorization", "Bearer " + allMarketsToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\": \"Scope test " + market + "\", \"market\": \"" + market
                                + "\", \"customerEmail\": \"scope-" + market.toLowerCase() + "@example.com\"}"))
                .andReturn().getResponse().getContentAsString();
        String key = JsonPath.read(body, "$.key");
        String order = "ORD-SCOPE-" + market + "-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into payments_order (merchant_reference, market, customer_reference, amount_due_minor, currency) "
                + "values (?, ?, 'cust-scope', 4200, 'EUR')").params(order, market).update();
        UUID dispute = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into disputes_dispute (id, provider, merchant_account, provider_dispute_id, network, market, stage,
                    status, reason_category, amount_minor, currency, opened_at, last_signal_at, updated_at, version)
                values (?, 'STRIPE', 'stripe-eu', ?, 'VISA', ?, 'CHARGEBACK', 'NEEDS_RESPONSE', 'FRAUD', 4200, 'EUR', ?, ?, ?, 0)""")
                .params(dispute, "dp_scope_" + dispute, market, now, now, now).update();
        return new ScopedRecords(market, key, order, dispute);
    }
}
