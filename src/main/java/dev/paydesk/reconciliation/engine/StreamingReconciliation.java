package dev.paydesk.reconciliation.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The engine over a stream of records, in memory bounded by time instead of by history: records are
 * kept in day buckets (UTC days of their own time) and each day moves through three steps once every
 * record that can affect it has arrived:
 * <ol>
 *   <li>its merchant records (orders, movements, refund requests) are <b>indexed</b>;</li>
 *   <li>its settlement lines are <b>matched</b>, once the next day's movements are indexed too (a line may be
 *       booked up to a day before the movement it settles), in the order they arrived, then only counted
 *       into their payout batch and let go;</li>
 *   <li>the orders first seen on it are <b>closed</b> after {@code horizonDays} more days of lines: their
 *       settled amounts are checked, the detectors run over them, and they leave memory.</li>
 * </ol>
 * A day has wholly arrived when both streams have reached {@code lateness} beyond its end: records may
 * arrive that much out of time order (a merchant file lists a refund request after its order although
 * it came days later). Payout batches are checked at the end from their running tallies.
 *
 * <p>The findings are those of {@link ReconciliationEngine#run} over the same records as long as (1) every
 * record of an order falls within {@code horizonDays} of the order's first record — a line for an order
 * closed earlier finds no order (an unmatched line); (2) a line is booked at most a day before the
 * movement it settles — the whole run matches by reference at any distance; (3) where lines compete for
 * one movement, the stream takes them day by day (in arrival order within a day), as a run through
 * PostgreSQL does, not in the order of the whole input. A missing settlement is judged, like the whole
 * run, only for providers with lines somewhere in the stream (one whose lines start after an order closed
 * is settled at the end). Lines without a time are matched at the end, against the orders still open.
 * Records later than the lateness are processed at once against what is still open and counted
 * ({@link Summary#lateRecords()}). What still grows with history: one tally per payout batch, the payout
 * movements, the findings and the lines without a time. Single-threaded: feed it from one thread.
 */
public final class StreamingReconciliation {

    private static final long DAY = 86_400;

    /**
     * What the stream found, with how much of it was held at most and how many records came later than the
     * lateness allows (processed at once, against what was still open: a sign that the bound was too tight).
     */
    public record Summary(List<Anomaly> anomalies, List<BatchReport> batches, Map<MatchRule, Integer> matchesByRule,
                          long orders, long movements, long refundRequests, long lines, int mostOpenOrders,
                          long lateRecords) {
    }

    /** Judges captures of every provider; a finding of a provider without lines yet waits for the end. */
    private static final Set<String> EVERY_PROVIDER = new java.util.AbstractSet<>() {
        @Override
        public boolean contains(Object o) {
            return true;
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Collections.emptyIterator();
        }

        @Override
        public int size() {
            return 0;
        }
    };

    /** One day's merchant records, waiting to be indexed. */
    private static final class Arrivals {
        final List<MerchantOrder> orders = new ArrayList<>();
        final List<Movement> movements = new ArrayList<>();
        final List<RefundRequest> requests = new ArrayList<>();
    }

    /** The orders (and movements without an order) first seen on one day, closed together. */
    private static final class Closing {
        final List<OrderFile> files = new ArrayList<>();
        final List<Movement> orphans = new ArrayList<>();
    }

    private final ReconciliationEngine engine;
    private final Thresholds thresholds;
    private final BusinessDays businessDays;
    private final long now;
    private final long horizonDays;
    private final long lateness;

    private final Map<String, OrderFile> orders = new HashMap<>();
    private final Map<String, Movement> byRef = new HashMap<>();
    private final Map<String, Movement> byOriginal = new HashMap<>();
    private final Map<String, Movement> payouts = new HashMap<>();
    private final LineMatcher matcher;
    private final PayoutBatches batches;
    private final Set<String> providersWithLines = new HashSet<>();
    private final Map<MatchRule, Integer> byRule = new EnumMap<>(MatchRule.class);
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final List<Anomaly> unsettledWithoutLinesYet = new ArrayList<>();

    private final TreeMap<Long, Arrivals> merchantDays = new TreeMap<>();
    private final TreeMap<Long, List<SettlementLine>> lineDays = new TreeMap<>();
    private final TreeMap<Long, Closing> closingDays = new TreeMap<>();
    private final List<SettlementLine> untimedLines = new ArrayList<>();
    private long merchantSeen = Long.MIN_VALUE;
    private long linesSeen = Long.MIN_VALUE;
    private long completeBefore = Long.MIN_VALUE;
    private long indexedThrough = Long.MIN_VALUE;
    private long matchedThrough = Long.MIN_VALUE;
    private long closedThrough = Long.MIN_VALUE;
    private long orderCount;
    private long movementCount;
    private long requestCount;
    private long lineCount;
    private int mostOpen;
    private long late;
    private boolean finished;

    /**
     * @param now         the run's "now", epoch seconds (as {@link ReconciliationEngine#run})
     * @param horizonDays days after an order's first record within which all of its records arrive
     * @param lateness    seconds by which a record may arrive after records later than it (per stream)
     */
    public StreamingReconciliation(Thresholds thresholds, BusinessDays businessDays, long now, int horizonDays,
                                   long lateness) {
        if (horizonDays < 1 || lateness < 0) {
            throw new IllegalArgumentException("horizon must be at least a day and lateness not negative");
        }
        this.engine = new ReconciliationEngine(thresholds, businessDays);
        this.thresholds = thresholds;
        this.businessDays = businessDays;
        this.now = now;
        this.horizonDays = horizonDays;
        this.lateness = lateness;
        this.matcher = new LineMatcher(orders, byRef, byOriginal, thresholds);
        this.batches = new PayoutBatches(thresholds);
    }

    /** An order of the merchant's books, at the time it was placed (epoch seconds). */
    public void add(MerchantOrder order, long at) {
        long day = merchantArrived(at);
        if (day <= indexedThrough) {
            late++;
            index(order, day);
        } else {
            arrivals(day).orders.add(order);
        }
        advance();
    }

    public void add(Movement movement) {
        long day = merchantArrived(movement.at);
        if (day <= indexedThrough) {
            late++;
            index(movement, day);
        } else {
            arrivals(day).movements.add(movement);
        }
        advance();
    }

    public void add(RefundRequest request) {
        long day = merchantArrived(request.at());
        if (day <= indexedThrough) {
            late++;
            index(request, day);
        } else {
            arrivals(day).requests.add(request);
        }
        advance();
    }

    public void add(SettlementLine line) {
        checkOpen();
        lineCount++;
        providersWithLines.add(line.provider);
        if (line.at == 0) {
            untimedLines.add(line);
            return;
        }
        linesSeen = Math.max(linesSeen, line.at);
        long day = Math.floorDiv(line.at, DAY);
        if (day <= matchedThrough) {
            late++;
            match(List.of(line));
        } else {
            lineDays.computeIfAbsent(day, d -> new ArrayList<>()).add(line);
        }
        advance();
    }

    /** Processes everything still held and checks the payout batches; the stream takes nothing after this. */
    public Summary finish() {
        checkOpen();
        finished = true;
        indexBefore(Long.MAX_VALUE);
        matchBefore(Long.MAX_VALUE);
        match(untimedLines);
        untimedLines.clear();
        closeThrough(Long.MAX_VALUE);
        for (Anomaly a : unsettledWithoutLinesYet) {
            if (providersWithLines.contains(a.provider())) {
                anomalies.add(a);
            }
        }
        List<BatchReport> reports = batches.reconcile(anomalies, byRule, payouts::get);
        return new Summary(List.copyOf(anomalies), reports, Map.copyOf(byRule), orderCount, movementCount, requestCount,
                lineCount, mostOpen, late);
    }

    private long merchantArrived(long at) {
        checkOpen();
        merchantSeen = Math.max(merchantSeen, at);
        return Math.floorDiv(at, DAY);
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("the stream has finished");
        }
    }

    private Arrivals arrivals(long day) {
        return merchantDays.computeIfAbsent(day, d -> new Arrivals());
    }

    /** Moves every day that has wholly arrived through the steps it is ready for. */
    private void advance() {
        if (merchantSeen == Long.MIN_VALUE || linesSeen == Long.MIN_VALUE) {
            return;
        }
        long complete = Math.floorDiv(Math.min(merchantSeen, linesSeen) - lateness, DAY);
        if (complete <= completeBefore) {
            return;
        }
        completeBefore = complete;
        indexBefore(complete);
        indexedThrough = Math.max(indexedThrough, complete - 1);
        // a line may be booked a day before its movement: its day is matched once the next day is indexed
        matchBefore(complete - 1);
        matchedThrough = Math.max(matchedThrough, complete - 2);
        closeThrough(matchedThrough - horizonDays);
    }

    /** Indexes the merchant records of every day before {@code day}. */
    private void indexBefore(long day) {
        while (!merchantDays.isEmpty() && merchantDays.firstKey() < day) {
            Map.Entry<Long, Arrivals> arrived = merchantDays.pollFirstEntry();
            index(arrived.getValue(), arrived.getKey());
        }
    }

    /** Matches the lines of every day before {@code day}. */
    private void matchBefore(long day) {
        while (!lineDays.isEmpty() && lineDays.firstKey() < day) {
            match(lineDays.pollFirstEntry().getValue());
        }
    }

    /** Closes the orders first seen on {@code day} or before. */
    private void closeThrough(long day) {
        while (!closingDays.isEmpty() && closingDays.firstKey() <= day) {
            Map.Entry<Long, Closing> closing = closingDays.pollFirstEntry();
            closedThrough = Math.max(closedThrough, closing.getKey());
            close(closing.getValue());
        }
    }

    private void index(Arrivals day, long dayNumber) {
        day.orders.forEach(o -> index(o, dayNumber));
        day.movements.forEach(m -> index(m, dayNumber));
        day.requests.forEach(r -> index(r, dayNumber));
    }

    private void index(MerchantOrder order, long day) {
        orderCount++;
        open(order.ref(), day).order = order;
    }

    private void index(Movement m, long day) {
        movementCount++;
        ReconciliationEngine.index(m, byRef, byOriginal);
        if (m.kind == EntryKind.PAYOUT) {
            payouts.put(m.ref, m);
        }
        if (m.orderRef != null) {
            open(m.orderRef, day).add(m);
        } else {
            closing(day).orphans.add(m);
        }
    }

    private void index(RefundRequest r, long day) {
        requestCount++;
        open(r.orderRef(), day).add(r);
    }

    private OrderFile open(String ref, long day) {
        OrderFile file = orders.get(ref);
        if (file == null) {
            file = new OrderFile(ref);
            orders.put(ref, file);
            closing(day).files.add(file);
            mostOpen = Math.max(mostOpen, orders.size());
        }
        return file;
    }

    /** The day's closing list; a record arriving for a day already closed is closed with the next one. */
    private Closing closing(long day) {
        long at = closedThrough == Long.MIN_VALUE ? day : Math.max(day, closedThrough + 1);
        return closingDays.computeIfAbsent(at, d -> new Closing());
    }

    private void match(List<SettlementLine> lines) {
        int before = anomalies.size();
        for (SettlementLine line : lines) {
            ReconciliationEngine.match(line, matcher, anomalies, byRule);
            batches.add(line);
        }
        ReconciliationEngine.withMarkets(anomalies.subList(before, anomalies.size()), orders);
    }

    /** Checks and examines a day's orders, then lets them and their movements go. */
    private void close(Closing day) {
        List<Movement> movements = new ArrayList<>(day.orphans);
        for (OrderFile file : day.files) {
            movements.addAll(file.movements());
        }
        List<Anomaly> found = new ArrayList<>();
        matcher.checkSettledAmounts(movements, found);
        // a capture's provider may deliver its first lines after the order closes: judged as if it had, and a missing
        // settlement of a provider without lines so far waits for the end, when the whole run would know
        found.addAll(engine.detect(day.files, new DetectionContext(thresholds, businessDays, now, EVERY_PROVIDER)));
        ReconciliationEngine.withMarkets(found, orders);
        for (Anomaly a : found) {
            if (a.type() == dev.paydesk.reconciliation.FindingType.MISSING_SETTLEMENT
                    && !providersWithLines.contains(a.provider())) {
                unsettledWithoutLinesYet.add(a);
            } else {
                anomalies.add(a);
            }
        }
        for (OrderFile file : day.files) {
            orders.remove(file.ref, file);
        }
        for (Movement m : movements) {
            forget(m);
        }
    }

    /** Takes a movement out of the reference chains it was filed in. */
    private void forget(Movement m) {
        unlink(byRef, m.ref, m, x -> x.nextWithSameRef, (x, next) -> x.nextWithSameRef = next);
        if (m.originalRef != null) {
            unlink(byOriginal, m.originalRef, m, x -> x.nextWithSameOriginal, (x, next) -> x.nextWithSameOriginal = next);
        }
    }

    /** Removes {@code m} from the chain filed under {@code key}, whose links {@code next} reads and {@code link} sets. */
    private static void unlink(Map<String, Movement> index, String key, Movement m,
                               java.util.function.UnaryOperator<Movement> next,
                               java.util.function.BiConsumer<Movement, Movement> link) {
        Movement head = index.get(key);
        if (head == m) {
            Movement rest = next.apply(m);
            if (rest == null) {
                index.remove(key);
            } else {
                index.put(key, rest);
            }
        } else {
            for (Movement p = head; p != null; p = next.apply(p)) {
                if (next.apply(p) == m) {
                    link.accept(p, next.apply(m));
                    break;
                }
            }
        }
        link.accept(m, null);
    }
}
