package dev.paydesk.disputes.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.paydesk.disputes.DisputeSummary;
import dev.paydesk.disputes.Evidence;
import dev.paydesk.disputes.EvidenceItem;
import dev.paydesk.disputes.EvidencePack;
import dev.paydesk.disputes.ReasonCode;
import dev.paydesk.payments.OrderTimeline;
import dev.paydesk.payments.PaymentQueries;
import dev.paydesk.payments.TransactionKind;

/**
 * Assembles a dispute's evidence pack from the payments mirror (order timeline, the customer's prior
 * payments), the merchant's evidence and the account's policies, and checks it against the reason
 * code's checklist.
 */
@Component
class EvidencePackBuilder {

    /** Visa Compelling Evidence 3.0 asks for two prior undisputed transactions of the same cardholder. */
    static final int PRIOR_PAYMENTS_NEEDED = 2;

    private final ReasonCatalogue catalogue;
    private final PaymentQueries payments;
    private final EvidenceStore evidence;
    private final DisputeStore disputes;
    private final DisputeProperties properties;

    EvidencePackBuilder(ReasonCatalogue catalogue, PaymentQueries payments, EvidenceStore evidence, DisputeStore disputes,
                        DisputeProperties properties) {
        this.catalogue = catalogue;
        this.payments = payments;
        this.evidence = evidence;
        this.disputes = disputes;
        this.properties = properties;
    }

    EvidencePack build(DisputeSummary d) {
        ReasonCode reason = d.reasonCode() == null ? null
                : catalogue.resolve(d.network(), d.provider().name(), d.reasonCode()).orElse(null);
        List<EvidenceItem> wanted = reason != null ? reason.evidence() : catalogue.evidenceFor(d.reasonCategory());
        OrderTimeline timeline = d.orderReference() == null ? null : payments.timeline(d.orderReference()).orElse(null);
        String customer = d.customerReference() != null ? d.customerReference()
                : timeline == null ? null : timeline.customerReference();
        List<PaymentQueries.PaymentSummary> prior = prior(d, customer);
        List<Evidence.Supplied> supplied = evidence.supplied(d.id());
        DisputeProperties.Account account = properties.account(d.merchantAccount());
        String refundPolicy = account == null ? null : account.refundPolicy();
        String cancellationPolicy = account == null ? null : account.cancellationPolicy();
        List<Evidence.ChecklistItem> checklist = new ArrayList<>();
        for (EvidenceItem item : wanted) {
            checklist.add(check(item, timeline, prior, supplied, refundPolicy, cancellationPolicy));
        }
        Map<String, String> fields = fields(d, timeline, prior, supplied, refundPolicy, cancellationPolicy);
        return new EvidencePack(d, reason, timeline, prior, supplied, refundPolicy, cancellationPolicy, checklist, fields);
    }

    /** Earlier captures of the same customer on other orders that carry no dispute. */
    private List<PaymentQueries.PaymentSummary> prior(DisputeSummary d, @Nullable String customer) {
        if (customer == null) {
            return List.of();
        }
        return payments.search(new PaymentQueries.SearchCriteria(null, null, customer, null, null, null, null, 200))
                .stream()
                .filter(p -> p.kind() == TransactionKind.CAPTURE)
                .filter(p -> p.merchantReference() != null && !p.merchantReference().equals(d.orderReference()))
                .filter(p -> p.occurredAt().isBefore(d.openedAt()))
                .filter(p -> disputes.openFor(p.merchantReference()).isEmpty())
                .limit(10).toList();
    }

    private static Evidence.ChecklistItem check(EvidenceItem item, @Nullable OrderTimeline timeline,
                                                List<PaymentQueries.PaymentSummary> prior,
                                                List<Evidence.Supplied> supplied, @Nullable String refundPolicy,
                                                @Nullable String cancellationPolicy) {
        Optional<Evidence.Supplied> own = supplied.stream().filter(s -> s.item() == item).findFirst();
        if (own.isPresent()) {
            return new Evidence.ChecklistItem(item, true, "supplied by " + own.get().createdBy());
        }
        return switch (item) {
            case RECEIPT -> timeline != null && timeline.steps().stream().anyMatch(s -> s.kind() == TransactionKind.CAPTURE)
                    ? new Evidence.ChecklistItem(item, true, "capture in the payments mirror")
                    : new Evidence.ChecklistItem(item, false, "no capture known for the order");
            case REFUND_HISTORY, DUPLICATE_CHARGE_DOCUMENTATION -> timeline != null
                    ? new Evidence.ChecklistItem(item, true, "order timeline from the payments mirror")
                    : new Evidence.ChecklistItem(item, false, "order unknown to the payments mirror");
            case PRIOR_UNDISPUTED_TRANSACTIONS -> prior.size() >= PRIOR_PAYMENTS_NEEDED
                    ? new Evidence.ChecklistItem(item, true, prior.size() + " prior undisputed payments")
                    : new Evidence.ChecklistItem(item, false, prior.size() + " of " + PRIOR_PAYMENTS_NEEDED
                    + " prior undisputed payments found");
            case SHIPPING_DOCUMENTATION -> shipment(supplied).isPresent()
                    ? new Evidence.ChecklistItem(item, true, "shipment supplied")
                    : new Evidence.ChecklistItem(item, false, "add carrier and tracking number");
            case PROOF_OF_DELIVERY -> shipment(supplied).filter(s -> s.deliveredOn() != null).isPresent()
                    ? new Evidence.ChecklistItem(item, true, "delivery date supplied")
                    : new Evidence.ChecklistItem(item, false, "add the delivery date or confirmation");
            case REFUND_POLICY -> refundPolicy != null
                    ? new Evidence.ChecklistItem(item, true, "merchant account policy")
                    : new Evidence.ChecklistItem(item, false, "add the refund policy");
            case CANCELLATION_POLICY -> cancellationPolicy != null
                    ? new Evidence.ChecklistItem(item, true, "merchant account policy")
                    : new Evidence.ChecklistItem(item, false, "add the cancellation policy");
            default -> new Evidence.ChecklistItem(item, false, "not supplied yet");
        };
    }

    private static Optional<Evidence.Supplied> shipment(List<Evidence.Supplied> supplied) {
        return supplied.stream().filter(s -> s.trackingNumber() != null).reduce((a, b) -> b);
    }

    /** The structured fields, named as in Stripe's dispute evidence object. */
    private static Map<String, String> fields(DisputeSummary d, @Nullable OrderTimeline timeline,
                                              List<PaymentQueries.PaymentSummary> prior, List<Evidence.Supplied> supplied,
                                              @Nullable String refundPolicy, @Nullable String cancellationPolicy) {
        Map<String, String> f = new LinkedHashMap<>();
        shipment(supplied).ifPresent(s -> {
            f.put("shipping_carrier", s.carrier() == null ? "" : s.carrier());
            f.put("shipping_tracking_number", s.trackingNumber());
            if (s.shippedOn() != null) {
                f.put("shipping_date", s.shippedOn().toString());
            }
        });
        put(f, "product_description", text(supplied, EvidenceItem.PRODUCT_DESCRIPTION));
        put(f, "customer_communication_text", text(supplied, EvidenceItem.CUSTOMER_COMMUNICATION));
        put(f, "refund_policy_disclosure", refundPolicy != null ? refundPolicy : text(supplied, EvidenceItem.REFUND_POLICY));
        put(f, "cancellation_policy_disclosure", cancellationPolicy != null ? cancellationPolicy
                : text(supplied, EvidenceItem.CANCELLATION_POLICY));
        put(f, "cancellation_rebuttal", text(supplied, EvidenceItem.CANCELLATION_POLICY));
        put(f, "service_documentation_text", text(supplied, EvidenceItem.SERVICE_DOCUMENTATION));
        put(f, "access_activity_log", text(supplied, EvidenceItem.AUTHORISATION_PROOF));
        if (timeline != null) {
            String refunds = timeline.steps().stream().filter(s -> s.kind() == TransactionKind.REFUND)
                    .map(s -> s.amount() + " on " + s.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate() + " (" + s.status() + ")")
                    .collect(Collectors.joining("; "));
            f.put("refund_refusal_explanation", refunds.isEmpty() ? "No refund was requested or issued for order "
                    + timeline.merchantReference() + "." : "Refunds already issued: " + refunds + ".");
            long captures = timeline.steps().stream().filter(s -> s.kind() == TransactionKind.CAPTURE).count();
            f.put("duplicate_charge_explanation", "Order " + timeline.merchantReference() + " has " + captures
                    + " capture(s); net captured " + timeline.balance().net() + ".");
        }
        if (!prior.isEmpty()) {
            f.put("prior_undisputed_transactions", prior.stream()
                    .map(p -> p.providerReference() + " " + p.amount() + " " + date(p.occurredAt()))
                    .collect(Collectors.joining("; ")));
        }
        String notes = supplied.stream().filter(s -> s.item() == EvidenceItem.UNCATEGORIZED && s.text() != null)
                .map(Evidence.Supplied::text).collect(Collectors.joining("\n"));
        put(f, "uncategorized_text", notes.isEmpty() ? null : notes);
        f.put("dispute_reference", d.providerDisputeId());
        return f;
    }

    private static @Nullable String text(List<Evidence.Supplied> supplied, EvidenceItem item) {
        String joined = supplied.stream().filter(s -> s.item() == item && s.text() != null).map(Evidence.Supplied::text)
                .collect(Collectors.joining("\n"));
        return joined.isEmpty() ? null : joined;
    }

    private static void put(Map<String, String> f, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            f.put(key, value);
        }
    }

    private static String date(Instant i) {
        return i.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
