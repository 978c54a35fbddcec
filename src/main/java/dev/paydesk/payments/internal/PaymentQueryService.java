package dev.paydesk.payments.internal;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.payments.OrderTimeline;
import dev.paydesk.payments.PaymentQueries;
import dev.paydesk.shared.Money;

/** Order timelines with running balances, and payment search. */
@Service
class PaymentQueryService implements PaymentQueries {

    private final PaymentsStore store;
    private final MethodBindings bindings;

    PaymentQueryService(PaymentsStore store, MethodBindings bindings) {
        this.store = store;
        this.bindings = bindings;
    }

    @Override
    @Transactional(readOnly = true)
    public CustomerPaymentMethods paymentMethods(String customerReference) {
        List<BindingChange> history = bindings.ofCustomer(customerReference);
        java.util.Map<String, BindingChange> latest = new java.util.LinkedHashMap<>();
        for (BindingChange change : history) {
            latest.putIfAbsent(change.provider() + "\u001f" + change.token(), change);
        }
        return new CustomerPaymentMethods(customerReference, List.copyOf(latest.values()), history);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrderTimeline> timeline(String merchantReference) {
        Optional<PaymentsStore.OrderRow> order = store.order(merchantReference);
        List<PaymentSummary> movements = store.transactionsOfOrder(merchantReference);
        if (order.isEmpty() && movements.isEmpty()) {
            return Optional.empty();
        }
        Currency currency = order.map(PaymentsStore.OrderRow::amountDue).map(Money::currency)
                .orElseGet(() -> movements.get(0).amount().currency());
        RunningBalance balance = new RunningBalance(Money.zero(currency));
        List<OrderTimeline.Step> steps = new ArrayList<>();
        for (PaymentSummary m : movements) {
            balance.add(m);
            steps.add(new OrderTimeline.Step(m.id(), m.occurredAt(), m.provider(), m.kind(), m.status(),
                    m.providerReference(), null, m.amount(), m.method(), m.cardLast4(), balance.balance()));
        }
        PaymentsStore.OrderRow row = order.orElse(null);
        return Optional.of(new OrderTimeline(merchantReference, row == null ? null : row.market(),
                row == null ? null : row.customerReference(), row == null ? null : row.amountDue(), steps,
                balance.balance()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<PaymentSummary> search(SearchCriteria c) {
        int limit = c.limit() <= 0 ? 100 : Math.min(c.limit(), 1000);
        return store.search(blank(c.orderReference()), blank(c.providerReference()), blank(c.customerReference()),
                blank(c.cardLast4()), c.amountMinor(),
                c.from() == null ? null : c.from().atStartOfDay().toInstant(ZoneOffset.UTC),
                c.to() == null ? null : c.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), limit);
    }

    @Override
    @Transactional(readOnly = true)
    public List<QuarantinedItem> quarantine(int limit) {
        return store.quarantine(Math.min(Math.max(limit, 1), 5000)).stream()
                .map(q -> new QuarantinedItem(q.id(), q.source(), q.provider(), q.account(), q.line(), q.reason(),
                        q.payload(), q.receivedAt()))
                .toList();
    }

    private static @org.jspecify.annotations.Nullable String blank(@org.jspecify.annotations.Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
