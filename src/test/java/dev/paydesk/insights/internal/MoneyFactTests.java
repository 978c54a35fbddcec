package dev.paydesk.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.paydesk.cases.MoneyActionType;
import dev.paydesk.payments.PaymentRecords.RefundRequestRecord;
import dev.paydesk.payments.PaymentRecords.SettlementLineRecord;
import dev.paydesk.payments.PaymentRecords.TransactionRecord;
import dev.paydesk.payments.Provider;
import dev.paydesk.payments.TransactionKind;
import dev.paydesk.reconciliation.Finding;
import dev.paydesk.reconciliation.FindingStatus;
import dev.paydesk.reconciliation.FindingType;
import dev.paydesk.shared.Money;

/** Which money rows a source record gives, on which local day (Europe/Berlin here). */
class MoneyFactTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant T = Instant.parse("2026-03-01T23:30:00Z"); // 1 March in UTC, 2 March 00:30 in Berlin (CET)

    @Test
    void aRefundSettlesOnTheBookingOfTheDebitLineNamingItsOwnReference() {
        TransactionRecord refund = new TransactionRecord(UUID.randomUUID(), Provider.ADYEN, "acc", TransactionKind.REFUND,
                "rf-1", "cap-1", "ord-1", null, "refunded", 2500, "EUR", "card", T);
        RefundRequestRecord request = new RefundRequestRecord("r-1", "ord-1", 2500, "EUR", T.minusSeconds(3600));
        List<PaymentFact> payments = PaymentFact.ofOrder("DE", List.of(refund), List.of(request));
        Instant booked = T.plusSeconds(2 * 86_400);
        List<SettlementLineRecord> lines = List.of(
                line("cap-1", null, 10_000, T.plusSeconds(86_400)),           // the capture's credit: not this refund
                line("cap-1", "rf-1", -2500, booked),                          // the refund's debit
                line("cap-1", "rf-1", -2500, booked.plusSeconds(86_400)));     // a later duplicate: the earliest counts
        List<MoneyFact> rows = MoneyFact.ofPayments(payments, lines, m -> BERLIN);
        assertThat(rows).extracting(MoneyFact::metric).containsExactly(MoneyFact.REFUNDED, MoneyFact.REFUND_SETTLED);
        MoneyFact settled = rows.get(1);
        assertThat(settled.minutes()).as("1 h request->PSP + 48 h to the booking").isEqualTo(49 * 60);
        assertThat(settled.day()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(rows.getFirst().day()).as("local day in Berlin").isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void aResolvedDoubleLossIsAtRiskFromItsFirstDayRecoveredOnItsResolutionAndLost() {
        UUID id = UUID.randomUUID();
        Finding f = new Finding(id, "k", FindingType.DOUBLE_LOSS, FindingStatus.RESOLVED, "DE", "ADYEN", "card", "ord-1",
                null, null, Money.of(4200, "EUR"), "double loss", List.of(), "claim", null, T, T,
                T.plusSeconds(86_400), "settled");
        List<MoneyFact> rows = MoneyFact.ofFinding(f, m -> BERLIN);
        assertThat(rows).extracting(MoneyFact::metric).containsExactly(MoneyFact.RISK_IN, MoneyFact.RISK_OUT, MoneyFact.LOST);
        assertThat(rows).extracting(MoneyFact::day).containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3),
                LocalDate.of(2026, 3, 2));
        assertThat(rows).allMatch(r -> r.amountMinor() == 4200 && r.currency().equals("EUR"));
    }

    @Test
    void onlyWriteOffsAndGoodwillAreMoneyLost() {
        UUID id = UUID.randomUUID();
        assertThat(MoneyFact.ofApprovedAction(id, MoneyActionType.REFUND, "PD-1", "DE", "EUR", 100, T, m -> BERLIN)).isEmpty();
        assertThat(MoneyFact.ofApprovedAction(id, MoneyActionType.GOODWILL, "PD-1", "DE", "EUR", 100, T, m -> BERLIN))
                .singleElement().extracting(MoneyFact::metric, MoneyFact::kind).containsExactly(MoneyFact.LOST, "GOODWILL");
    }

    private static SettlementLineRecord line(String psp, String modification, long gross, Instant booked) {
        return new SettlementLineRecord(UUID.randomUUID(), Provider.ADYEN, "acc", "b1", psp, "ord-1", modification,
                "card", gross < 0 ? "Refunded" : "Settled", booked, "EUR", gross, "EUR", gross, 0);
    }
}
