package dev.paydesk.cases.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.cases.Priority;
import dev.paydesk.shared.Money;

/**
 * What module intake (disputes, findings) shares: the open case a new event should join, and the
 * priority a case gets from the money at stake.
 */
final class JoinableCases {

    private JoinableCases() {
    }

    /** A reference to look up, in the order given; a null reference is skipped. */
    record Ref(LinkKind kind, @Nullable String ref) {
    }

    /** The first open case, among those linked to the references in order, that {@code eligible} accepts. */
    static Optional<CaseSummary> firstOpen(CaseDesk desk, Predicate<CaseSummary> eligible, Ref... refs) {
        for (Ref r : refs) {
            if (r.ref() == null) {
                continue;
            }
            List<CaseSummary> linked = desk.linkedTo(r.kind(), r.ref());
            Optional<CaseSummary> open = linked.stream().filter(c -> c.status().isOpen() && eligible.test(c)).findFirst();
            if (open.isPresent()) {
                return open;
            }
        }
        return Optional.empty();
    }

    /** Priority by the money at stake (SEK, NOK, DKK, PLN and CZK count a tenth, as weaker currencies). */
    /**
     * The market a dispute or finding's case opens in: its own when Paydesk knows it, otherwise the
     * first configured market (a merchant account mapped to a market that is not set up must not
     * leave the money problem without a case).
     */
    static String marketFor(dev.paydesk.platform.MarketCatalog markets, @Nullable String market) {
        if (market != null && markets.market(market.strip().toUpperCase(java.util.Locale.ROOT)).isPresent()) {
            return market;
        }
        return markets.markets().getFirst().code();
    }

    static Priority priorityFor(Money amount) {
        long major = amount.minor() / Math.max(1, (long) Math.pow(10, Math.max(0, amount.currency().getDefaultFractionDigits())));
        boolean weak = List.of("SEK", "NOK", "DKK", "PLN", "CZK").contains(amount.currency().getCurrencyCode());
        long normalised = weak ? major / 10 : major;
        return normalised >= 2000 ? Priority.URGENT : normalised >= 500 ? Priority.HIGH : Priority.NORMAL;
    }
}
