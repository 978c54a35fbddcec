package dev.paydesk.payments.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.paydesk.payments.DisputeNotified;
import dev.paydesk.payments.PaymentQueries;
import dev.paydesk.payments.Provider;
import dev.paydesk.payments.TransactionKind;
import dev.paydesk.shared.Money;
import tools.jackson.databind.JsonNode;

/**
 * Klarna webhooks: Klarna signs the raw JSON with the signing key named in
 * {@code Klarna-Signing-Key-Id} using HMAC-SHA256 and sends it in {@code Klarna-Signature}; the
 * signature is accepted hex- or Base64-encoded. Events carry {@code metadata.event_type},
 * {@code metadata.event_id}, {@code metadata.occurred_at} and a {@code payload}.
 *
 * <p>Klarna has no webhook event for a customer token's life cycle. A token is issued inside a
 * payment request that reaches COMPLETED (or AUTHORIZED in the v1 flow): the
 * {@code payment.request.state-change.*} event then carries {@code klarna_customer.customer_token}
 * and the merchant's {@code customer_token_reference}, under {@code state_context} or directly in
 * the payload. That becomes an ADDED binding for the customer named by the reference. Cancellation
 * is the merchant's own Customer Token API call and reaches Paydesk through
 * {@link KlarnaCustomerTokens}.
 */
@Component
class KlarnaAdapter {

    void verify(WebhookRequest request, String signingKey) {
        String given = request.header("Klarna-Signature");
        if (given == null || given.isBlank()) {
            throw new InvalidSignatureException("missing Klarna-Signature header");
        }
        byte[] expected = Hmac.sha256(signingKey.getBytes(StandardCharsets.UTF_8), request.body());
        String candidate = given.trim();
        if (candidate.regionMatches(true, 0, "sha256=", 0, 7)) {
            candidate = candidate.substring(7);
        }
        boolean hexOk = candidate.matches("[0-9a-fA-F]{64}")
                && Hmac.equal(expected, HexFormat.of().parseHex(candidate));
        boolean base64Ok = false;
        if (!hexOk) {
            try {
                base64Ok = Hmac.equal(expected, Base64.getDecoder().decode(candidate));
            } catch (IllegalArgumentException e) {
                base64Ok = false;
            }
        }
        if (!hexOk && !base64Ok) {
            throw new InvalidSignatureException("Klarna signature does not match");
        }
    }

    ProviderEvent parse(String account, String body) {
        JsonNode root = Json.parse(body);
        JsonNode meta = root.path("metadata");
        String id = Json.required(meta, "event_id");
        String type = Json.required(meta, "event_type");
        Instant at = Json.instant(Json.text(meta, "occurred_at"));
        JsonNode payload = root.path("payload");
        String lower = type.toLowerCase(Locale.ROOT);
        List<NormalizedBinding> bindings = issuedToken(lower, payload, at);
        List<NormalizedTransaction> txs = new ArrayList<>();
        List<DisputeNotified> disputes = new ArrayList<>();
        Money amount = amount(payload);
        String order = first(payload, "merchant_reference", "purchase_reference", "merchant_reference1", "order_id");
        String payment = first(payload, "payment_transaction_id", "transaction_id", "order_id", "capture_id");
        if (lower.contains("dispute")) {
            String disputeId = first(payload, "dispute_id", "id");
            if (disputeId == null) {
                throw new MalformedPayloadException("dispute event without dispute_id");
            }
            if (amount != null) {
                txs.add(new NormalizedTransaction(TransactionKind.DISPUTE_NOTICE, disputeId, payment, order, null,
                        lower.substring(lower.lastIndexOf('.') + 1), amount, "klarna", null, null, null, at));
            }
            String due = first(payload, "deadline", "respond_by", "due_date");
            disputes.add(new DisputeNotified(Provider.KLARNA, account, id, disputeId, payment, order, type,
                    first(payload, "state", "status"), first(payload, "reason", "reason_code"), amount,
                    due == null ? null : Json.instant(due), at, body));
            return new ProviderEvent(id, type, txs, disputes);
        }
        TransactionKind kind = lower.contains("refund") ? TransactionKind.REFUND
                : lower.contains("capture") ? TransactionKind.CAPTURE
                : lower.contains("authorized") ? TransactionKind.AUTHORISATION
                : lower.contains("expired") || lower.contains("cancel") ? TransactionKind.CANCELLATION : null;
        String ref = first(payload, "refund_id", "capture_id", "payment_transaction_id", "order_id");
        if (kind != null && amount != null && ref != null) {
            txs.add(new NormalizedTransaction(kind, ref, payment, order, null,
                    lower.substring(lower.lastIndexOf('.') + 1), amount, "klarna", null, null, null, at));
        }
        return new ProviderEvent(id, type, txs, disputes, bindings);
    }

    /**
     * The customer token a completed (or, in the v1 flow, authorized) payment request issued, as an
     * ADDED binding of method {@code klarna}; none when the request was not a tokenization. Klarna's
     * notification names no card details, so brand, last four and expiry stay empty.
     */
    private static List<NormalizedBinding> issuedToken(String type, JsonNode payload, Instant at) {
        if (!type.startsWith("payment.request.state-change.")
                || !(type.endsWith(".completed") || type.endsWith(".authorized"))) {
            return List.of();
        }
        JsonNode customer = payload.path("state_context").path("klarna_customer");
        if (customer.isMissingNode()) {
            customer = payload.path("klarna_customer");
        }
        String token = Json.text(customer, "customer_token");
        if (token == null) {
            return List.of();
        }
        return List.of(new NormalizedBinding(token, Json.text(customer, "customer_token_reference"),
                PaymentQueries.BindingAction.ADDED, "klarna", null, null, null, null, null, null, at));
    }

    private static @Nullable Money amount(JsonNode payload) {
        JsonNode value = payload.has("amount") ? payload.path("amount") : payload.path("captured_amount");
        String currency = first(payload, "currency", "purchase_currency", "currency_code");
        if (value.isMissingNode() || value.isNull() || currency == null) {
            return null;
        }
        if (value.isObject()) {
            return new Money(Json.requiredLong(value, "value"), currency(currency));
        }
        return new Money(Json.wholeNumber(value, "amount"), currency(currency));
    }

    private static java.util.Currency currency(String code) {
        try {
            return java.util.Currency.getInstance(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException("unknown currency '" + code + "'");
        }
    }

    private static @Nullable String first(JsonNode node, String... fields) {
        for (String f : fields) {
            String v = Json.text(node, f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
