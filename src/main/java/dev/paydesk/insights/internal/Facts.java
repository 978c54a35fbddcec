package dev.paydesk.insights.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.insights.Kpi.Family;
import dev.paydesk.platform.Market;
import dev.paydesk.platform.MarketCatalog;

/**
 * Stores facts keyed by their source record's id (an upsert: the same record twice is one row) and
 * moves the rollups by the difference between the old and the new row in the same transaction, so a
 * replayed or late event changes nothing twice and a moved day (a reopened case) leaves no stale count.
 */
@Component
class Facts {

    /** One rollup slice. */
    record Slice(Family family, String market, LocalDate day) {
    }

    private final JdbcClient jdbc;
    private final Rollups rollups;
    private final MarketCatalog markets;
    private final Clock clock;
    private final ConcurrentHashMap<String, ZoneId> zones = new ConcurrentHashMap<>();

    Facts(JdbcClient jdbc, Rollups rollups, MarketCatalog markets, Clock clock) {
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.markets = markets;
        this.clock = clock;
    }

    ZoneId zone(String market) {
        if (market.isEmpty()) {
            return ZoneOffset.UTC;
        }
        return zones.computeIfAbsent(market, m -> markets.market(m).map(Market::zone).orElse(ZoneOffset.UTC));
    }

    /**
     * Runs {@code readAndSave} holding the locks of the records' facts, so that a refresh reads its source only
     * after every refresh of the same records before it has stored: two listeners of one case's events, run
     * side by side, otherwise could read the case in either order and store the older read last (a resolved,
     * reopened and resolved case stored as resolved once, until its next event). {@code ids} are the source records'
     * ids: cases, disputes, findings, or for payments the orders they belong to.
     */
    @Transactional
    void underLocks(Source source, Collection<?> ids, Runnable readAndSave) {
        rollups.lockSources(source, ids.stream().map(Object::toString).toArray(String[]::new));
        readAndSave.run();
    }

    /**
     * The kinds of source record a refresh reads, each with lock keys of its own: a finding's refresh never waits for a
     * file's refresh of a thousand orders whose lock buckets happen to include the finding's.
     */
    enum Source { CASE, ORDER, DISPUTE, FINDING }

    @Transactional
    void saveCases(Collection<CaseFact> facts) {
        delta(Family.CASE, facts.stream().map(this::prepareCase).toList(), f -> f.caseId().toString(), """
                select market, unnest(array[opened_day, resolved_day, first_reply_day, fr_day, res_day, csat_day, psd2_day,
                    ola_day, csat_sent_day] || coalesce(four_eyes_days, '{}')) d
                from insights_case_fact where case_id = any(cast(? as uuid[]))""");
    }

    /** Upserts without touching the rollups (the rebuild recomputes them all at the end). */
    void storeCases(Collection<CaseFact> facts) {
        upsert(facts.stream().map(this::prepareCase).toList());
    }

    @Transactional
    void savePayments(Collection<PaymentFact> facts) {
        delta(Family.PAYMENT, facts.stream().map(this::preparePayment).toList(), f -> f.transactionId().toString(),
                "select market, day from insights_payment_fact where transaction_id = any(cast(? as uuid[]))");
    }

    /** Upserts without touching the rollups (the rebuild recomputes them all at the end). */
    void storePayments(Collection<PaymentFact> facts) {
        upsert(facts.stream().map(this::preparePayment).toList());
    }

    @Transactional
    void saveDisputes(Collection<DisputeFact> facts) {
        delta(Family.DISPUTE, facts.stream().map(this::prepareDispute).toList(), f -> f.disputeId().toString(), """
                select market, unnest(array[opened_day, closed_day]) from insights_dispute_fact
                where dispute_id = any(cast(? as uuid[]))""");
    }

    /** Upserts without touching the rollups (the rebuild recomputes them all at the end). */
    void storeDisputes(Collection<DisputeFact> facts) {
        upsert(facts.stream().map(this::prepareDispute).toList());
    }

    /** A fact's upsert statement and parameters, and the slices its new row counts on. */
    private record Prepared<F>(F fact, Object id, String sql, Object[] params, Set<Slice> slices) {
    }

    /** Rows per upsert statement (PostgreSQL takes at most 65,535 parameters). */
    private static final int ROWS_PER_STATEMENT = 500;

    /**
     * Applies a batch of facts as a delta on the rollups: under the locks, the old rows' contributions
     * are subtracted, the rows upserted and the new rows' contributions added, all in the caller's
     * transaction. A replayed fact subtracts and adds the same contributions: nothing counts twice.
     */
    private <F> void delta(Family family, List<Prepared<F>> batch, java.util.function.Function<F, String> id,
                           String oldDays) {
        if (batch.isEmpty()) {
            return;
        }
        String[] ids = batch.stream().map(p -> id.apply(p.fact())).distinct().sorted().toArray(String[]::new);
        rollups.lockFacts(family, ids);
        Set<Slice> slices = new LinkedHashSet<>();
        jdbc.sql(oldDays).param(ids).query((rs, i) -> {
            LocalDate day = rs.getObject(2, LocalDate.class);
            return day == null ? null : new Slice(family, rs.getString(1), day);
        }).list().stream().filter(java.util.Objects::nonNull).forEach(slices::add);
        batch.forEach(p -> slices.addAll(p.slices()));
        rollups.lockSlices(slices);
        Rollups.Changes changes = new Rollups.Changes();
        rollups.apply(family, ids, -1, changes);
        upsert(batch);
        rollups.apply(family, ids, 1, changes);
        rollups.settle(family, changes);
    }

    /**
     * Upserts the rows in multi-row statements; of one record's rows in a batch the last wins (one statement
     * may not update a row twice).
     */
    private void upsert(List<? extends Prepared<?>> batch) {
        java.util.Map<Object, Prepared<?>> last = new java.util.LinkedHashMap<>();
        batch.forEach(p -> last.put(p.id(), p));
        List<Prepared<?>> rows = List.copyOf(last.values());
        for (int i = 0; i < rows.size(); i += ROWS_PER_STATEMENT) {
            List<Prepared<?>> chunk = rows.subList(i, Math.min(rows.size(), i + ROWS_PER_STATEMENT));
            Prepared<?> first = chunk.getFirst();
            String tuple = "(" + "?, ".repeat(first.params().length - 1) + "?)";
            if (first.sql().equals(UPSERT_CASE)) {
                tuple = "(" + "?, ".repeat(first.params().length - 1) + "cast(? as date[]))";
            }
            List<Object> params = new java.util.ArrayList<>();
            chunk.forEach(p -> params.addAll(java.util.Arrays.asList(p.params())));
            jdbc.sql(first.sql().formatted(String.join(", ", java.util.Collections.nCopies(chunk.size(), tuple))))
                    .params(params).update();
        }
    }

    private Prepared<CaseFact> prepareCase(CaseFact f) {
        ZoneId z = zone(f.market());
        LocalDate opened = CaseFact.day(f.createdAt(), z);
        LocalDate resolved = CaseFact.day(f.resolvedAt(), z);
        LocalDate replied = CaseFact.day(f.firstReplyAt(), z);
        LocalDate fr = CaseFact.isDecided(f.frState()) ? CaseFact.day(f.frDecidedAt(), z) : null;
        LocalDate res = CaseFact.isDecided(f.resState()) ? CaseFact.day(f.resDecidedAt(), z) : null;
        LocalDate csat = CaseFact.day(f.csatAt(), z);
        CaseFact.Conduct c = f.conduct();
        LocalDate psd2 = CaseFact.isDecided(c.psd2State()) ? CaseFact.day(c.psd2DecidedAt(), z) : null;
        LocalDate ola = CaseFact.isDecided(c.olaState()) ? CaseFact.day(c.olaDecidedAt(), z) : null;
        LocalDate sent = CaseFact.day(c.csatSentAt(), z);
        Integer[] waits = c.approvals().stream().map(CaseFact.Approval::waitingMinutes).toArray(Integer[]::new);
        List<LocalDate> decided = c.approvals().stream().map(a -> CaseFact.day(a.decidedAt(), z)).toList();
        String[] decidedDays = decided.stream().map(LocalDate::toString).toArray(String[]::new);
        Set<Slice> slices = new LinkedHashSet<>();
        for (LocalDate d : decided) {
            slices.add(new Slice(Family.CASE, f.market(), d));
        }
        for (LocalDate d : new LocalDate[]{opened, resolved, replied, fr, res, csat, psd2, ola, sent}) {
            if (d != null) {
                slices.add(new Slice(Family.CASE, f.market(), d));
            }
        }
        return new Prepared<>(f, f.caseId(), UPSERT_CASE, new Object[]{f.caseId(), f.key(), f.market(), f.provider(), f.queue(),
                f.category(), f.priority(), f.assignee(), ts(f.createdAt()), opened, ts(f.resolvedAt()), resolved,
                ts(f.firstReplyAt()), replied, f.firstResponseMinutes(), f.frState(), fr, f.resState(), res,
                f.csatRating(), csat, f.csatPending(), ts(clock.instant()), c.reopens(), c.repliesOut(),
                c.repeatContact(), c.psd2State(), psd2, c.olaState(), ola, ts(c.csatSentAt()), sent, waits,
                decidedDays}, slices);
    }

    private static final String UPSERT_CASE = """
            insert into insights_case_fact (case_id, case_key, market, provider, queue, category, priority, assignee,
                created_at, opened_day, resolved_at, resolved_day, first_reply_at, first_reply_day,
                first_response_minutes, fr_state, fr_day, res_state, res_day, csat_rating, csat_day, csat_pending,
                refreshed_at, reopens, replies_out, repeat_contact, psd2_state, psd2_day, ola_state, ola_day,
                csat_sent_at, csat_sent_day, four_eyes_minutes, four_eyes_days)
            values %s
            on conflict (case_id) do update set case_key = excluded.case_key, market = excluded.market,
                provider = excluded.provider, queue = excluded.queue, category = excluded.category,
                priority = excluded.priority, assignee = excluded.assignee, created_at = excluded.created_at,
                opened_day = excluded.opened_day, resolved_at = excluded.resolved_at,
                resolved_day = excluded.resolved_day, first_reply_at = excluded.first_reply_at,
                first_reply_day = excluded.first_reply_day, first_response_minutes = excluded.first_response_minutes,
                fr_state = excluded.fr_state, fr_day = excluded.fr_day, res_state = excluded.res_state,
                res_day = excluded.res_day, csat_rating = excluded.csat_rating, csat_day = excluded.csat_day,
                csat_pending = excluded.csat_pending, refreshed_at = excluded.refreshed_at,
                reopens = excluded.reopens, replies_out = excluded.replies_out,
                repeat_contact = excluded.repeat_contact, psd2_state = excluded.psd2_state,
                psd2_day = excluded.psd2_day, ola_state = excluded.ola_state, ola_day = excluded.ola_day,
                csat_sent_at = excluded.csat_sent_at, csat_sent_day = excluded.csat_sent_day,
                four_eyes_minutes = excluded.four_eyes_minutes, four_eyes_days = excluded.four_eyes_days""";

    private static final String UPSERT_PAYMENT = """
            insert into insights_payment_fact (transaction_id, kind, provider_reference, merchant_reference, market,
                provider, method, occurred_at, day, failed, amount_minor, currency, requested_at, turnaround_minutes,
                first_capture)
            values %s
            on conflict (transaction_id) do update set kind = excluded.kind,
                provider_reference = excluded.provider_reference, merchant_reference = excluded.merchant_reference,
                market = excluded.market, provider = excluded.provider, method = excluded.method,
                occurred_at = excluded.occurred_at, day = excluded.day, failed = excluded.failed,
                amount_minor = excluded.amount_minor, currency = excluded.currency,
                requested_at = excluded.requested_at, turnaround_minutes = excluded.turnaround_minutes,
                first_capture = excluded.first_capture""";

    private static final String UPSERT_DISPUTE = """
            insert into insights_dispute_fact (dispute_id, market, provider, network, reason_category, status,
                opened_at, opened_day, closed_at, closed_day, amount_minor, currency)
            values %s
            on conflict (dispute_id) do update set market = excluded.market, provider = excluded.provider,
                network = excluded.network, reason_category = excluded.reason_category, status = excluded.status,
                opened_at = excluded.opened_at, opened_day = excluded.opened_day, closed_at = excluded.closed_at,
                closed_day = excluded.closed_day, amount_minor = excluded.amount_minor, currency = excluded.currency""";

    private Prepared<PaymentFact> preparePayment(PaymentFact f) {
        LocalDate day = CaseFact.day(f.occurredAt(), zone(f.market()));
        return new Prepared<>(f, f.transactionId(), UPSERT_PAYMENT, new Object[]{f.transactionId(), f.kind(), f.providerReference(),
                f.merchantReference(), f.market(), f.provider(), f.method(), ts(f.occurredAt()), day, f.failed(),
                f.amountMinor(), f.currency(), ts(f.requestedAt()), f.turnaroundMinutes(), f.firstCapture()},
                Set.of(new Slice(Family.PAYMENT, f.market(), day)));
    }

    private Prepared<DisputeFact> prepareDispute(DisputeFact f) {
        ZoneId z = zone(f.market());
        LocalDate opened = CaseFact.day(f.openedAt(), z);
        LocalDate closed = CaseFact.day(f.closedAt(), z);
        Set<Slice> slices = new LinkedHashSet<>();
        slices.add(new Slice(Family.DISPUTE, f.market(), opened));
        if (closed != null) {
            slices.add(new Slice(Family.DISPUTE, f.market(), closed));
        }
        return new Prepared<>(f, f.disputeId(), UPSERT_DISPUTE, new Object[]{f.disputeId(), f.market(), f.provider(), f.network(),
                f.reasonCategory(), f.status(), ts(f.openedAt()), opened, ts(f.closedAt()), closed, f.amountMinor(),
                f.currency()}, slices);
    }

    /** Cases whose CSAT survey is still open (the sweep reads them again). */
    List<java.util.UUID> pendingSurveys(int limit) {
        return jdbc.sql("select case_id from insights_case_fact where csat_pending limit ?").param(limit)
                .query(java.util.UUID.class).list();
    }

    private static @Nullable Timestamp ts(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
