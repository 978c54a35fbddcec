package dev.paydesk.cases.internal;

import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.paydesk.cases.CaseLink;
import dev.paydesk.disputes.DisputeSummary;
import dev.paydesk.disputes.Disputes;
import dev.paydesk.payments.OrderTimeline;
import dev.paydesk.payments.PaymentQueries;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.shared.NotFoundException;

/**
 * Market scope of case links: a signed-in user links only orders, payments, refunds, cases and disputes
 * of their own markets. A record of another market answers 404 as the record's own endpoint does; a
 * reference not (yet) known is accepted, as before (the order may arrive later).
 */
@Component
class LinkScope {

    private final PaymentQueries payments;
    private final Disputes disputes;
    private final CaseStore store;

    LinkScope(PaymentQueries payments, Disputes disputes, CaseStore store) {
        this.payments = payments;
        this.disputes = disputes;
        this.store = store;
    }

    void requireLinkable(CaseLink link) {
        if (CurrentUser.principal().isEmpty()) {
            return;
        }
        Supplier<NotFoundException> unknown = () -> new NotFoundException(
                link.kind().name().toLowerCase(Locale.ROOT) + " " + link.ref() + " not found");
        switch (link.kind()) {
            case ORDER -> payments.timeline(link.ref()).map(OrderTimeline::market)
                    .ifPresent(market -> requireVisible(market, unknown));
            case PAYMENT, REFUND -> payments.search(new PaymentQueries.SearchCriteria(null, link.ref(), null, null, null,
                    null, null, 20)).forEach(p -> requireVisible(p.market(), unknown));
            case CASE -> store.idByKey(link.ref()).ifPresent(id ->
                    CurrentUser.requireInScope(store.require(id).market(), unknown));
            case DISPUTE -> dispute(link.ref()).ifPresent(d -> CurrentUser.requireInScope(d.market(), unknown));
            case FINDING, INCIDENT -> { }
        }
    }

    /** Orders and payments without a known market stay linkable, as their own endpoints show them. */
    private static void requireVisible(@Nullable String market, Supplier<NotFoundException> unknown) {
        if (market != null) {
            CurrentUser.requireInScope(market, unknown);
        }
    }

    /** The dispute a reference names, if it names one (an unknown id is a reference not yet known). */
    private java.util.Optional<DisputeSummary> dispute(String ref) {
        UUID id;
        try {
            id = UUID.fromString(ref.strip());
        } catch (IllegalArgumentException notAnId) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(disputes.dispute(id));
        } catch (NotFoundException notYetKnown) {
            return java.util.Optional.empty();
        }
    }
}
