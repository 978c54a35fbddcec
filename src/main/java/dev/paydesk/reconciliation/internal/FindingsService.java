package dev.paydesk.reconciliation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.PaydeskPrincipal;
import dev.paydesk.reconciliation.Finding;
import dev.paydesk.reconciliation.Findings;
import dev.paydesk.shared.InvalidInputException;

/**
 * Findings within the caller's markets. Findings without a market (a settlement line that matches
 * no order) are visible to users with every market only.
 */
@Service
class FindingsService implements Findings {

    private final FindingStore store;
    private final AuditLog audit;
    private final Clock clock;

    private final dev.paydesk.platform.UserDirectory directory;

    FindingsService(FindingStore store, AuditLog audit, Clock clock, dev.paydesk.platform.UserDirectory directory) {
        this.directory = directory;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Finding> search(Filter filter) {
        return store.search(filter, scope(), clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public dev.paydesk.shared.ListPage<Finding> page(Filter filter, dev.paydesk.shared.ListQuery list) {
        Instant now = clock.instant();
        Set<String> markets = scope();
        Totals totals = store.totals(filter, markets, now, list.q());
        return dev.paydesk.shared.ListPage.of(store.page(filter, markets, now, list), totals.count(), list,
                FindingStore.SORTS.keySet());
    }

    @Override
    @Transactional(readOnly = true)
    public Totals totals(Filter filter, @Nullable String q) {
        return store.totals(filter, scope(), clock.instant(), q);
    }

    @Override
    @Transactional(readOnly = true)
    public Totals totals(Filter filter) {
        return store.totals(filter, scope(), clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Finding> find(UUID id) {
        return store.byIds(List.of(id)).stream().filter(FindingsService::visible).findFirst();
    }

    @Override
    @Transactional
    public int acknowledge(Collection<UUID> ids) {
        Instant now = clock.instant();
        int changed = 0;
        for (Finding f : visible(ids)) {
            if (store.acknowledge(f.id(), CurrentUser.actorName(), now) > 0) {
                changed++;
                audit.record("reconciliation.finding_acknowledged", "reconciliation_finding", f.id().toString(),
                        f.market(), f.status(), dev.paydesk.reconciliation.FindingStatus.ACKNOWLEDGED);
            }
        }
        return changed;
    }

    @Override
    @Transactional
    public int assign(Collection<UUID> ids, String assignee) {
        if (assignee == null || assignee.isBlank()) {
            throw new InvalidInputException("assignee", "choose the user the findings are assigned to");
        }
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException("ids", "choose at least one finding to assign");
        }
        if (directory.user(assignee.trim()).filter(dev.paydesk.platform.UserDirectory.User::enabled).isEmpty()) {
            throw new InvalidInputException("assignee", "there is no active user '" + assignee.trim() + "'");
        }
        int changed = 0;
        for (Finding f : visible(ids)) {
            changed += store.assign(f.id(), assignee.trim());
            audit.record("reconciliation.finding_assigned", "reconciliation_finding", f.id().toString(), f.market(),
                    f.assignee(), assignee.trim());
        }
        return changed;
    }

    @Override
    @Transactional(readOnly = true)
    public List<BatchSummary> batches(int limit) {
        return store.batches(Math.max(1, Math.min(limit, 1_000)));
    }

    private List<Finding> visible(Collection<UUID> ids) {
        return store.byIds(ids).stream().filter(FindingsService::visible).toList();
    }

    private static boolean visible(Finding f) {
        Optional<PaydeskPrincipal> user = CurrentUser.principal();
        if (user.isEmpty()) {
            return true;
        }
        return f.market() == null ? user.get().allMarkets() : user.get().canAccessMarket(f.market());
    }

    /** Null: every market (and findings without one). */
    private static @Nullable Set<String> scope() {
        return CurrentUser.principal().filter(p -> !p.allMarkets()).map(PaydeskPrincipal::markets).orElse(null);
    }
}
