package dev.paydesk.reconciliation.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.paydesk.reconciliation.FindingType;

/**
 * Matches settlement lines to movements and orders, then runs the detectors over every order. Pure
 * Java and single pass over hash indexes: no framework, no database, so it runs the same over a
 * million rows from files or from PostgreSQL.
 *
 * <p>Key fallbacks per line, first hit wins: (1) provider reference (the line's modification or PSP
 * reference is a movement's reference), (2) modification/original reference (the line's PSP reference
 * is the original a movement refers to), (3) merchant reference (the order, then a movement of the
 * order of the same kind within the amount tolerance and booking drift), (4) bank remittance reference
 * (an order reference found in the free text). A line that hits the order but no movement is booked
 * to the order itself.
 */
public final class ReconciliationEngine {

    private final Thresholds thresholds;
    private final BusinessDays businessDays;
    static final List<OrderRule> RULES = List.of(new FailedRefundRule(), new OverpaymentRules.PaidTwice(),
            new OverpaymentRules.BankTransferAboveDue(), new OverpaymentRules.Underpayment(),
            new OverpaymentRules.DuplicateCapture(), new OverpaymentRules.CapturedMoreThanDue(),
            new MissingSettlementRule(), new DoubleLossRule(), new RefundDuringDisputeRule());

    private final List<OrderRule> rules;

    public ReconciliationEngine(Thresholds thresholds, BusinessDays businessDays) {
        this(thresholds, businessDays, RULES);
    }

    /** With other detectors (tests). */
    ReconciliationEngine(Thresholds thresholds, BusinessDays businessDays, List<OrderRule> rules) {
        this.thresholds = thresholds;
        this.businessDays = businessDays;
        this.rules = List.copyOf(rules);
    }

    /** The records of one run. */
    public record Input(List<MerchantOrder> orders, List<Movement> movements, List<RefundRequest> refundRequests,
                        List<SettlementLine> lines) {
    }

    /** What one run found: anomalies, every line with its match, per-batch reports and the scopes examined. */
    public static final class Result {
        private final List<Anomaly> anomalies;
        private final List<SettlementLine> lines;
        private final List<BatchReport> batches;
        private final Set<String> orderRefs;
        private final Map<MatchRule, Integer> matchesByRule;
        private @Nullable Set<String> lineIds;

        Result(List<Anomaly> anomalies, List<SettlementLine> lines, List<BatchReport> batches, Set<String> orderRefs,
               Map<MatchRule, Integer> matchesByRule) {
            this.anomalies = anomalies;
            this.lines = lines;
            this.batches = batches;
            this.orderRefs = orderRefs;
            this.matchesByRule = matchesByRule;
        }

        public List<Anomaly> anomalies() {
            return anomalies;
        }

        public List<SettlementLine> lines() {
            return lines;
        }

        public List<BatchReport> batches() {
            return batches;
        }

        public Map<MatchRule, Integer> matchesByRule() {
            return matchesByRule;
        }

        /** Every scope this run examined, as {@link Anomaly#scope()} names them (for small runs). */
        public List<String> scopeList() {
            List<String> out = new ArrayList<>(orderRefs.size() + lines.size() + batches.size());
            orderRefs.forEach(ref -> out.add("order:" + ref));
            lines.forEach(l -> out.add("line:" + l.id));
            batches.forEach(b -> out.add("batch:" + b.provider() + ":" + b.batch()));
            return out;
        }

        public int size() {
            return orderRefs.size() + lines.size();
        }

        /** Whether this run examined the scope of an anomaly ({@code order:REF}, {@code line:ID}, {@code batch:P:B}). */
        public boolean covers(String scope) {
            if (scope.startsWith("order:")) {
                return orderRefs.contains(scope.substring(6));
            }
            if (scope.startsWith("line:")) {
                if (lineIds == null) {
                    Set<String> ids = new HashSet<>(capacity(lines.size()));
                    for (SettlementLine l : lines) {
                        ids.add(l.id);
                    }
                    lineIds = ids;
                }
                return lineIds.contains(scope.substring(5));
            }
            for (BatchReport b : batches) {
                if (scope.equals("batch:" + b.provider() + ":" + b.batch())) {
                    return true;
                }
            }
            return false;
        }
    }

    public Result run(Input input, long now) {
        Map<String, OrderFile> orders = new HashMap<>(capacity(input.orders().size() + input.movements().size() / 2));
        for (MerchantOrder o : input.orders()) {
            file(orders, o.ref()).order = o;
        }
        Map<String, Movement> byRef = new HashMap<>(capacity(input.movements().size()));
        Map<String, Movement> byOriginal = new HashMap<>(capacity(input.movements().size()));
        for (Movement m : input.movements()) {
            index(m, byRef, byOriginal);
            if (m.orderRef != null) {
                file(orders, m.orderRef).add(m);
            }
        }
        for (RefundRequest r : input.refundRequests()) {
            file(orders, r.orderRef()).add(r);
        }
        List<Anomaly> anomalies = new ArrayList<>();
        Set<String> providersWithLines = new HashSet<>();
        Map<MatchRule, Integer> byRule = new java.util.EnumMap<>(MatchRule.class);
        LineMatcher matcher = new LineMatcher(orders, byRef, byOriginal, thresholds);
        PayoutBatches payouts = new PayoutBatches(thresholds);
        for (SettlementLine line : input.lines()) {
            match(line, matcher, anomalies, byRule);
            providersWithLines.add(line.provider);
            payouts.add(line);
        }
        matcher.checkSettledAmounts(input.movements(), anomalies);
        List<BatchReport> batches = payouts.reconcile(anomalies, byRule, batch -> PayoutBatches.payoutIn(byRef.get(batch)));
        DetectionContext context = new DetectionContext(thresholds, businessDays, now, providersWithLines);
        anomalies.addAll(detect(new ArrayList<>(orders.values()), context));
        withMarkets(anomalies, orders);
        return new Result(anomalies, input.lines(), batches, orders.keySet(), byRule);
    }

    /** Files a movement under its reference and its original's, with its matching state cleared. */
    static void index(Movement m, Map<String, Movement> byRef, Map<String, Movement> byOriginal) {
        m.nextWithSameRef = byRef.put(m.ref, m);
        m.nextWithSameOriginal = m.originalRef == null ? null : byOriginal.put(m.originalRef, m);
        m.linesMatched = 0;
        m.settledMinor = 0;
        m.netOnly = false;
    }

    /**
     * Matches one line (batch-only lines, such as fees, match nothing). A line the matcher fails on gets an
     * {@link FindingType#UNCHECKED_RECORD} finding and no match; the run goes on.
     */
    static void match(SettlementLine line, LineMatcher matcher, List<Anomaly> anomalies, Map<MatchRule, Integer> byRule) {
        line.match = null;
        if (line.kind.batchOnly()) {
            return;
        }
        Match match;
        int before = anomalies.size();
        try {
            match = matcher.match(line, anomalies);
        } catch (RuntimeException e) {
            anomalies.subList(before, anomalies.size()).clear();
            line.match = null;
            anomalies.add(unchecked("line", line.id, "matching", e));
            return;
        }
        if (match == null) {
            anomalies.add(unmatched(line));
        } else {
            byRule.merge(match.rule(), 1, Integer::sum);
        }
    }

    /** Runs the detectors over the orders, in chunks on the common pool; the result keeps the orders' order. */
    List<Anomaly> detect(List<OrderFile> files, DetectionContext context) {
        int chunk = 8_192;
        int chunks = (files.size() + chunk - 1) / chunk;
        List<List<Anomaly>> found = java.util.stream.IntStream.range(0, chunks).parallel().mapToObj(c -> {
            List<Anomaly> out = new ArrayList<>();
            for (int i = c * chunk, end = Math.min(files.size(), i + chunk); i < end; i++) {
                OrderFile file = files.get(i);
                if (balanced(file)) {
                    continue;
                }
                examine(file, context, out);
            }
            return out;
        }).toList();
        List<Anomaly> all = new ArrayList<>();
        found.forEach(all::addAll);
        return all;
    }

    /**
     * Runs every detector over one order. A detector that fails on it fails neither the run nor the
     * other detectors: the order gets an {@link FindingType#UNCHECKED_RECORD} finding naming the
     * detector and the error, so a person looks at the record and the run goes on.
     */
    private void examine(OrderFile file, DetectionContext context, List<Anomaly> out) {
        OrderFacts facts;
        try {
            facts = new OrderFacts(file);
        } catch (RuntimeException e) {
            out.add(unchecked("order", file.ref, "facts", e));
            return;
        }
        for (OrderRule rule : rules) {
            int before = out.size();
            try {
                rule.detect(facts, context, out);
            } catch (RuntimeException e) {
                out.subList(before, out.size()).clear();
                out.add(unchecked("order", file.ref, rule.getClass().getSimpleName(), e));
            }
        }
    }

    /** The finding for a record a detector or the matcher failed on. */
    static Anomaly unchecked(String kind, String ref, String step, RuntimeException e) {
        String scope = kind + ":" + ref;
        return new Anomaly(FindingType.UNCHECKED_RECORD, FindingType.UNCHECKED_RECORD + ":" + scope + ":" + step, scope,
                null, null, kind.equals("order") ? ref : null, null, null, null, 0, "",
                "The " + step + " check failed on " + kind + " " + ref + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); look at the record's data",
                List.of(scope));
    }

    /**
     * Nothing to examine, or the commonest clean case: the order's only record is one capture of
     * exactly the amount due, settled. No detector can fire on it (nothing refunded, disputed or
     * requested, nothing above or below due, nothing unsettled), so its facts are not built.
     */
    private static boolean balanced(OrderFile file) {
        if (file.order == null && file.movements == null && file.lines == null && file.requests == null) {
            return true;
        }
        if (file.lines != null || file.requests != null || file.movements == null || file.movements.size() != 1
                || file.order == null || !file.order.dueKnown()) {
            return false;
        }
        Movement m = file.movements.get(0);
        return m.kind == EntryKind.CAPTURE && m.ok && m.linesMatched > 0 && m.amount == file.order.dueMinor()
                && m.currency.equals(file.order.currency());
    }

    /** Anomalies found on lines and movements learn their order's market. */
    static void withMarkets(List<Anomaly> anomalies, Map<String, OrderFile> orders) {
        for (int i = 0; i < anomalies.size(); i++) {
            Anomaly a = anomalies.get(i);
            OrderFile file = a.market() == null && a.orderRef() != null ? orders.get(a.orderRef()) : null;
            if (file != null && file.order != null && file.order.market() != null) {
                anomalies.set(i, new Anomaly(a.type(), a.key(), a.scope(), file.order.market(), a.provider(),
                        a.orderRef(), a.paymentRef(), a.customerRef() != null ? a.customerRef() : file.order.customer(),
                        a.method(), a.amountMinor(), a.currency(), a.summary(), a.evidence()));
            }
        }
    }

    private static Anomaly unmatched(SettlementLine line) {
        String currency = line.currency == null ? "" : line.currency;
        return new Anomaly(FindingType.UNMATCHED_SETTLEMENT, "UNMATCHED_SETTLEMENT:line:" + line.id, "line:" + line.id,
                null, line.provider, line.merchantRef, line.reference(), null, line.method, line.amount(), currency,
                line.kind + " line " + line.reference() + " of " + DetectionContext.format(line.gross != 0 ? line.gross
                        : line.net, currency) + " (batch " + line.batch + ") matches no payment, refund or order",
                List.of("line:" + line.id));
    }

    private static OrderFile file(Map<String, OrderFile> orders, String ref) {
        OrderFile f = orders.get(ref);
        if (f == null) {
            f = new OrderFile(ref);
            orders.put(ref, f);
        }
        return f;
    }

    static int capacity(int n) {
        return (int) Math.min(1 << 30, n / 0.75f + 16);
    }

    static @Nullable String nonBlank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
