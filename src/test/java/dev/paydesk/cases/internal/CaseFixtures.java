package dev.paydesk.cases.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.Priority;
import dev.paydesk.cases.WaitingReason;

/** Builds {@link Case}s in any state for tests without Spring or a database. */
final class CaseFixtures {

    private long number = 100_001;
    private String market = "DE";
    private @Nullable String customerEmail = "kunde@example.de";
    private CaseStatus status = CaseStatus.NEW;
    private @Nullable WaitingReason reason;
    private Priority priority = Priority.NORMAL;
    private @Nullable String category;
    private @Nullable UUID mergedInto;
    private int version;
    private Instant createdAt = ClockFixtures.berlin(2026, 3, 2, 9, 0);
    private final List<CaseLink> links = new ArrayList<>();

    static CaseFixtures aCase() {
        return new CaseFixtures();
    }

    CaseFixtures number(long n) {
        this.number = n;
        return this;
    }

    CaseFixtures inStatus(CaseStatus s) {
        this.status = s;
        return this;
    }

    CaseFixtures waitingFor(WaitingReason r) {
        this.status = CaseStatus.WAITING;
        this.reason = r;
        return this;
    }

    CaseFixtures category(String c) {
        this.category = c;
        return this;
    }

    CaseFixtures mergedInto(UUID target) {
        this.status = CaseStatus.CLOSED;
        this.mergedInto = target;
        return this;
    }

    CaseFixtures atVersion(int v) {
        this.version = v;
        return this;
    }

    CaseFixtures openedAt(Instant at) {
        this.createdAt = at;
        return this;
    }

    CaseFixtures withoutEmail() {
        this.customerEmail = null;
        return this;
    }

    CaseFixtures linkedTo(CaseLink link) {
        links.add(link);
        return this;
    }

    Case build() {
        CaseState.Fixed fixed = new CaseState.Fixed(UUID.randomUUID(), number, "Refund missing", "Where is my refund?",
                market, "de", CaseSource.API, "C-1", customerEmail, "adyen", null, createdAt);
        CaseState.Mutable state = new CaseState.Mutable(status, reason, priority, category, "payments-de", null, List.of(),
                null, null, null, mergedInto, status.isOpen() ? null : createdAt);
        return new Case(fixed, state, version, new LinkedHashSet<>(links));
    }

    /** The clock facts in what an operation changed (as the clocks read them back from the timeline). */
    static List<ClockFact> facts(Changes... changes) {
        List<ClockFact> out = new ArrayList<>();
        for (Changes c : changes) {
            for (Changes.Entry e : c.entries()) {
                Optional<ClockFact> f = ClockFact.of(e.kind(), e.at(), (String) e.data().get("status"),
                        (String) e.data().get("reason"));
                f.ifPresent(out::add);
            }
        }
        return out;
    }
}
