package dev.paydesk.disputes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.paydesk.disputes.CardNetwork;
import dev.paydesk.disputes.DisputeStage;
import dev.paydesk.disputes.DisputeStatus;
import dev.paydesk.disputes.DisputeSummary;
import dev.paydesk.disputes.EvidencePack;
import dev.paydesk.disputes.ReasonCategory;
import dev.paydesk.payments.Provider;
import dev.paydesk.shared.Money;

/** The Stripe submission adapter against a local HTTP stub that answers like Stripe's Files and Disputes APIs. */
class StripeSubmissionStubTests {

    private HttpServer server;
    private final List<String> paths = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> form = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile String authorization;
    private volatile int disputeStatus = 200;
    private volatile byte[] uploaded = new byte[0];

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/files", ex -> {
            paths.add(ex.getRequestURI().getPath());
            uploaded = ex.getRequestBody().readAllBytes();
            respond(ex, 200, "{\"id\": \"file_stub_123\", \"object\": \"file\", \"purpose\": \"dispute_evidence\"}");
        });
        server.createContext("/v1/disputes/", ex -> {
            paths.add(ex.getRequestURI().getPath());
            authorization = ex.getRequestHeaders().getFirst("Authorization");
            for (String pair : new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                String[] kv = pair.split("=", 2);
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            respond(ex, disputeStatus, disputeStatus == 200 ? "{\"id\": \"dp_stub\", \"object\": \"dispute\", \"status\": \"under_review\"}"
                    : "{\"error\": {\"message\": \"This dispute is already closed\"}}");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private DisputeProperties.Account account() {
        return new DisputeProperties.Account("DE", null, null, "http://127.0.0.1:" + server.getAddress().getPort(),
                "sk_test_stub");
    }

    private static EvidencePack pack(DisputeSummary d) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("shipping_carrier", "DHL");
        fields.put("shipping_tracking_number", "00340434161234567890");
        fields.put("dispute_reference", d.providerDisputeId());
        return new EvidencePack(d, null, null, List.of(), List.of(), null, null, List.of(), fields);
    }

    private static DisputeSummary dispute() {
        return new DisputeSummary(UUID.randomUUID(), Provider.STRIPE, "stripe-eu", "dp_1Q2w3E", CardNetwork.VISA, "DE",
                DisputeStage.CHARGEBACK, DisputeStatus.NEEDS_RESPONSE, "13.1", ReasonCategory.NOT_RECEIVED,
                Money.of(4999, "EUR"), Money.of(1500, "EUR"), "ch_1", "ORD-1", "cust-1", Instant.now(), false,
                Instant.now(), Instant.now(), null, 3);
    }

    @Test
    void uploadsThePdfThenPostsTheEvidenceFieldsAndSubmits() {
        StripeHttpSubmission adapter = new StripeHttpSubmission();
        DisputeSummary d = dispute();
        assertThat(adapter.handles(d, account())).isTrue();
        byte[] pdf = "%PDF-1.7 stub".getBytes(StandardCharsets.US_ASCII);
        SubmissionAdapter.Result result = adapter.submit(d, pack(d), pdf, account());
        assertThat(result.accepted()).isTrue();
        assertThat(paths).containsExactly("/v1/files", "/v1/disputes/dp_1Q2w3E");
        assertThat(new String(uploaded, StandardCharsets.ISO_8859_1)).contains("name=\"purpose\"", "dispute_evidence",
                "%PDF-1.7 stub");
        assertThat(authorization).isEqualTo("Bearer sk_test_stub");
        assertThat(form).containsEntry("evidence[shipping_carrier]", "DHL")
                .containsEntry("evidence[shipping_tracking_number]", "00340434161234567890")
                .containsEntry("evidence[uncategorized_file]", "file_stub_123")
                .containsEntry("submit", "true")
                .doesNotContainKey("evidence[dispute_reference]");
    }

    @Test
    void aRejectionIsReportedNotSwallowed() {
        disputeStatus = 400;
        DisputeSummary d = dispute();
        SubmissionAdapter.Result result = new StripeHttpSubmission().submit(d, pack(d), new byte[] {1}, account());
        assertThat(result.accepted()).isFalse();
        assertThat(result.response()).contains("400", "already closed");
    }

    @Test
    void onlyStripeAccountsWithAnApiAreHandled() {
        DisputeSummary d = dispute();
        assertThat(new StripeHttpSubmission().handles(d, null)).isFalse();
        assertThat(new StripeHttpSubmission().handles(d, new DisputeProperties.Account("DE", null, null, null, null)))
                .isFalse();
    }
}
