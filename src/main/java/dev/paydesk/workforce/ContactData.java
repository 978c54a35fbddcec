package dev.paydesk.workforce;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.platform.PanBoundary;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;
import dev.paydesk.workforce.internal.WorkforceStore;

/**
 * Queues, suppliers, interval statistics (CSV or API, live during the day) and planned downtimes. Queues
 * are market-bound: a user outside the queue's market gets 404. Interval ingest is audited per batch.
 */
@Service
public class ContactData {

    private final WorkforceStore store;
    private final AuditLog audit;
    private final MarketCatalog markets;
    private final Clock clock;
    private final PanBoundary pan;
    private final ApplicationEventPublisher events;

    ContactData(WorkforceStore store, AuditLog audit, MarketCatalog markets, Clock clock, PanBoundary pan,
                ApplicationEventPublisher events) {
        this.pan = pan;
        this.events = events;
        this.store = store;
        this.audit = audit;
        this.markets = markets;
        this.clock = clock;
    }

    /** Queues in the current user's markets. */
    public List<ContactQueue> queues() {
        return store.queues().stream().filter(q -> CurrentUser.canAccessMarket(q.market())).toList();
    }

    /** Every queue, for background work (demo seeding, scheduled forecasts). */
    public List<ContactQueue> allQueues() {
        return store.queues();
    }

    public ContactQueue queue(String code) {
        ContactQueue q = store.queue(code).orElseThrow(() -> new NotFoundException("queue " + code));
        if (CurrentUser.principal().isPresent() && !CurrentUser.canAccessMarket(q.market())) {
            throw new NotFoundException("queue " + code);
        }
        return q;
    }

    @Transactional
    public ContactQueue createQueue(ContactQueue q) {
        if (markets.market(q.market()).isEmpty()) {
            throw new InvalidInputException("market", "unknown market " + q.market());
        }
        if (CurrentUser.principal().isPresent() && !CurrentUser.canAccessMarket(q.market())) {
            throw new InvalidInputException("market", "unknown market " + q.market());
        }
        if (store.queue(q.code()).isPresent()) {
            throw new ConflictException("queue " + q.code() + " exists");
        }
        store.insertQueue(q, clock.instant());
        audit.record("workforce.queue.created", "workforce_queue", q.code(), q.market(), null, q);
        return q;
    }

    public List<Supplier> suppliers() {
        return store.suppliers();
    }

    public Supplier supplier(String code) {
        return store.supplier(code).orElseThrow(() -> new NotFoundException("supplier " + code));
    }

    @Transactional
    public Supplier createSupplier(Supplier s) {
        if (store.supplier(s.code()).isPresent()) {
            throw new ConflictException("supplier " + s.code() + " exists");
        }
        store.insertSupplier(s, clock.instant());
        audit.record("workforce.supplier.created", "workforce_supplier", s.code(), null, null, s);
        return s;
    }

    /** Stores (or replaces) interval rows; one audit entry per queue in the batch; publishes {@link IntervalStatsRecorded}. */
    @Transactional
    public int record(List<IntervalStat> stats) {
        Map<String, Integer> perQueue = new TreeMap<>();
        Map<String, Instant[]> ranges = new TreeMap<>();
        Set<String> knownSuppliers = new HashSet<>();
        Map<String, ContactQueue> queues = new TreeMap<>();
        for (IntervalStat s : stats) {
            ContactQueue q = queues.computeIfAbsent(s.queue(), this::queue);
            if (knownSuppliers.add(s.supplier()) && store.supplier(s.supplier()).isEmpty()) {
                throw new InvalidInputException("supplier", "unknown supplier " + s.supplier());
            }
            if (s.intervalStart().getEpochSecond() % (q.intervalMinutes() * 60L) != 0) {
                throw new InvalidInputException("intervalStart", "must start on a " + q.intervalMinutes()
                        + "-minute boundary");
            }
            perQueue.merge(s.queue(), 1, Integer::sum);
            ranges.merge(s.queue(), new Instant[]{s.intervalStart(), s.intervalStart()}, (a, b) -> new Instant[]{
                    a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
        }
        int written = store.upsert(stats, clock.instant());
        perQueue.forEach((code, count) -> audit.record("workforce.intervals.recorded", "workforce_queue", code,
                queues.get(code).market(), null, Map.of("rows", count)));
        if (!ranges.isEmpty()) {
            events.publishEvent(new IntervalStatsRecorded(ranges.entrySet().stream()
                    .map(e -> new IntervalStatsRecorded.Range(e.getKey(), e.getValue()[0], e.getValue()[1])).toList()));
        }
        return written;
    }

    /**
     * CSV with header {@code queue,supplier,interval_start,offered,answered,abandoned,answered_within_target,handle_time_s[,wait_time_s,agents_staffed]}
     * ({@code interval_start} ISO-8601 with offset, e.g. {@code 2026-11-23T09:30:00+01:00}).
     */
    @Transactional
    public int importCsv(Reader input) {
        List<IntervalStat> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(pan.reader(input))) {
            String header = reader.readLine();
            if (header == null || !header.strip().toLowerCase().startsWith("queue,supplier,interval_start")) {
                throw new InvalidInputException("file", "expected header queue,supplier,interval_start,offered,"
                        + "answered,abandoned,answered_within_target,handle_time_s");
            }
            String line;
            int lineNo = 1;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (!line.isBlank()) {
                    rows.add(parse(line, lineNo));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return record(rows);
    }

    private static IntervalStat parse(String line, int lineNo) {
        String[] f = line.split(",", -1);
        if (f.length < 8) {
            throw new InvalidInputException("file", "line " + lineNo + ": expected 8 columns");
        }
        try {
            Instant start = OffsetDateTime.parse(f[2].strip()).toInstant();
            return new IntervalStat(f[0].strip(), f[1].strip(), start, Integer.parseInt(f[3].strip()),
                    Integer.parseInt(f[4].strip()), Integer.parseInt(f[5].strip()), Integer.parseInt(f[6].strip()),
                    Long.parseLong(f[7].strip()), f.length > 8 && !f[8].isBlank() ? Long.parseLong(f[8].strip()) : 0,
                    f.length > 9 && !f[9].isBlank() ? Double.valueOf(f[9].strip()) : null);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new InvalidInputException("file", "line " + lineNo + ": " + e.getMessage());
        } catch (InvalidInputException e) {
            throw new InvalidInputException("file", "line " + lineNo + ": " + e.getMessage());
        }
    }

    public List<IntervalStat> stats(String queueCode, Instant from, Instant to) {
        queue(queueCode);
        return store.stats(queueCode, from, to);
    }

    public List<Downtime> downtimes(Instant from, Instant to) {
        return store.downtimes(from, to).stream()
                .filter(d -> d.queue() == null || store.queue(d.queue()).map(q -> !CurrentUser.principal().isPresent()
                        || CurrentUser.canAccessMarket(q.market())).orElse(false))
                .toList();
    }

    @Transactional
    public Downtime planDowntime(Downtime d) {
        String market = d.queue() == null ? null : queue(d.queue()).market();
        CurrentUser.enforce(p -> dev.paydesk.platform.AdministrationPolicy.mayEditSetting(p, market),
                () -> new NotFoundException("queue " + d.queue()));
        Downtime saved = d;
        store.insertDowntime(saved, clock.instant());
        audit.record("workforce.downtime.planned", "workforce_downtime", saved.id().toString(), market, null, saved);
        return saved;
    }
}
