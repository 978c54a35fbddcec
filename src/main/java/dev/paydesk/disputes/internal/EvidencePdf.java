package dev.paydesk.disputes.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

import dev.paydesk.disputes.DisputeSummary;
import dev.paydesk.disputes.Evidence;
import dev.paydesk.disputes.EvidencePack;
import dev.paydesk.payments.OrderTimeline;
import dev.paydesk.payments.PaymentQueries;

/** Renders an evidence pack as a PDF: summary, checklist, money history, prior payments, merchant evidence. */
final class EvidencePdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private EvidencePdf() {
    }

    static byte[] render(EvidencePack pack, Instant generatedAt) {
        DisputeSummary d = pack.dispute();
        try (PdfLayout pdf = new PdfLayout("Dispute evidence " + d.providerDisputeId(),
                "Paydesk evidence pack for dispute " + d.providerDisputeId() + ", generated " + WHEN.format(generatedAt))) {
            pdf.title("Dispute evidence: " + d.providerDisputeId());
            pdf.field("Provider", d.provider() + " (" + d.merchantAccount() + ")");
            pdf.field("Network", d.network().name());
            pdf.field("Stage / status", d.stage() + " / " + d.status());
            pdf.field("Reason", (d.reasonCode() == null ? "unknown" : d.reasonCode())
                    + (pack.reason() == null ? "" : " - " + pack.reason().title()) + " (" + d.reasonCategory().label() + ")");
            pdf.field("Disputed amount", d.amount().toString());
            pdf.field("Order", nz(d.orderReference()));
            pdf.field("Payment", nz(d.paymentReference()));
            pdf.field("Customer", nz(d.customerReference()));
            pdf.field("Provider due date", d.dueAt() == null ? "-" : WHEN.format(d.dueAt()) + (d.dueEstimated() ? " (estimated)" : ""));

            pdf.heading("Evidence checklist (" + Math.round(pack.completeness() * 100) + "% complete)");
            for (Evidence.ChecklistItem c : pack.checklist()) {
                pdf.bullet((c.present() ? "[x] " : "[ ] Missing: ") + c.item().label() + " - " + c.source());
            }
            timeline(pdf, pack.timeline());
            if (!pack.priorPayments().isEmpty()) {
                pdf.heading("Prior undisputed payments of the same customer");
                for (PaymentQueries.PaymentSummary p : pack.priorPayments()) {
                    pdf.bullet(WHEN.format(p.occurredAt()) + "  " + p.providerReference() + "  order "
                            + nz(p.merchantReference()) + "  " + p.amount() + "  " + nz(p.method()));
                }
            }
            merchantEvidence(pdf, pack);
            pdf.heading("Statement");
            pack.fields().forEach((k, v) -> pdf.field(k.replace('_', ' '), v));
            return pdf.toBytes();
        }
    }

    private static void timeline(PdfLayout pdf, @Nullable OrderTimeline t) {
        pdf.heading("Order and payment history");
        if (t == null) {
            pdf.paragraph("The order is not known to the payments mirror.");
            return;
        }
        if (t.amountDue() != null) {
            pdf.field("Amount due", t.amountDue().toString());
        }
        for (OrderTimeline.Step s : t.steps()) {
            pdf.bullet(WHEN.format(s.occurredAt()) + "  " + s.kind() + "  " + s.amount() + "  " + s.status() + "  "
                    + s.provider() + " " + s.providerReference()
                    + (s.cardLast4() == null ? "" : "  card ending " + s.cardLast4()));
        }
        pdf.field("Balance", "captured " + t.balance().captured() + ", refunded " + t.balance().refunded()
                + ", charged back " + t.balance().chargedBack() + ", net " + t.balance().net());
    }

    private static void merchantEvidence(PdfLayout pdf, EvidencePack pack) {
        pdf.heading("Merchant evidence");
        if (pack.supplied().isEmpty() && pack.refundPolicy() == null && pack.cancellationPolicy() == null) {
            pdf.paragraph("None supplied.");
        }
        for (Evidence.Supplied s : pack.supplied()) {
            StringBuilder line = new StringBuilder(s.item().label()).append(": ");
            if (s.trackingNumber() != null) {
                line.append(nz(s.carrier())).append(" tracking ").append(s.trackingNumber());
                if (s.shippedOn() != null) {
                    line.append(", shipped ").append(s.shippedOn());
                }
                if (s.deliveredOn() != null) {
                    line.append(", delivered ").append(s.deliveredOn());
                }
                line.append(". ");
            }
            if (s.text() != null) {
                line.append(s.text());
            }
            if (s.fileName() != null) {
                line.append(" [attached file ").append(s.fileName()).append("]");
            }
            pdf.bullet(line.toString());
        }
        if (pack.refundPolicy() != null) {
            pdf.field("Refund policy", pack.refundPolicy());
        }
        if (pack.cancellationPolicy() != null) {
            pdf.field("Cancellation policy", pack.cancellationPolicy());
        }
    }

    private static String nz(@Nullable String s) {
        return s == null ? "-" : s;
    }
}
