package dev.paydesk.cases.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.cases.NewCase;
import dev.paydesk.cases.Priority;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.shared.Money;

/**
 * The one way something that arrives reaches the case desk: it joins the open case about the same
 * thing, or opens a new case. Disputes and e-mail use {@link #joinOrOpen}; findings use its steps
 * ({@link #openCaseAbout}, {@link #join}, {@link #open}) because grouping and the breaker sit between
 * looking and opening. Incidents (triage) only link cases that already exist.
 */
@Component
class CaseIntake {

    private final CaseDesk desk;

    CaseIntake(CaseDesk desk) {
        this.desk = desk;
    }

    /** A reference to look up, in the order given; a null reference is skipped. */
    record Ref(LinkKind kind, @Nullable String ref) {
    }

    /** What arrived: its own record (linked to the case it lands on) and the references it is about, in lookup order. */
    record Arrival(@Nullable CaseLink own, List<Ref> about) {

        static final Arrival NOTHING_LINKED = new Arrival(null, List.of());

        Arrival(@Nullable CaseLink own, Ref... about) {
            this(own, List.of(about));
        }
    }

    /** Where an arrival landed: an open case it joined, or a case opened for it (or found by its idempotency key). */
    sealed interface Outcome {
        UUID caseId();
    }

    record Joined(UUID caseId) implements Outcome {
    }

    record Opened(CaseDesk.Opened opened) implements Outcome {
        @Override
        public UUID caseId() {
            return opened.summary().id();
        }
    }

    /** The first open case, among those linked to the arrival's references in order, that {@code eligible} accepts. */
    Optional<CaseSummary> openCaseAbout(Arrival arrival, Predicate<CaseSummary> eligible) {
        for (Ref r : arrival.about()) {
            if (r.ref() == null) {
                continue;
            }
            Optional<CaseSummary> open = desk.linkedTo(r.kind(), r.ref()).stream()
                    .filter(c -> c.status().isOpen() && eligible.test(c)).findFirst();
            if (open.isPresent()) {
                return open;
            }
        }
        return Optional.empty();
    }

    /** Joins an open case: links the arrival's own record and notes what arrived. */
    Joined join(UUID caseId, Arrival arrival, @Nullable String note) {
        if (arrival.own() != null) {
            desk.link(caseId, arrival.own());
        }
        if (note != null) {
            desk.addNote(caseId, note);
        }
        return new Joined(caseId);
    }

    /**
     * Opens a case carrying the arrival's own link first, then every reference short enough for a
     * case (longer ones stay with the arrival's record, so an intake never fails on them).
     */
    Opened open(Arrival arrival, NewCase.Builder newCase) {
        List<CaseLink> links = new ArrayList<>();
        if (arrival.own() != null) {
            links.add(arrival.own());
        }
        for (Ref r : arrival.about()) {
            if (NewCase.refOrNull(r.ref()) != null) {
                links.add(new CaseLink(r.kind(), r.ref()));
            }
        }
        return new Opened(desk.open(newCase.links(links).build()));
    }

    /**
     * Joins the case {@code existing} names (linking the arrival's own record, and noting {@code note}
     * unless it is null), or opens the case {@code newCase} describes.
     */
    Outcome joinOrOpen(Optional<UUID> existing, Arrival arrival, @Nullable String note, NewCase.Builder newCase) {
        if (existing.isEmpty()) {
            return open(arrival, newCase);
        }
        return join(existing.get(), arrival, note);
    }

    /**
     * The market a dispute or finding's case opens in: its own when Paydesk knows it, otherwise the
     * first configured market (a merchant account mapped to a market that is not set up must not
     * leave the money problem without a case). With no market set up at all it fails with a message that
     * says so; the event stays incomplete and is resubmitted, so the case opens once a market exists.
     */
    static String marketFor(MarketCatalog markets, @Nullable String market) {
        if (market != null && markets.market(market.strip().toUpperCase(Locale.ROOT)).isPresent()) {
            return market;
        }
        return markets.markets().stream().findFirst().orElseThrow(() -> new IllegalStateException(
                "no market is set up, so no case can open (market '" + market + "'); the event is retried")).code();
    }

    /** Priority by the money at stake (SEK, NOK, DKK, PLN and CZK count a tenth, as weaker currencies). */
    static Priority priorityFor(Money amount) {
        long major = amount.minor() / Math.max(1, (long) Math.pow(10, Math.max(0, amount.currency().getDefaultFractionDigits())));
        boolean weak = List.of("SEK", "NOK", "DKK", "PLN", "CZK").contains(amount.currency().getCurrencyCode());
        long normalised = weak ? major / 10 : major;
        return normalised >= 2000 ? Priority.URGENT : normalised >= 500 ? Priority.HIGH : Priority.NORMAL;
    }
}
