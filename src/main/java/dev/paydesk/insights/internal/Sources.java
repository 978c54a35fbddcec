package dev.paydesk.insights.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseDetail;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.disputes.DisputeSummary;
import dev.paydesk.disputes.Disputes;
import dev.paydesk.payments.PaymentRecords;
import dev.paydesk.platform.BusinessCalendar;
import dev.paydesk.platform.MarketCatalog;

/** Reads the other modules' APIs into facts (for the listeners and the rebuild alike). */
@Component
class Sources {

    private final CaseDesk desk;
    private final CaseWorkbench workbench;
    private final PaymentRecords payments;
    private final Disputes disputes;
    private final MarketCatalog markets;
    private final Clock clock;

    Sources(CaseDesk desk, CaseWorkbench workbench, PaymentRecords payments, Disputes disputes, MarketCatalog markets,
            Clock clock) {
        this.desk = desk;
        this.workbench = workbench;
        this.payments = payments;
        this.disputes = disputes;
        this.markets = markets;
        this.clock = clock;
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Sources.class);

    /**
     * The facts of several cases, each read on its own: a case that cannot be read (e.g. its market's calendar has
     * no open minute, so its clocks cannot be computed) is left as it was and named to {@code problems}, and
     * the others are still read — one bad record never stops a refresh or a rebuild.
     */
    List<CaseFact> caseFacts(Collection<UUID> ids, java.util.function.Consumer<String> problems) {
        List<CaseFact> out = new java.util.ArrayList<>(ids.size());
        for (UUID id : ids) {
            try {
                caseFact(id).ifPresent(out::add);
            } catch (RuntimeException e) {
                String problem = "case " + id + " skipped: " + e.getMessage();
                log.warn("insights: {}", problem);
                problems.accept(problem);
            }
        }
        return out;
    }

    Optional<CaseFact> caseFact(UUID id) {
        Optional<CaseDetail> detail = desk.find(id.toString());
        return detail.map(d -> CaseFact.of(d, workbench.csat(id).orElse(null), calendar(d.summary().market()),
                clock.instant()));
    }

    private @Nullable BusinessCalendar calendar(String market) {
        return markets.market(market).isPresent() ? markets.calendar(market) : null;
    }

    DisputeSummary dispute(UUID id) {
        return disputes.dispute(id);
    }

    /** The orders with a movement or refund request among the records of {@code [from, to)}, as the range read gives them. */
    Set<String> ordersWithRecords(Instant from, Instant to) {
        Set<String> orders = new java.util.LinkedHashSet<>();
        payments.read(from, to, new PaymentRecords.RecordSink() {
            @Override
            public void order(PaymentRecords.OrderRecord order) {
            }

            @Override
            public void transaction(PaymentRecords.TransactionRecord t) {
                if (t.merchantReference() != null) {
                    orders.add(t.merchantReference());
                }
            }

            @Override
            public void refundRequest(PaymentRecords.RefundRequestRecord r) {
                orders.add(r.merchantReference());
            }

            @Override
            public void settlementLine(PaymentRecords.SettlementLineRecord line) {
            }
        });
        return orders;
    }

    /** One read of everything the payments mirror holds about the given orders, for payment and money facts. */
    MoneyFacts.PaymentSink orders(Collection<String> merchantReferences) {
        MoneyFacts.PaymentSink sink = new MoneyFacts.PaymentSink();
        payments.readOrders(merchantReferences, sink);
        return sink;
    }

    /** Collects rows per order, then turns each order into facts. */
    static final class Collector implements PaymentRecords.RecordSink {
        private final Map<String, String> market = new HashMap<>();
        private final Map<String, List<PaymentRecords.TransactionRecord>> movements = new HashMap<>();
        private final Map<String, List<PaymentRecords.RefundRequestRecord>> requests = new HashMap<>();

        @Override
        public void order(PaymentRecords.OrderRecord order) {
            if (order.market() != null) {
                market.put(order.merchantReference(), order.market());
            }
        }

        @Override
        public void transaction(PaymentRecords.TransactionRecord t) {
            if (t.merchantReference() != null) {
                movements.computeIfAbsent(t.merchantReference(), k -> new ArrayList<>()).add(t);
            }
        }

        @Override
        public void refundRequest(PaymentRecords.RefundRequestRecord r) {
            requests.computeIfAbsent(r.merchantReference(), k -> new ArrayList<>()).add(r);
        }

        @Override
        public void settlementLine(PaymentRecords.SettlementLineRecord line) {
            // settlement lines do not count in any KPI yet
        }

        List<PaymentFact> facts() {
            List<PaymentFact> out = new ArrayList<>();
            movements.forEach((order, list) -> out.addAll(PaymentFact.ofOrder(market.get(order), list,
                    requests.getOrDefault(order, List.of()))));
            return out;
        }
    }
}
