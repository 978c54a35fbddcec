package dev.paydesk.disputes.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.paydesk.disputes.CardNetwork;
import dev.paydesk.disputes.DisputeStage;
import dev.paydesk.disputes.DisputeStatus;
import dev.paydesk.payments.DisputeNotified;
import dev.paydesk.shared.Money;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each provider's dispute vocabulary mapped to stage and status. Sources, per provider:
 * <ul>
 * <li>Stripe: Dispute object {@code status} (warning_needs_response, warning_under_review, warning_closed,
 * needs_response, under_review, won, lost, prevented) and the charge.dispute.* events, docs.stripe.com/api/disputes/object
 * and docs.stripe.com/disputes/how-disputes-work;</li>
 * <li>Adyen: dispute webhook eventCodes and {@code additionalData.disputeStatus} (Undefended, Pending, Responded,
 * Accepted, Expired, Won, Lost), docs.adyen.com/risk-management/disputes-api/dispute-notifications;</li>
 * <li>PayPal: {@code dispute_life_cycle_stage} (INQUIRY, CHARGEBACK, PRE_ARBITRATION, ARBITRATION), {@code status}
 * and {@code dispute_outcome.outcome_code}, developer.paypal.com/docs/api/customer-disputes/v1;</li>
 * <li>Klarna: payment.dispute.state-change.{initiated, representment, pre-arbitration, arbitration, closed},
 * docs.klarna.com/klarna-network-distribution/after-payments/disputes/disputes-lifecycle.</li>
 * </ul>
 * What payments puts in {@link DisputeNotified}: Stripe sends the event type and the dispute status; Adyen the
 * eventCode and disputeStatus; PayPal the stage (or the event type) and "status/outcome"; Klarna the event type
 * and the payload's state.
 */
final class ProviderLifecycles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProviderLifecycles() {
    }

    static DisputeSignal signal(DisputeNotified n) {
        JsonNode payload = parse(n.payload());
        DisputeSignal signal = switch (n.provider()) {
            case STRIPE -> stripe(n, payload);
            case ADYEN -> adyen(n, payload);
            case PAYPAL -> paypal(n, payload);
            case KLARNA -> klarna(n, payload);
            default -> DisputeSignal.of(null, null, n.occurredAt(), n.eventCode());
        };
        // the database keeps microseconds (and rounds): compare times at that precision, or a notification
        // could look older than itself once stored
        Instant due = n.dueAt() == null ? null : n.dueAt().truncatedTo(ChronoUnit.MICROS);
        return new DisputeSignal(signal.stage(), signal.status(), signal.expiryOnly(), due, signal.reasonCode(),
                signal.network(), n.amount(), signal.fee(), n.occurredAt().truncatedTo(ChronoUnit.MICROS), signal.label());
    }

    static DisputeSignal stripe(DisputeNotified n, JsonNode event) {
        JsonNode dispute = event.path("data").path("object");
        String status = lower(n.status());
        String label = n.eventCode() + " (" + status + ")";
        DisputeStage stage = status != null && status.startsWith("warning_") ? DisputeStage.PRE_DISPUTE
                : DisputeStage.CHARGEBACK;
        DisputeStatus mapped = switch (status == null ? "" : status) {
            case "warning_needs_response", "needs_response" -> DisputeStatus.NEEDS_RESPONSE;
            case "warning_under_review", "under_review" -> DisputeStatus.UNDER_REVIEW;
            case "won" -> DisputeStatus.WON;
            case "lost" -> DisputeStatus.LOST;
            case "warning_closed", "prevented" -> DisputeStatus.CANCELLED;
            default -> null;
        };
        if (n.eventCode().equals("charge.dispute.funds_withdrawn")) {
            stage = DisputeStage.CHARGEBACK;
        }
        JsonNode card = dispute.path("payment_method_details").path("card");
        String networkCode = text(card, "network_reason_code");
        CardNetwork network = CardNetwork.fromBrand(text(card, "brand"));
        return DisputeSignal.of(stage, mapped, n.occurredAt(), label)
                .withReason(networkCode != null && network != CardNetwork.UNKNOWN ? networkCode : n.reasonCode(),
                        networkCode != null ? network : CardNetwork.UNKNOWN)
                .withFee(stripeFees(dispute));
    }

    /** Stripe books the dispute fee on the dispute's balance transactions ({@code fee}, minor units). */
    private static @Nullable Money stripeFees(JsonNode dispute) {
        JsonNode transactions = dispute.path("balance_transactions");
        if (!transactions.isArray() || transactions.isEmpty()) {
            return null;
        }
        long fee = 0;
        String currency = null;
        for (JsonNode bt : transactions) {
            fee += bt.path("fee").asLong(0);
            currency = currency != null ? currency : text(bt, "currency");
        }
        if (currency == null) {
            return null;
        }
        try {
            return new Money(fee, java.util.Currency.getInstance(currency.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static DisputeSignal adyen(DisputeNotified n, JsonNode item) {
        JsonNode extra = item.path("additionalData");
        String disputeStatus = lower(n.status());
        String label = n.eventCode() + (n.status() == null ? "" : " (" + n.status() + ")");
        DisputeStatus fromStatus = disputeStatus == null ? null : switch (disputeStatus) {
            case "undefended" -> DisputeStatus.NEEDS_RESPONSE;
            case "pending", "responded" -> DisputeStatus.UNDER_REVIEW;
            case "accepted" -> DisputeStatus.ACCEPTED;
            case "expired" -> DisputeStatus.EXPIRED;
            case "won" -> DisputeStatus.WON;
            case "lost" -> DisputeStatus.LOST;
            default -> null;
        };
        DisputeSignal signal = switch (n.eventCode()) {
            case "NOTIFICATION_OF_FRAUD", "REQUEST_FOR_INFORMATION" ->
                    DisputeSignal.of(DisputeStage.PRE_DISPUTE, or(fromStatus, DisputeStatus.NEEDS_RESPONSE), n.occurredAt(), label);
            case "NOTIFICATION_OF_CHARGEBACK" ->
                    DisputeSignal.of(DisputeStage.CHARGEBACK, or(fromStatus, DisputeStatus.NEEDS_RESPONSE), n.occurredAt(), label);
            case "CHARGEBACK" ->
                    DisputeSignal.of(DisputeStage.CHARGEBACK, or(fromStatus, DisputeStatus.NEEDS_RESPONSE), n.occurredAt(), label);
            case "CHARGEBACK_REVERSED" ->
                    DisputeSignal.of(DisputeStage.CHARGEBACK, or(fromStatus, DisputeStatus.WON), n.occurredAt(), label);
            case "SECOND_CHARGEBACK" ->
                    DisputeSignal.of(DisputeStage.PRE_ARBITRATION, or(fromStatus, DisputeStatus.LOST), n.occurredAt(), label);
            case "PREARBITRATION_WON" -> DisputeSignal.of(DisputeStage.PRE_ARBITRATION, DisputeStatus.WON, n.occurredAt(), label);
            case "PREARBITRATION_LOST" -> DisputeSignal.of(DisputeStage.PRE_ARBITRATION, DisputeStatus.LOST, n.occurredAt(), label);
            case "INFORMATION_SUPPLIED" -> DisputeSignal.of(null, DisputeStatus.UNDER_REVIEW, n.occurredAt(), label);
            case "ISSUER_RESPONSE_TIMEFRAME_EXPIRED" -> DisputeSignal.of(null, DisputeStatus.WON, n.occurredAt(), label);
            case "DISPUTE_DEFENSE_PERIOD_ENDED" -> DisputeSignal.of(null, null, n.occurredAt(), label).expiringOnly();
            default -> DisputeSignal.of(null, null, n.occurredAt(), label);
        };
        String code = n.reasonCode();
        CardNetwork network = CardNetwork.fromBrand(text(extra, "chargebackSchemeCode"));
        if (network == CardNetwork.UNKNOWN) {
            network = CardNetwork.fromBrand(text(item, "paymentMethod"));
        }
        if (network == CardNetwork.UNKNOWN && code != null) {
            network = code.matches("1[0-3]\\.\\d+(\\.\\d+)?") ? CardNetwork.VISA
                    : code.matches("4[89]\\d\\d") ? CardNetwork.MASTERCARD : CardNetwork.UNKNOWN;
        }
        return signal.withReason(code, network);
    }

    static DisputeSignal paypal(DisputeNotified n, JsonNode event) {
        JsonNode resource = event.path("resource");
        String stageName = n.eventCode().toUpperCase(Locale.ROOT);
        DisputeStage stage = switch (stageName) {
            case "INQUIRY" -> DisputeStage.PRE_DISPUTE;
            case "CHARGEBACK" -> DisputeStage.CHARGEBACK;
            case "PRE_ARBITRATION" -> DisputeStage.PRE_ARBITRATION;
            case "ARBITRATION" -> DisputeStage.ARBITRATION;
            default -> null;
        };
        String status = n.status();
        String outcome = null;
        if (status != null && status.contains("/")) {
            outcome = status.substring(status.indexOf('/') + 1);
            status = status.substring(0, status.indexOf('/'));
        }
        if (outcome == null) {
            outcome = text(resource.path("dispute_outcome"), "outcome_code");
        }
        DisputeStatus mapped = outcome != null ? switch (outcome.toUpperCase(Locale.ROOT)) {
            case "RESOLVED_BUYER_FAVOUR" -> DisputeStatus.LOST;
            case "RESOLVED_SELLER_FAVOUR", "RESOLVED_WITH_PAYOUT", "DENIED" -> DisputeStatus.WON;
            case "CANCELED_BY_BUYER" -> DisputeStatus.CANCELLED;
            case "ACCEPTED" -> DisputeStatus.ACCEPTED;
            default -> null;
        } : null;
        if (mapped == null && status != null) {
            mapped = switch (status.toUpperCase(Locale.ROOT)) {
                case "OPEN", "WAITING_FOR_SELLER_RESPONSE" -> DisputeStatus.NEEDS_RESPONSE;
                case "WAITING_FOR_BUYER_RESPONSE", "UNDER_REVIEW" -> DisputeStatus.UNDER_REVIEW;
                default -> null;
            };
        }
        String label = n.eventCode() + " " + (n.status() == null ? "" : n.status());
        boolean external = "EXTERNAL".equalsIgnoreCase(text(resource, "dispute_channel"));
        return DisputeSignal.of(stage, mapped, n.occurredAt(), label.trim())
                .withReason(n.reasonCode(), external ? CardNetwork.UNKNOWN : CardNetwork.PAYPAL);
    }

    static DisputeSignal klarna(DisputeNotified n, JsonNode event) {
        JsonNode payload = event.path("payload");
        String type = n.eventCode().toLowerCase(Locale.ROOT);
        String state = type.substring(type.lastIndexOf('.') + 1);
        String label = n.eventCode() + (n.status() == null ? "" : " (" + n.status() + ")");
        DisputeSignal signal = switch (state) {
            case "initiated" -> DisputeSignal.of(DisputeStage.CHARGEBACK, DisputeStatus.NEEDS_RESPONSE, n.occurredAt(), label);
            case "representment" -> DisputeSignal.of(DisputeStage.CHARGEBACK, DisputeStatus.UNDER_REVIEW, n.occurredAt(), label);
            case "pre-arbitration", "pre_arbitration" ->
                    DisputeSignal.of(DisputeStage.PRE_ARBITRATION, DisputeStatus.NEEDS_RESPONSE, n.occurredAt(), label);
            case "arbitration" -> DisputeSignal.of(DisputeStage.ARBITRATION, DisputeStatus.UNDER_REVIEW, n.occurredAt(), label);
            case "closed" -> DisputeSignal.of(null, klarnaOutcome(payload, n.status()), n.occurredAt(), label);
            default -> DisputeSignal.of(null, null, n.occurredAt(), label);
        };
        return signal.withReason(n.reasonCode(), CardNetwork.KLARNA);
    }

    /** Klarna closes with an outcome (WON/LOST) and, for losses without a decision, a substate. */
    private static DisputeStatus klarnaOutcome(JsonNode payload, @Nullable String state) {
        String substate = upper(firstText(payload, "substate", "sub_state", "reason_for_closure"));
        if ("EVIDENCE_REQUEST_EXPIRED".equals(substate)) {
            return DisputeStatus.EXPIRED;
        }
        if ("EVIDENCE_WAIVED".equals(substate)) {
            return DisputeStatus.ACCEPTED;
        }
        String outcome = upper(firstText(payload, "outcome", "decision", "result"));
        if (outcome == null && state != null && !state.equalsIgnoreCase("closed")) {
            outcome = upper(state);
        }
        if (outcome != null && (outcome.contains("WON") || outcome.contains("MERCHANT"))) {
            return DisputeStatus.WON;
        }
        if (outcome != null && (outcome.contains("CANCEL") || outcome.contains("WITHDRAWN"))) {
            return DisputeStatus.CANCELLED;
        }
        return DisputeStatus.LOST;
    }

    private static <T> T or(@Nullable T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String s = value.asString();
        return s.isBlank() ? null : s;
    }

    private static @Nullable String firstText(JsonNode node, String... fields) {
        for (String f : fields) {
            String v = text(node, f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static @Nullable String lower(@Nullable String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }

    private static @Nullable String upper(@Nullable String s) {
        return s == null ? null : s.trim().toUpperCase(Locale.ROOT);
    }
}
