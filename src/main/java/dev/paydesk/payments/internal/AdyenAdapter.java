package dev.paydesk.payments.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.paydesk.payments.DisputeNotified;
import dev.paydesk.payments.PaymentQueries;
import dev.paydesk.payments.Provider;
import dev.paydesk.payments.TransactionKind;
import dev.paydesk.shared.Money;
import dev.paydesk.shared.MoneyParser;
import tools.jackson.databind.JsonNode;

/**
 * Adyen standard webhooks: a batch of NotificationRequestItems, each signed in
 * {@code additionalData.hmacSignature} = Base64(HMAC-SHA256(hex-decoded key,
 * "pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:eventCode:success")).
 */
@Component
class AdyenAdapter {

    private static final Set<String> DISPUTE_CODES = Set.of("NOTIFICATION_OF_FRAUD", "REQUEST_FOR_INFORMATION",
            "NOTIFICATION_OF_CHARGEBACK", "CHARGEBACK", "CHARGEBACK_REVERSED", "SECOND_CHARGEBACK",
            "PREARBITRATION_WON", "PREARBITRATION_LOST", "INFORMATION_SUPPLIED", "ISSUER_COMMENTS",
            "DISPUTE_DEFENSE_PERIOD_ENDED", "ISSUER_RESPONSE_TIMEFRAME_EXPIRED");

    /**
     * The items of a webhook batch, each with its own signature checked. Adyen signs items, not the
     * envelope: a body without any item (or not JSON at all) carries nothing verifiable and is refused
     * as unauthenticated.
     */
    List<JsonNode> verifiedItems(String body, String hexKey) {
        JsonNode root = Json.parse(body);
        JsonNode items = root.path("notificationItems");
        if (!items.isArray() || items.isEmpty()) {
            throw new InvalidSignatureException("an Adyen notification without notificationItems carries no signature");
        }
        byte[] key;
        try {
            key = HexFormat.of().parseHex(hexKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the configured Adyen HMAC key is not hexadecimal", e);
        }
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode wrapper : items) {
            JsonNode item = wrapper.path("NotificationRequestItem");
            String given = Json.text(item.path("additionalData"), "hmacSignature");
            if (given == null) {
                throw new InvalidSignatureException("an Adyen notification item has no hmacSignature");
            }
            byte[] expected = Hmac.sha256(key, signingString(item));
            byte[] provided;
            try {
                provided = Base64.getDecoder().decode(given);
            } catch (IllegalArgumentException e) {
                throw new InvalidSignatureException("hmacSignature is not Base64");
            }
            if (!Hmac.equal(expected, provided)) {
                throw new InvalidSignatureException("Adyen HMAC signature does not match");
            }
            result.add(item);
        }
        return result;
    }

    /** The items of a batch whose signatures were verified when it arrived (quarantine replay). */
    List<JsonNode> items(String body) {
        JsonNode items = Json.parse(body).path("notificationItems");
        if (!items.isArray() || items.isEmpty()) {
            throw new MalformedPayloadException("no notificationItems");
        }
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode wrapper : items) {
            result.add(wrapper.path("NotificationRequestItem"));
        }
        return result;
    }

    static String signingString(JsonNode item) {
        JsonNode amount = item.path("amount");
        return String.join(":", nz(Json.text(item, "pspReference")), nz(Json.text(item, "originalReference")),
                nz(Json.text(item, "merchantAccountCode")), nz(Json.text(item, "merchantReference")),
                amount.path("value").isMissingNode() ? "" : amount.path("value").asString(),
                nz(Json.text(amount, "currency")), nz(Json.text(item, "eventCode")), nz(Json.text(item, "success")));
    }

    ProviderEvent parse(String account, JsonNode item) {
        String psp = Json.required(item, "pspReference");
        String code = Json.required(item, "eventCode");
        boolean success = "true".equalsIgnoreCase(Json.text(item, "success"));
        String key = psp + ":" + code + ":" + success;
        Instant at = Json.instant(Json.text(item, "eventDate"));
        JsonNode amountNode = item.path("amount");
        Money amount = Json.minorUnits(amountNode, "value", Json.currency(amountNode, "currency", false),
                MoneyParser.Sign.NON_NEGATIVE);
        String original = Json.text(item, "originalReference");
        String order = Json.text(item, "merchantReference");
        JsonNode extra = item.path("additionalData");
        String method = Json.text(item, "paymentMethod");
        String last4 = Json.text(extra, "cardSummary");
        String bin = Json.text(extra, "cardBin");
        String customer = Json.text(extra, "shopperReference");
        List<NormalizedTransaction> txs = new ArrayList<>();
        TransactionKind kind = kind(code, success, extra);
        if (kind != null) {
            String ref = DISPUTE_CODES.contains(code) ? psp + ":" + code : psp;
            String status = success ? "success" : "failed" + reason(item);
            txs.add(new NormalizedTransaction(kind, ref, original, order, customer, status, amount, method,
                    method, bin, last4, at));
            if (kind == TransactionKind.REFUND_FAILED) {
                txs.add(new NormalizedTransaction(TransactionKind.REFUND, psp, original, order, customer, "failed",
                        amount, method, method, bin, last4, at));
            }
        }
        if (code.equals("RECURRING_CONTRACT")) {
            return ProviderEvent.bindings(key, code, List.of(new NormalizedBinding(psp, customer,
                    success ? PaymentQueries.BindingAction.ADDED : PaymentQueries.BindingAction.FAILED, method, method,
                    bin, last4, expiry(extra, true), expiry(extra, false), success ? null : Json.text(item, "reason"), at)));
        }
        List<DisputeNotified> disputes = new ArrayList<>();
        if (DISPUTE_CODES.contains(code)) {
            String disputePayment = original != null ? original : psp;
            String due = Json.text(extra, "defensePeriodEndsAt");
            disputes.add(new DisputeNotified(Provider.ADYEN, account, key, disputePayment, disputePayment, order, code,
                    Json.text(extra, "disputeStatus"), trim(Json.text(extra, "chargebackReasonCode")), amount,
                    due == null ? null : Json.instant(due), at, item.toString()));
        }
        return new ProviderEvent(key, code, txs, disputes);
    }

    /** Whether the body is one of Adyen's tokenization webhooks (recurring.token.*) rather than a standard batch. */
    static boolean isTokenWebhook(String body) {
        JsonNode type = Json.parse(body).path("type");
        return type.isString() && type.asString().startsWith("recurring.token.");
    }

    /** Tokenization webhooks carry Base64(HMAC-SHA256(hex key, raw body)) in the {@code HmacSignature} header. */
    void verifyTokenWebhook(WebhookRequest request, String hexKey) {
        String given = request.header("HmacSignature");
        if (given == null) {
            throw new InvalidSignatureException("an Adyen tokenization webhook has no HmacSignature header");
        }
        byte[] expected = Hmac.sha256(HexFormat.of().parseHex(hexKey), request.body());
        try {
            if (!Hmac.equal(expected, Base64.getDecoder().decode(given.trim()))) {
                throw new InvalidSignatureException("Adyen HMAC signature does not match");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidSignatureException("HmacSignature is not Base64");
        }
    }

    /** recurring.token.created / updated / disabled / alreadyExisting: the stored payment method's life cycle. */
    ProviderEvent parseTokenWebhook(String body) {
        JsonNode root = Json.parse(body);
        String type = Json.required(root, "type");
        JsonNode data = root.path("data");
        PaymentQueries.BindingAction action = switch (type) {
            case "recurring.token.created" -> PaymentQueries.BindingAction.ADDED;
            case "recurring.token.disabled" -> PaymentQueries.BindingAction.REMOVED;
            case "recurring.token.updated", "recurring.token.alreadyExisting" -> PaymentQueries.BindingAction.UPDATED;
            default -> null;
        };
        String eventId = Json.required(root, "eventId");
        if (action == null) {
            return ProviderEvent.ignored(eventId + ":" + type, type);
        }
        String method = Json.text(data, "type");
        return ProviderEvent.bindings(eventId + ":" + type, type, List.of(new NormalizedBinding(
                Json.required(data, "storedPaymentMethodId"), Json.text(data, "shopperReference"), action, method,
                method, null, null, null, null, null, Json.instant(Json.text(root, "createdAt")))));
    }

    /** Month or year of {@code additionalData.expiryDate} ("8/2028"). */
    private static @Nullable Integer expiry(JsonNode extra, boolean month) {
        String value = Json.text(extra, "expiryDate");
        if (value == null || !value.matches("\\d{1,2}/\\d{4}")) {
            return null;
        }
        String[] parts = value.split("/");
        return Integer.valueOf(month ? parts[0] : parts[1]);
    }

    private static @Nullable TransactionKind kind(String code, boolean success, JsonNode extra) {
        return switch (code) {
            case "AUTHORISATION" -> success ? TransactionKind.AUTHORISATION : TransactionKind.AUTHORISATION_FAILED;
            case "CAPTURE" -> success ? TransactionKind.CAPTURE : TransactionKind.CAPTURE_FAILED;
            case "CAPTURE_FAILED" -> TransactionKind.CAPTURE_FAILED;
            case "REFUND" -> success ? TransactionKind.REFUND : TransactionKind.REFUND_FAILED;
            case "REFUND_FAILED" -> TransactionKind.REFUND_FAILED;
            case "REFUNDED_REVERSED" -> TransactionKind.REFUND_REVERSED;
            case "CANCELLATION", "TECHNICAL_CANCEL" -> success ? TransactionKind.CANCELLATION : null;
            case "CANCEL_OR_REFUND" -> !success ? null
                    : "refund".equalsIgnoreCase(Json.text(extra, "modification.action")) ? TransactionKind.REFUND
                    : TransactionKind.CANCELLATION;
            case "CHARGEBACK", "SECOND_CHARGEBACK" -> TransactionKind.CHARGEBACK;
            case "CHARGEBACK_REVERSED", "PREARBITRATION_WON" -> TransactionKind.CHARGEBACK_REVERSED;
            case "NOTIFICATION_OF_CHARGEBACK", "NOTIFICATION_OF_FRAUD", "REQUEST_FOR_INFORMATION",
                 "PREARBITRATION_LOST", "INFORMATION_SUPPLIED", "ISSUER_COMMENTS", "DISPUTE_DEFENSE_PERIOD_ENDED",
                 "ISSUER_RESPONSE_TIMEFRAME_EXPIRED" -> TransactionKind.DISPUTE_NOTICE;
            case "PAIDOUT_REVERSED", "PAYOUT_THIRDPARTY", "PAYOUT_DECLINE", "PAYOUT_EXPIRE" -> TransactionKind.PAYOUT;
            default -> null;
        };
    }

    private static String reason(JsonNode item) {
        String reason = Json.text(item, "reason");
        return reason == null ? "" : ": " + reason;
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static @Nullable String trim(@Nullable String s) {
        return s == null ? null : s.trim();
    }
}
