package dev.paydesk.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.disputes.CardNetwork;
import dev.paydesk.disputes.DisputeClosed;
import dev.paydesk.disputes.DisputeStage;
import dev.paydesk.disputes.DisputeStatus;
import dev.paydesk.disputes.DisputeSummary;
import dev.paydesk.disputes.Disputes;
import dev.paydesk.disputes.ReasonCategory;
import dev.paydesk.payments.PaymentRecorded;
import dev.paydesk.payments.PaymentRecords;
import dev.paydesk.payments.PaymentsRecorded;
import dev.paydesk.payments.Provider;
import dev.paydesk.payments.TransactionKind;
import dev.paydesk.platform.JobCoordinator;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.shared.Money;

/** One event, one read of the source record: the KPI facts and the money facts both come from it. */
class EventFeedTests {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private final PaymentRecords payments = mock(PaymentRecords.class);
    private final Disputes disputes = mock(Disputes.class);
    private final Facts facts = mock(Facts.class);
    private final MoneyFacts money = mock(MoneyFacts.class);
    private final EventFeed feed = new EventFeed(new Sources(mock(CaseDesk.class), mock(CaseWorkbench.class), payments,
            disputes, mock(MarketCatalog.class), Clock.fixed(T, ZoneOffset.UTC)), facts, money, mock(JobCoordinator.class));

    EventFeedTests() {
        when(facts.zone(anyString())).thenReturn(ZoneOffset.UTC);
        org.mockito.Mockito.doAnswer(call -> {
            call.<Runnable>getArgument(2).run();
            return null;
        }).when(facts).underLocks(any(), any(), any());
    }

    @Test
    @SuppressWarnings("unchecked")
    void recordedPaymentsAreReadOnceForPaymentAndMoneyFacts() {
        UUID refundId = UUID.randomUUID();
        org.mockito.Mockito.doAnswer(call -> {
            PaymentRecords.RecordSink sink = call.getArgument(1);
            sink.order(new PaymentRecords.OrderRecord("ord-1", "DE", null, 2500L, "EUR", "card"));
            sink.transaction(new PaymentRecords.TransactionRecord(refundId, Provider.ADYEN, "acc", TransactionKind.REFUND,
                    "rf-1", "cap-1", "ord-1", null, "refunded", 2500, "EUR", "card", T));
            sink.refundRequest(new PaymentRecords.RefundRequestRecord("r-1", "ord-1", 2500, "EUR", T.minusSeconds(3600)));
            sink.settlementLine(new PaymentRecords.SettlementLineRecord(UUID.randomUUID(), Provider.ADYEN, "acc", "b1",
                    "cap-1", "ord-1", "rf-1", "card", "Refunded", T.plusSeconds(86_400), "EUR", -2500, "EUR", -2500, 0));
            return null;
        }).when(payments).readOrders(any(), any());

        feed.on(new PaymentsRecorded(List.of(new PaymentRecorded(refundId, Provider.ADYEN, "acc", TransactionKind.REFUND,
                "rf-1", "cap-1", "ord-1", Money.of(2500, "EUR"), "refunded", T))));

        verify(payments, times(1)).readOrders(any(), any());
        ArgumentCaptor<Collection<PaymentFact>> paymentFacts = ArgumentCaptor.forClass(Collection.class);
        verify(facts).savePayments(paymentFacts.capture());
        assertThat(paymentFacts.getValue()).extracting(PaymentFact::transactionId).containsExactly(refundId);
        ArgumentCaptor<List<MoneyFact>> moneyFacts = ArgumentCaptor.forClass(List.class);
        verify(money).saveBySource(moneyFacts.capture());
        assertThat(moneyFacts.getValue()).extracting(MoneyFact::metric)
                .containsExactly(MoneyFact.REFUNDED, MoneyFact.REFUND_SETTLED);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClosedDisputeIsReadOnceForItsDisputeAndMoneyFacts() {
        UUID id = UUID.randomUUID();
        Money amount = Money.of(4200, "EUR");
        when(disputes.dispute(id)).thenReturn(new DisputeSummary(id, dev.paydesk.payments.Provider.ADYEN, "acc", "d-1",
                CardNetwork.VISA, "DE", DisputeStage.CHARGEBACK, DisputeStatus.LOST, "10.4", ReasonCategory.FRAUD, amount,
                Money.of(0, "EUR"), "psp-1", "ord-1", null, null, false, null, T.minusSeconds(86_400), T, 3));

        feed.on(new DisputeClosed(id, "DE", "psp-1", "ord-1", DisputeStage.CHARGEBACK, DisputeStatus.LOST, amount, T));

        verify(disputes, times(1)).dispute(id);
        ArgumentCaptor<Collection<DisputeFact>> disputeFacts = ArgumentCaptor.forClass(Collection.class);
        verify(facts).saveDisputes(disputeFacts.capture());
        assertThat(disputeFacts.getValue()).hasSize(1);
        ArgumentCaptor<List<MoneyFact>> moneyFacts = ArgumentCaptor.forClass(List.class);
        verify(money).save(org.mockito.ArgumentMatchers.eq(List.of(id)), moneyFacts.capture());
        assertThat(moneyFacts.getValue()).extracting(MoneyFact::metric).containsExactly(MoneyFact.LOST);
        assertThat(moneyFacts.getValue()).allMatch(r -> r.amountMinor() == 4200);
    }
}
