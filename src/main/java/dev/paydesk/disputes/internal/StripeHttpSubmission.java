package dev.paydesk.disputes.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.paydesk.disputes.DisputeSummary;
import dev.paydesk.disputes.EvidencePack;
import dev.paydesk.payments.Provider;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's dispute API for merchant accounts with a {@code submission-url} and {@code api-key}: the PDF is
 * uploaded with {@code POST /v1/files} (purpose {@code dispute_evidence}), then
 * {@code POST /v1/disputes/{id}} sends the text evidence fields, the file as
 * {@code evidence[uncategorized_file]} and {@code submit=true} (docs.stripe.com/api/disputes/update,
 * docs.stripe.com/api/files/create).
 */
@Component
@Order(10)
class StripeHttpSubmission implements SubmissionAdapter {

    /** Text fields of Stripe's evidence object that the pack fills. */
    static final Set<String> TEXT_FIELDS = Set.of("product_description", "shipping_carrier", "shipping_tracking_number",
            "shipping_date", "refund_policy_disclosure", "cancellation_policy_disclosure", "cancellation_rebuttal",
            "refund_refusal_explanation", "duplicate_charge_explanation", "access_activity_log", "uncategorized_text");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public String name() {
        return "stripe-api";
    }

    @Override
    public boolean handles(DisputeSummary dispute, DisputeProperties.@Nullable Account account) {
        return dispute.provider() == Provider.STRIPE && account != null && account.submissionUrl() != null
                && account.apiKey() != null;
    }

    @Override
    public Result submit(DisputeSummary dispute, EvidencePack pack, byte[] pdf, DisputeProperties.@Nullable Account account) {
        if (account == null || account.submissionUrl() == null || account.apiKey() == null) {
            throw new IllegalStateException("no Stripe API configured for " + dispute.merchantAccount());
        }
        String base = account.submissionUrl().replaceAll("/+$", "");
        try {
            HttpResponse<String> file = uploadFile(base, account.apiKey(), dispute.providerDisputeId() + ".pdf", pdf);
            if (file.statusCode() / 100 != 2) {
                return new Result(false, "file upload " + file.statusCode() + ": " + file.body());
            }
            String fileId = JSON.readTree(file.body()).path("id").asString();
            StringJoiner form = new StringJoiner("&");
            for (Map.Entry<String, String> field : pack.fields().entrySet()) {
                if (TEXT_FIELDS.contains(field.getKey())) {
                    form.add(encode("evidence[" + field.getKey() + "]") + "=" + encode(field.getValue()));
                }
            }
            form.add(encode("evidence[uncategorized_file]") + "=" + encode(fileId));
            form.add("submit=true");
            HttpRequest update = HttpRequest.newBuilder(URI.create(base + "/v1/disputes/"
                            + encode(dispute.providerDisputeId())))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + account.apiKey())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Idempotency-Key", "paydesk-" + dispute.id() + "-" + dispute.version())
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
            HttpResponse<String> response = http.send(update, HttpResponse.BodyHandlers.ofString());
            return new Result(response.statusCode() / 100 == 2, response.statusCode() + ": " + response.body());
        } catch (IOException e) {
            return new Result(false, "Stripe API unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted");
        }
    }

    private HttpResponse<String> uploadFile(String base, String key, String name, byte[] pdf)
            throws IOException, InterruptedException {
        String boundary = "paydesk-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\ndispute_evidence\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(pdf);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/files"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
