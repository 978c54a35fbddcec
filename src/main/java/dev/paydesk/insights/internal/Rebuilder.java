package dev.paydesk.insights.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseQuery;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.disputes.DisputeStatus;
import dev.paydesk.disputes.DisputeSummary;
import dev.paydesk.disputes.Disputes;
import dev.paydesk.insights.Insights.RebuildSummary;
import dev.paydesk.insights.Kpi.Family;
import dev.paydesk.payments.PaymentRecords;
import dev.paydesk.payments.Provider;
import dev.paydesk.platform.Market;
import dev.paydesk.platform.MarketCatalog;

/**
 * Rebuilds every fact from the other modules' APIs (completed event publications are deleted, so
 * events cannot be replayed; workforce interval statistics and forecast accuracy too), then every rollup
 * from the facts. Idempotent (facts are upserts) and safe
 * while the server runs: listeners keep upserting the records that change meanwhile, and each family's
 * rollups are swapped in one transaction under the family lock.
 */
@Component
class Rebuilder {

    private static final int PAGE = 500;
    private static final int DISPUTE_CAP = 5000;

    private final CaseDesk desk;
    private final Disputes disputes;
    private final PaymentRecords payments;
    private final MarketCatalog markets;
    private final Sources sources;
    private final Facts facts;
    private final Rollups rollups;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration paymentHistory;
    private final MoneyFeed money;
    private final SupplierFeed supplierFeed;

    Rebuilder(CaseDesk desk, Disputes disputes, PaymentRecords payments, MarketCatalog markets, Sources sources,
              Facts facts, Rollups rollups, TransactionTemplate tx, Clock clock,
              @Value("${paydesk.insights.rebuild.payment-history:P1095D}") Duration paymentHistory, MoneyFeed money,
              SupplierFeed supplierFeed) {
        this.supplierFeed = supplierFeed;
        this.desk = desk;
        this.disputes = disputes;
        this.payments = payments;
        this.markets = markets;
        this.sources = sources;
        this.facts = facts;
        this.rollups = rollups;
        this.tx = tx;
        this.clock = clock;
        this.paymentHistory = paymentHistory;
        this.money = money;
    }

    RebuildSummary rebuild() {
        long started = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        long cases = rebuildCases(warnings);
        long movements = rebuildPayments();
        long disputeCount = rebuildDisputes(warnings);
        long intervals = supplierFeed.rebuild();
        org.slf4j.LoggerFactory.getLogger(Rebuilder.class).info("insights rebuild: {} workforce interval rows", intervals);
        for (Family family : Family.values()) {
            tx.executeWithoutResult(s -> rollups.rebuild(family));
        }
        money.rebuild(warnings);
        return new RebuildSummary(cases, movements, disputeCount, (System.nanoTime() - started) / 1e9, warnings);
    }

    private long rebuildCases(List<String> warnings) {
        long count = 0;
        long[] skipped = {0};
        for (Market market : markets.markets()) {
            for (int offset = 0; ; offset += PAGE) {
                List<CaseSummary> page = desk.list(new CaseQuery(CaseQuery.View.ALL, null, Set.of(), market.code(), null,
                        null, null, null, null, PAGE, offset));
                List<CaseFact> batch = sources.caseFacts(page.stream().map(CaseSummary::id).toList(), problem -> {
                    if (skipped[0]++ < 20) {
                        warnings.add(problem);
                    }
                });
                tx.executeWithoutResult(s -> facts.storeCases(batch));
                count += batch.size();
                if (page.size() < PAGE) {
                    break;
                }
            }
        }
        if (skipped[0] > 20) {
            warnings.add((skipped[0] - 20) + " more cases skipped (see the log)");
        }
        return count;
    }

    /** Month-sized windows: each read brings whole orders (with all their movements), so pairing stays exact. */
    private long rebuildPayments() {
        Instant end = clock.instant().plus(Duration.ofDays(1));
        long count = 0;
        for (Instant from = end.minus(paymentHistory); from.isBefore(end); from = from.plus(Duration.ofDays(30))) {
            Instant to = from.plus(Duration.ofDays(30));
            Sources.Collector collector = new Sources.Collector();
            payments.read(from, to.isAfter(end) ? end : to, collector);
            List<PaymentFact> batch = collector.facts();
            tx.executeWithoutResult(s -> facts.storePayments(batch));
            count += batch.size();
        }
        return count;
    }

    /** The dispute API lists at most 5,000 per call: read per provider and status, and say when a slice was full. */
    private long rebuildDisputes(List<String> warnings) {
        long count = 0;
        for (Provider provider : Provider.values()) {
            for (DisputeStatus status : DisputeStatus.values()) {
                List<DisputeSummary> list = disputes.list(new Disputes.Filter(null, true, provider.name(), status, null,
                        DISPUTE_CAP));
                if (list.size() >= DISPUTE_CAP) {
                    warnings.add("disputes " + provider + " " + status + ": the first " + DISPUTE_CAP
                            + " only (the dispute API's page limit); the rest stay as the events left them");
                }
                List<DisputeFact> batch = list.stream().map(DisputeFact::of).toList();
                tx.executeWithoutResult(s -> facts.storeDisputes(batch));
                count += batch.size();
            }
        }
        return count;
    }
}
