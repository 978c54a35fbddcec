package dev.paydesk.disputes;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.paydesk.payments.OrderTimeline;
import dev.paydesk.payments.PaymentQueries;

/**
 * Everything that answers one dispute: the dispute, the order's money history, prior undisputed
 * payments of the same customer, the merchant's evidence and policies, the checklist and the
 * structured fields for the provider (Stripe evidence field names).
 */
public record EvidencePack(DisputeSummary dispute, @Nullable ReasonCode reason, @Nullable OrderTimeline timeline,
                           List<PaymentQueries.PaymentSummary> priorPayments, List<Evidence.Supplied> supplied,
                           @Nullable String refundPolicy, @Nullable String cancellationPolicy,
                           List<Evidence.ChecklistItem> checklist, Map<String, String> fields) {

    /** Share of checklist items present, 0..1 (1 when the checklist is empty). */
    public double completeness() {
        if (checklist.isEmpty()) {
            return 1.0;
        }
        return checklist.stream().filter(Evidence.ChecklistItem::present).count() / (double) checklist.size();
    }

    public List<EvidenceItem> missing() {
        return checklist.stream().filter(c -> !c.present()).map(Evidence.ChecklistItem::item).toList();
    }
}
