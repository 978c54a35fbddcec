package dev.paydesk.insights.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.paydesk.cases.MoneyActionType;
import dev.paydesk.disputes.DisputeStatus;
import dev.paydesk.disputes.DisputeSummary;
import dev.paydesk.payments.PaymentRecords.SettlementLineRecord;
import dev.paydesk.reconciliation.Finding;
import dev.paydesk.reconciliation.FindingStatus;
import dev.paydesk.reconciliation.FindingType;

/**
 * One money figure of one source record, keyed by (source id, metric): a finding gives {@code risk_in} on the day
 * first seen and, once resolved, {@code risk_out} on the day resolved (a double loss is also {@code lost}); an
 * approved write-off or goodwill credit is {@code lost}; a dispute closed WON is {@code won}, LOST / EXPIRED /
 * ACCEPTED is {@code lost}; payment movements are {@code captured}, {@code refunded} or {@code refund_failed}; a
 * refund's settlement line is {@code refund_settled} with the minutes from the merchant's request to the booking.
 * Writing a record's rows again replaces them, so a replayed event counts nothing twice.
 */
record MoneyFact(UUID sourceId, String metric, String source, String kind, String market, String provider,
                 @Nullable String reference, String currency, long amountMinor, Instant at, LocalDate day,
                 @Nullable Integer minutes) {

    static final String RISK_IN = "risk_in";
    static final String RISK_OUT = "risk_out";
    static final String WON = "won";
    static final String LOST = "lost";
    static final String CAPTURED = "captured";
    static final String REFUNDED = "refunded";
    static final String REFUND_FAILED = "refund_failed";
    static final String REFUND_SETTLED = "refund_settled";

    /** The rows of a finding as reconciliation holds it now. */
    static List<MoneyFact> ofFinding(Finding f, Function<String, ZoneId> zones) {
        String market = CaseFact.nz(f.market());
        ZoneId zone = zones.apply(market);
        String ref = f.orderRef() != null ? f.orderRef() : f.paymentRef();
        String currency = f.amountAtRisk().currency().getCurrencyCode();
        long amount = f.amountAtRisk().minor();
        List<MoneyFact> out = new ArrayList<>(3);
        out.add(new MoneyFact(f.id(), RISK_IN, "finding", f.type().name(), market, CaseFact.nz(f.provider()), ref,
                currency, amount, f.firstSeenAt(), day(f.firstSeenAt(), zone), null));
        if (f.status() == FindingStatus.RESOLVED && f.resolvedAt() != null) {
            out.add(new MoneyFact(f.id(), RISK_OUT, "finding", f.type().name(), market, CaseFact.nz(f.provider()), ref,
                    currency, amount, f.resolvedAt(), day(f.resolvedAt(), zone), null));
        }
        if (f.type() == FindingType.DOUBLE_LOSS) {
            out.add(new MoneyFact(f.id(), LOST, "finding", f.type().name(), market, CaseFact.nz(f.provider()), ref,
                    currency, amount, f.firstSeenAt(), day(f.firstSeenAt(), zone), null));
        }
        return out;
    }

    /** An approved money action: write-offs and goodwill credits are money lost; refunds count as movements. */
    static List<MoneyFact> ofApprovedAction(UUID actionId, MoneyActionType type, String caseKey, String market,
                                            String currency, long amountMinor, Instant at, Function<String, ZoneId> zones) {
        if (type != MoneyActionType.WRITE_OFF && type != MoneyActionType.GOODWILL) {
            return List.of();
        }
        return List.of(new MoneyFact(actionId, LOST, "money_action", type.name(), CaseFact.nz(market), "", caseKey,
                currency, amountMinor, at, day(at, zones.apply(CaseFact.nz(market))), null));
    }

    /** A closed dispute: won, or lost (lost, expired or accepted); open and cancelled ones move no money yet. */
    static List<MoneyFact> ofDispute(DisputeSummary d, Function<String, ZoneId> zones) {
        if (d.closedAt() == null) {
            return List.of();
        }
        String metric = d.status() == DisputeStatus.WON ? WON
                : d.status() == DisputeStatus.LOST || d.status() == DisputeStatus.EXPIRED
                || d.status() == DisputeStatus.ACCEPTED ? LOST : null;
        if (metric == null) {
            return List.of();
        }
        String market = CaseFact.nz(d.market());
        return List.of(new MoneyFact(d.id(), metric, "dispute", "DISPUTE_" + d.status().name(), market,
                d.provider().name(), d.orderReference() != null ? d.orderReference() : d.paymentReference(),
                d.amount().currency().getCurrencyCode(), d.amount().minor(), d.closedAt(),
                day(d.closedAt(), zones.apply(market)), null));
    }

    /**
     * The rows of an order's captures and refunds, and of each confirmed refund that a settlement line books: the
     * line names the refund's own provider reference (as modification or PSP reference, the key reconciliation's
     * matcher tries first) and debits the account; the earliest booking counts.
     */
    static List<MoneyFact> ofPayments(List<PaymentFact> payments, List<SettlementLineRecord> lines,
                                      Function<String, ZoneId> zones) {
        // when each reference was first booked as money out, looked up per refund (not a scan of every line per refund)
        Map<String, Instant> firstBookedOut = new HashMap<>();
        for (SettlementLineRecord l : lines) {
            if (l.bookedAt() != null && l.grossMinor() < 0) {
                for (String ref : new String[] {l.modificationReference(), l.pspReference()}) {
                    if (ref != null) {
                        firstBookedOut.merge(ref, l.bookedAt(), (a, b) -> a.isBefore(b) ? a : b);
                    }
                }
            }
        }
        List<MoneyFact> out = new ArrayList<>();
        for (PaymentFact p : payments) {
            ZoneId zone = zones.apply(p.market());
            String metric = p.kind().equals("CAPTURE") ? CAPTURED : p.failed() ? REFUND_FAILED : REFUNDED;
            out.add(new MoneyFact(p.transactionId(), metric, "payment", p.kind(), p.market(), p.provider(),
                    p.merchantReference(), p.currency(), p.amountMinor(), p.occurredAt(), day(p.occurredAt(), zone), null));
            if (metric.equals(REFUNDED) && p.requestedAt() != null) {
                Instant booked = firstBookedOut.get(p.providerReference());
                if (booked != null) {
                    int minutes = (int) Math.max(0, Duration.between(p.requestedAt(), booked).toMinutes());
                    out.add(new MoneyFact(p.transactionId(), REFUND_SETTLED, "payment", p.kind(), p.market(),
                            p.provider(), p.merchantReference(), p.currency(), p.amountMinor(), booked,
                            day(booked, zone), minutes));
                }
            }
        }
        return out;
    }

    private static LocalDate day(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }
}
