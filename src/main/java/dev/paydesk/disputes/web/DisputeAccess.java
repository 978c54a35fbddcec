package dev.paydesk.disputes.web;

import org.springframework.security.access.AccessDeniedException;

import dev.paydesk.disputes.DisputeSummary;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.PaydeskPrincipal;

/** Market scope for disputes: a dispute without a known market is visible to all-market users only. */
final class DisputeAccess {

    static final String READ = "hasAnyRole('DISPUTE_SPECIALIST','PROCESS_MANAGER','ADMIN','AUDITOR')";
    static final String WORK = "hasAnyRole('DISPUTE_SPECIALIST','PROCESS_MANAGER','ADMIN')";
    static final String MANAGE = "hasAnyRole('PROCESS_MANAGER','ADMIN')";

    private DisputeAccess() {
    }

    static DisputeSummary check(DisputeSummary d) {
        if (d.market() == null) {
            if (!CurrentUser.principal().map(PaydeskPrincipal::allMarkets).orElse(false)) {
                throw new AccessDeniedException("dispute without a market");
            }
        } else {
            CurrentUser.requireMarket(d.market());
        }
        return d;
    }
}
