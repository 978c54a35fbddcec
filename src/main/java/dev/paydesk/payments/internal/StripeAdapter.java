package dev.paydesk.payments.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import dev.paydesk.shared.MoneyParser;
import tools.jackson.databind.JsonNode;

/**
 * Stripe webhooks: {@code Stripe-Signature: t=<unix>,v1=<hex>} where v1 = HMAC-SHA256(endpoint secret,
 * "<t>.<raw body>"), with a timestamp tolerance; charge, payment_intent, refund, charge.dispute.* and
 * payout events mapped to the normalised model; payment_method.attached/updated/detached and
 * setup_intent.setup_failed as changes of the customer's stored payment methods.
 */
@Component
class StripeAdapter {

    private final Clock clock;

    StripeAdapter(Clock clock) {
        this.clock = clock;
    }

    void verify(WebhookRequest request, String secret, long toleranceSeconds) {
        String header = request.header("Stripe-Signature");
        if (header == null) {
            throw new InvalidSignatureException("missing Stripe-Signature header");
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            if (kv[0].equals("t") && kv[1].matches("\\d{1,12}")) {
                timestamp = Long.parseLong(kv[1]);
            } else if (kv[0].equals("v1")) {
                signatures.add(kv[1]);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw new InvalidSignatureException("Stripe-Signature lacks a timestamp or a v1 signature");
        }
        long age = Math.abs(clock.instant().getEpochSecond() - timestamp);
        if (age > toleranceSeconds) {
            throw new InvalidSignatureException("Stripe signature timestamp is outside the tolerance");
        }
        byte[] expected = Hmac.sha256(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                timestamp + "." + request.text());
        for (String candidate : signatures) {
            if (candidate.matches("[0-9a-fA-F]{64}") && Hmac.equal(expected, HexFormat.of().parseHex(candidate))) {
                return;
            }
        }
        throw new InvalidSignatureException("no Stripe v1 signature matches");
    }

    ProviderEvent parse(String account, String body) {
        JsonNode event = Json.parse(body);
        String id = Json.required(event, "id");
        String type = Json.required(event, "type");
        JsonNode object = event.path("data").path("object");
        if (object.isMissingNode()) {
            throw new MalformedPayloadException("missing data.object");
        }
        Instant created = Json.epochSecond(event.path("created").asLong(clock.instant().getEpochSecond()), "created");
        List<NormalizedTransaction> txs = new ArrayList<>();
        List<DisputeNotified> disputes = new ArrayList<>();
        switch (type) {
            case "charge.succeeded", "charge.captured", "charge.failed", "charge.expired", "charge.pending" ->
                    txs.add(charge(type, object, created));
            case "payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled",
                 "payment_intent.amount_capturable_updated" -> {
                NormalizedTransaction tx = paymentIntent(type, object, created);
                if (tx != null) {
                    txs.add(tx);
                }
            }
            case "refund.created", "refund.updated", "refund.failed", "charge.refund.updated" ->
                    txs.addAll(refund(object, created, type.equals("refund.failed")));
            case "payout.created", "payout.updated", "payout.paid", "payout.failed", "payout.canceled" ->
                    txs.add(tx(TransactionKind.PAYOUT, Json.required(object, "id"), null, null, null,
                            status(object, "pending"), money(object, "amount"), null, null, created));
            case "payment_method.attached", "payment_method.updated", "payment_method.automatically_updated",
                 "payment_method.detached" -> {
                return ProviderEvent.bindings(id, type, List.of(paymentMethod(type, object,
                        event.path("data").path("previous_attributes"), created)));
            }
            case "setup_intent.setup_failed" -> {
                return ProviderEvent.bindings(id, type, List.of(setupFailed(object, created)));
            }
            default -> {
                if (type.startsWith("charge.dispute.")) {
                    dispute(account, id, type, object, created, body, txs, disputes);
                } else {
                    return ProviderEvent.ignored(id, type);
                }
            }
        }
        return new ProviderEvent(id, type, txs, disputes);
    }

    private NormalizedTransaction charge(String type, JsonNode charge, Instant created) {
        boolean captured = charge.path("captured").asBoolean(false);
        TransactionKind kind = switch (type) {
            case "charge.failed" -> TransactionKind.AUTHORISATION_FAILED;
            case "charge.expired" -> TransactionKind.CANCELLATION;
            case "charge.captured" -> TransactionKind.CAPTURE;
            default -> captured ? TransactionKind.CAPTURE : TransactionKind.AUTHORISATION;
        };
        Money amount = kind == TransactionKind.CAPTURE && charge.path("amount_captured").asLong(0) > 0
                ? money(charge, "amount_captured") : money(charge, "amount");
        JsonNode card = charge.path("payment_method_details").path("card");
        String method = Json.text(charge.path("payment_method_details"), "type");
        return new NormalizedTransaction(kind, Json.required(charge, "id"), Json.text(charge, "payment_intent"),
                orderReference(charge), Json.text(charge, "customer"), status(charge, "succeeded"), amount, method,
                Json.text(card, "brand"), Json.text(card, "iin"), Json.text(card, "last4"), created(charge, created));
    }

    /**
     * A payment intent's event as one movement under its charge: the charge is {@code latest_charge}
     * (an id, or the object when expanded; API versions since 2022-11-15) or {@code charges.data}
     * (earlier versions). Card details, order and customer come from the charge when the intent lacks them.
     */
    private @Nullable NormalizedTransaction paymentIntent(String type, JsonNode pi, Instant created) {
        String piId = Json.required(pi, "id");
        JsonNode charge = chargeOf(pi);
        String chargeId = Json.text(charge, "id") != null ? Json.text(charge, "id") : Json.text(pi, "latest_charge");
        String ref = chargeId == null ? piId : chargeId;
        String order = orderReference(pi) != null ? orderReference(pi) : orderReference(charge);
        String customer = Json.text(pi, "customer") != null ? Json.text(pi, "customer") : Json.text(charge, "customer");
        JsonNode card = charge.path("payment_method_details").path("card");
        if (card.isMissingNode()) {
            card = pi.path("payment_method").path("card"); // payment_method expanded
        }
        String method = Json.text(charge.path("payment_method_details"), "type") != null
                ? Json.text(charge.path("payment_method_details"), "type") : firstMethod(pi);
        return switch (type) {
            case "payment_intent.succeeded" -> new NormalizedTransaction(TransactionKind.CAPTURE, ref, piId, order,
                    customer, "succeeded", pi.path("amount_received").asLong(0) > 0 ? money(pi, "amount_received")
                    : money(pi, "amount"), method, Json.text(card, "brand"), Json.text(card, "iin"),
                    Json.text(card, "last4"), created);
            case "payment_intent.amount_capturable_updated" -> new NormalizedTransaction(TransactionKind.AUTHORISATION,
                    ref, piId, order, customer, "requires_capture", pi.path("amount_capturable").asLong(0) > 0
                    ? money(pi, "amount_capturable") : money(pi, "amount"), method, Json.text(card, "brand"),
                    Json.text(card, "iin"), Json.text(card, "last4"), created);
            case "payment_intent.payment_failed" -> tx(TransactionKind.AUTHORISATION_FAILED, piId, null, order,
                    customer, "failed", money(pi, "amount"), method, Json.text(card, "last4"), created);
            case "payment_intent.canceled" -> tx(TransactionKind.CANCELLATION, piId, null, order, customer, "canceled",
                    money(pi, "amount"), method, Json.text(card, "last4"), created);
            default -> null;
        };
    }

    /** The intent's charge: {@code latest_charge} expanded, else the matching (or only) entry of {@code charges.data}. */
    private static JsonNode chargeOf(JsonNode pi) {
        JsonNode latest = pi.path("latest_charge");
        if (latest.isObject()) {
            return latest;
        }
        String latestId = latest.isString() ? latest.asString() : null;
        JsonNode data = pi.path("charges").path("data");
        for (JsonNode charge : data) {
            if (latestId == null || latestId.equals(Json.text(charge, "id"))) {
                return charge;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    private List<NormalizedTransaction> refund(JsonNode refund, Instant created, boolean failedEvent) {
        String id = Json.required(refund, "id");
        String status = status(refund, "pending");
        String original = Json.text(refund, "charge") != null ? Json.text(refund, "charge")
                : Json.text(refund, "payment_intent");
        Money amount = money(refund, "amount");
        Instant at = created(refund, created);
        List<NormalizedTransaction> txs = new ArrayList<>();
        txs.add(tx(TransactionKind.REFUND, id, original, orderReference(refund), null, status, amount, null, null, at));
        if (failedEvent || status.equals("failed") || status.equals("canceled")) {
            txs.add(tx(TransactionKind.REFUND_FAILED, id, original, orderReference(refund), null,
                    Json.text(refund, "failure_reason") == null ? status : Json.text(refund, "failure_reason"),
                    amount, null, null, created));
        }
        return txs;
    }

    private void dispute(String account, String eventId, String type, JsonNode dispute, Instant created, String body,
                         List<NormalizedTransaction> txs, List<DisputeNotified> disputes) {
        String id = Json.required(dispute, "id");
        Money amount = money(dispute, "amount");
        String charge = Json.text(dispute, "charge");
        String status = status(dispute, "needs_response");
        TransactionKind kind = switch (type) {
            case "charge.dispute.funds_withdrawn" -> TransactionKind.CHARGEBACK;
            case "charge.dispute.funds_reinstated" -> TransactionKind.CHARGEBACK_REVERSED;
            default -> TransactionKind.DISPUTE_NOTICE;
        };
        txs.add(tx(kind, id, charge, orderReference(dispute), null, status, amount, null, null, created));
        long due = dispute.path("evidence_details").path("due_by").asLong(0);
        disputes.add(new DisputeNotified(Provider.STRIPE, account, eventId, id, charge, orderReference(dispute), type,
                status, Json.text(dispute, "reason"), amount, due > 0 ? Json.epochSecond(due, "evidence_details.due_by") : null, created, body));
    }

    /** A PaymentMethod attached to, updated for or detached from a customer (detached: customer in previous_attributes). */
    private static NormalizedBinding paymentMethod(String type, JsonNode pm, JsonNode previous, Instant created) {
        PaymentQueries.BindingAction action = switch (type) {
            case "payment_method.attached" -> PaymentQueries.BindingAction.ADDED;
            case "payment_method.detached" -> PaymentQueries.BindingAction.REMOVED;
            default -> PaymentQueries.BindingAction.UPDATED;
        };
        String customer = Json.text(pm, "customer") != null ? Json.text(pm, "customer") : Json.text(previous, "customer");
        return binding(pm, customer, action, null, created);
    }

    /** A SetupIntent that could not save the method: the method from last_setup_error, the reason its message. */
    private static NormalizedBinding setupFailed(JsonNode si, Instant created) {
        JsonNode error = si.path("last_setup_error");
        JsonNode pm = error.path("payment_method");
        String reason = Json.text(error, "decline_code") != null ? Json.text(error, "decline_code")
                : Json.text(error, "code") != null ? Json.text(error, "code") : Json.text(error, "message");
        if (pm.isObject()) {
            return binding(pm, Json.text(si, "customer"), PaymentQueries.BindingAction.FAILED, reason, created);
        }
        String token = Json.text(si, "payment_method") != null ? Json.text(si, "payment_method") : Json.required(si, "id");
        return new NormalizedBinding(token, Json.text(si, "customer"), PaymentQueries.BindingAction.FAILED,
                firstMethod(si), null, null, null, null, null, reason, created(si, created));
    }

    private static NormalizedBinding binding(JsonNode pm, @Nullable String customer, PaymentQueries.BindingAction action,
                                             @Nullable String reason, Instant created) {
        String method = Json.text(pm, "type");
        JsonNode card = pm.path("card");
        return new NormalizedBinding(Json.required(pm, "id"), customer, action, method, Json.text(card, "brand"),
                Json.text(card, "iin"), Json.text(card, "last4"), intOrNull(card, "exp_month"),
                intOrNull(card, "exp_year"), reason, created);
    }

    private static @Nullable Integer intOrNull(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNumber() && v.canConvertToInt() ? Integer.valueOf(v.asInt()) : null;
    }

    private static NormalizedTransaction tx(TransactionKind kind, String ref, @Nullable String original,
                                            @Nullable String order, @Nullable String customer, String status,
                                            Money amount, @Nullable String method, @Nullable String last4,
                                            Instant at) {
        return new NormalizedTransaction(kind, ref, original, order, customer, status, amount, method, null, null,
                last4, at);
    }

    private static @Nullable String orderReference(JsonNode object) {
        JsonNode metadata = object.path("metadata");
        for (String key : List.of("order_reference", "order_id", "merchant_reference", "order")) {
            String value = Json.text(metadata, key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static @Nullable String firstMethod(JsonNode pi) {
        JsonNode types = pi.path("payment_method_types");
        return types.isArray() && types.size() > 0 && types.get(0).isString() ? types.get(0).asString() : null;
    }

    private static String status(JsonNode object, String fallback) {
        String status = Json.text(object, "status");
        return status == null ? fallback : status;
    }

    /** Stripe's amounts are non-negative minor units, its currency codes lower case. */
    private static Money money(JsonNode object, String field) {
        return Json.minorUnits(object, field, Json.currency(object, "currency", true), MoneyParser.Sign.NON_NEGATIVE);
    }

    private static Instant created(JsonNode object, Instant fallback) {
        long created = object.path("created").asLong(0);
        return created > 0 ? Json.epochSecond(created, "created") : fallback;
    }
}
