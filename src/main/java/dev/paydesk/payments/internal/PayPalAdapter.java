package dev.paydesk.payments.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

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
 * PayPal webhooks verified offline: the transmission signature (PAYPAL-TRANSMISSION-SIG, Base64) is
 * SHA256withRSA over "transmission_id|transmission_time|webhook_id|crc32(raw body)" with the public
 * key of the configured PayPal certificate.
 */
@Component
class PayPalAdapter {

    private final java.time.Clock clock;

    PayPalAdapter(java.time.Clock clock) {
        this.clock = clock;
    }

    void verify(WebhookRequest request, String webhookId, String certificatePem) {
        String id = request.header("PAYPAL-TRANSMISSION-ID");
        String time = request.header("PAYPAL-TRANSMISSION-TIME");
        String sig = request.header("PAYPAL-TRANSMISSION-SIG");
        String algo = request.header("PAYPAL-AUTH-ALGO");
        if (id == null || time == null || sig == null) {
            throw new InvalidSignatureException("missing PayPal transmission headers");
        }
        if (algo != null && !algo.equalsIgnoreCase("SHA256withRSA")) {
            throw new InvalidSignatureException("unsupported PayPal auth algorithm " + algo);
        }
        CRC32 crc = new CRC32();
        crc.update(request.body());
        String signed = id + "|" + time + "|" + webhookId + "|" + crc.getValue();
        try {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem(certificatePem)));
            try {
                cert.checkValidity(java.util.Date.from(clock.instant()));
            } catch (java.security.cert.CertificateExpiredException | java.security.cert.CertificateNotYetValidException e) {
                throw new InvalidSignatureException("the PayPal signing certificate configured for this account is not valid"
                        + " now (valid " + cert.getNotBefore().toInstant() + " to " + cert.getNotAfter().toInstant()
                        + "); configure PayPal's current certificate");
            }
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(cert.getPublicKey());
            verifier.update(signed.getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(Base64.getDecoder().decode(sig))) {
                throw new InvalidSignatureException("PayPal transmission signature does not verify");
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new InvalidSignatureException("PayPal transmission signature does not verify");
        }
    }

    /** The certificate as PEM text, or read from a {@code classpath:} / {@code file:} location. */
    private static byte[] pem(String value) {
        if (value.contains("BEGIN CERTIFICATE")) {
            return value.getBytes(StandardCharsets.US_ASCII);
        }
        try (var in = new org.springframework.core.io.DefaultResourceLoader().getResource(value).getInputStream()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("PayPal certificate not readable at " + value, e);
        }
    }

    ProviderEvent parse(String account, String body) {
        JsonNode event = Json.parse(body);
        String id = Json.required(event, "id");
        String type = Json.required(event, "event_type");
        JsonNode resource = event.path("resource");
        Instant at = Json.instant(Json.text(event, "create_time"));
        List<NormalizedTransaction> txs = new ArrayList<>();
        List<DisputeNotified> disputes = new ArrayList<>();
        if (type.startsWith("CUSTOMER.DISPUTE.")) {
            dispute(account, id, type, resource, at, body, txs, disputes);
            return new ProviderEvent(id, type, txs, disputes);
        }
        if (type.startsWith("VAULT.PAYMENT-TOKEN.")) {
            return vault(id, type, resource, at);
        }
        if (type.startsWith("PAYMENT.SALE.")) {
            return sale(id, type, resource, at);
        }
        TransactionKind kind = switch (type) {
            case "PAYMENT.CAPTURE.COMPLETED", "PAYMENT.CAPTURE.PENDING" -> TransactionKind.CAPTURE;
            case "PAYMENT.CAPTURE.DENIED", "PAYMENT.CAPTURE.DECLINED" -> TransactionKind.CAPTURE_FAILED;
            case "PAYMENT.CAPTURE.REFUNDED" -> TransactionKind.REFUND;
            case "PAYMENT.CAPTURE.REVERSED" -> TransactionKind.CHARGEBACK;
            case "PAYMENT.AUTHORIZATION.CREATED" -> TransactionKind.AUTHORISATION;
            case "PAYMENT.AUTHORIZATION.VOIDED" -> TransactionKind.CANCELLATION;
            default -> null;
        };
        if (kind == null) {
            return ProviderEvent.ignored(id, type);
        }
        String status = Json.text(resource, "status") != null ? Json.text(resource, "status")
                : Json.text(resource, "state") == null ? "COMPLETED" : Json.text(resource, "state");
        txs.add(new NormalizedTransaction(kind, Json.required(resource, "id"), upLink(resource), order(resource), null,
                status, amount(resource), "paypal", null, null, null, at));
        return new ProviderEvent(id, type, txs, disputes);
    }

    /**
     * Payments API v1 sales: COMPLETED is the capture of a sale, DENIED its failure, REFUNDED a refund
     * of it (the resource is the refund, naming its {@code sale_id}), REVERSED money taken back by
     * PayPal (a chargeback or reversal). v1 writes the order in {@code invoice_number} or
     * {@code custom} and the amount as {@code total}, negative on refunds and reversals.
     */
    private static ProviderEvent sale(String id, String type, JsonNode resource, Instant at) {
        TransactionKind kind = switch (type) {
            case "PAYMENT.SALE.COMPLETED" -> TransactionKind.CAPTURE;
            case "PAYMENT.SALE.DENIED" -> TransactionKind.CAPTURE_FAILED;
            case "PAYMENT.SALE.REFUNDED" -> TransactionKind.REFUND;
            case "PAYMENT.SALE.REVERSED" -> TransactionKind.CHARGEBACK;
            default -> null;
        };
        if (kind == null) {
            return ProviderEvent.ignored(id, type);
        }
        String ref = Json.required(resource, "id");
        String sale = Json.text(resource, "sale_id");
        boolean takesBack = kind == TransactionKind.REFUND || kind == TransactionKind.CHARGEBACK;
        // a reversal may come as the reversed sale itself (no sale_id): the sale is then the original
        boolean saleItself = kind == TransactionKind.CHARGEBACK && sale == null;
        String original = saleItself ? ref : takesBack && sale != null ? sale : Json.text(resource, "parent_payment");
        String order = Json.text(resource, "invoice_number") != null ? Json.text(resource, "invoice_number")
                : Json.text(resource, "custom");
        String state = Json.text(resource, "state");
        Money amount = money(Json.required(resource.path("amount"), "total"),
                Json.required(resource.path("amount"), "currency"), MoneyParser.Sign.ANY);
        Money positive = amount.isNegative() ? amount.negate() : amount;
        return new ProviderEvent(id, type, List.of(new NormalizedTransaction(kind,
                saleItself ? ref + ":reversal" : ref, original, order, null,
                state == null ? type.substring("PAYMENT.SALE.".length()).toLowerCase(java.util.Locale.ROOT) : state,
                positive, "paypal", null, null, null, at)), List.of());
    }

    private void dispute(String account, String eventId, String type, JsonNode resource, Instant at, String body,
                         List<NormalizedTransaction> txs, List<DisputeNotified> disputes) {
        String disputeId = Json.required(resource, "dispute_id");
        JsonNode tx = resource.path("disputed_transactions").path(0);
        String payment = Json.text(tx, "seller_transaction_id");
        String order = Json.text(tx, "invoice_number") != null ? Json.text(tx, "invoice_number") : Json.text(tx, "custom");
        JsonNode amountNode = resource.path("dispute_amount");
        Money amount = amountNode.isMissingNode() ? null : decimal(amountNode);
        String stage = Json.text(resource, "dispute_life_cycle_stage");
        String status = Json.text(resource, "status");
        String outcome = Json.text(resource.path("dispute_outcome"), "outcome_code");
        if (amount != null) {
            txs.add(new NormalizedTransaction(TransactionKind.DISPUTE_NOTICE, disputeId, payment, order, null,
                    status == null ? "OPEN" : status, amount, "paypal", null, null, null, at));
        }
        String due = Json.text(resource, "seller_response_due_date");
        disputes.add(new DisputeNotified(Provider.PAYPAL, account, eventId, disputeId, payment, order,
                stage == null ? type : stage, outcome == null ? status : status + "/" + outcome,
                Json.text(resource, "reason"), amount, due == null ? null : Json.instant(due), at, body));
    }

    /**
     * Vault v3 payment tokens: CREATED carries {@code customer.id} and {@code payment_source} (card
     * brand, last_digits and expiry "YYYY-MM", or a PayPal wallet); DELETED only the token id.
     */
    private static ProviderEvent vault(String id, String type, JsonNode resource, Instant at) {
        PaymentQueries.BindingAction action = switch (type) {
            case "VAULT.PAYMENT-TOKEN.CREATED" -> PaymentQueries.BindingAction.ADDED;
            case "VAULT.PAYMENT-TOKEN.DELETED" -> PaymentQueries.BindingAction.REMOVED;
            default -> null;
        };
        if (action == null) {
            return ProviderEvent.ignored(id, type);
        }
        JsonNode source = resource.path("payment_source");
        JsonNode card = source.path("card");
        String method = card.isObject() ? "card" : source.has("venmo") ? "venmo" : "paypal";
        String expiry = Json.text(card, "expiry");
        boolean validExpiry = expiry != null && expiry.matches("\\d{4}-\\d{2}");
        String brand = Json.text(card, "brand");
        return ProviderEvent.bindings(id, type, List.of(new NormalizedBinding(Json.required(resource, "id"),
                Json.text(resource.path("customer"), "id"), action, method,
                brand == null ? null : brand.toLowerCase(java.util.Locale.ROOT), null, Json.text(card, "last_digits"),
                validExpiry ? Integer.valueOf(expiry.substring(5)) : null,
                validExpiry ? Integer.valueOf(expiry.substring(0, 4)) : null, null, at)));
    }

    private static @Nullable String order(JsonNode resource) {
        for (String field : List.of("custom_id", "invoice_id")) {
            String v = Json.text(resource, field);
            if (v != null) {
                return v;
            }
        }
        return Json.text(resource.path("supplementary_data").path("related_ids"), "order_id");
    }

    private static @Nullable String upLink(JsonNode resource) {
        for (JsonNode link : resource.path("links")) {
            if ("up".equals(Json.text(link, "rel"))) {
                String href = Json.text(link, "href");
                if (href != null) {
                    return href.substring(href.lastIndexOf('/') + 1);
                }
            }
        }
        return Json.text(resource, "parent_payment");
    }

    private static Money amount(JsonNode resource) {
        JsonNode amount = resource.path("amount");
        if (amount.has("value")) {
            return decimal(amount);
        }
        String total = Json.required(amount, "total");
        return money(total, Json.required(amount, "currency"), MoneyParser.Sign.NON_NEGATIVE);
    }

    private static Money decimal(JsonNode amount) {
        return money(Json.required(amount, "value"), Json.required(amount, "currency_code"),
                MoneyParser.Sign.NON_NEGATIVE);
    }

    /** PayPal writes amounts as decimal strings in the currency's major unit. */
    private static Money money(String value, String currency, MoneyParser.Sign sign) {
        return Intake.decimal("amount", value, "currency", currency, sign);
    }
}
