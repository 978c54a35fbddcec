package dev.paydesk.disputes.web;

import dev.paydesk.disputes.DisputeSummary;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.shared.NotFoundException;

/** Market scope for disputes: a dispute without a known market is visible to all-market users only. */
final class DisputeAccess {

    private DisputeAccess() {
    }

    /** A dispute of another market answers exactly like an unknown one (404 "no dispute {id}"). */
    static DisputeSummary check(DisputeSummary d) {
        CurrentUser.requireInScope(d.market(), () -> new NotFoundException("no dispute " + d.id()));
        return d;
    }
}
