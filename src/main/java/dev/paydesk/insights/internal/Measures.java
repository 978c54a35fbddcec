package dev.paydesk.insights.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.paydesk.insights.Kpi;

/**
 * The summed rollup rows of one period and group: counts and sums per metric, value histograms per
 * metric and the backlog; turns them into each KPI's value and sample size (pure, tested without Spring).
 */
final class Measures {

    private final Map<String, long[]> sums = new HashMap<>();
    private final Map<String, NavigableMap<Integer, Long>> histograms = new HashMap<>();
    private long backlog;
    private final SupplierMeasures supplier = new SupplierMeasures();

    void add(String metric, long n, long total) {
        long[] s = sums.computeIfAbsent(metric, k -> new long[2]);
        s[0] += n;
        s[1] += total;
    }

    void addValue(String metric, int value, long n) {
        histograms.computeIfAbsent(metric, k -> new TreeMap<>()).merge(value, n, Long::sum);
    }

    /** The supplier and workforce figures of the same period and group. */
    SupplierMeasures supplier() {
        return supplier;
    }

    void addBacklog(long n) {
        backlog += n;
    }

    long n(String metric) {
        long[] s = sums.get(metric);
        return s == null ? 0 : s[0];
    }

    long total(String metric) {
        long[] s = sums.get(metric);
        return s == null ? 0 : s[1];
    }

    long count(String histogram) {
        return histograms.getOrDefault(histogram, new TreeMap<>()).values().stream().mapToLong(Long::longValue).sum();
    }

    /** A KPI's value (null when nothing was measured) and how many records are behind it. */
    record Result(@Nullable Double value, long sample) {
    }

    Result result(Kpi kpi) {
        return switch (kpi) {
            case CASES_OPENED -> count(n("opened"));
            case CASES_RESOLVED -> count(n("resolved"));
            case BACKLOG_OPEN -> count(backlog);
            case FIRST_RESPONSE_ATTAINMENT -> ratio(n("fr_met"), n("fr_met") + n("fr_breached"));
            case RESOLUTION_ATTAINMENT -> ratio(n("res_met"), n("res_met") + n("res_breached"));
            case FIRST_RESPONSE_MINUTES_P50 -> percentile("fr_minutes", 0.5, 1);
            case FIRST_RESPONSE_MINUTES_P90 -> percentile("fr_minutes", 0.9, 1);
            case CSAT_MEAN -> n("csat") == 0 ? new Result(null, 0) : new Result((double) total("csat") / n("csat"), n("csat"));
            case CSAT_SATISFIED -> ratio(n("csat_satisfied"), n("csat"));
            case CSAT_RESPONSE_RATE -> ratio(n("csat_answered"), n("csat_sent"));
            case REOPEN_RATE -> ratio(n("reopened"), n("resolved"));
            case FIRST_CONTACT_RESOLUTION_RATE -> ratio(n("first_contact"), n("resolved"));
            case REPEAT_CONTACT_RATE -> ratio(n("repeat"), n("opened"));
            case PSD2_REPLY_ATTAINMENT -> ratio(n("psd2_met"), n("psd2_met") + n("psd2_breached"));
            case OLA_ATTAINMENT -> ratio(n("ola_met"), n("ola_met") + n("ola_breached"));
            case FOUR_EYES_WAIT_MINUTES_P50 -> percentile("four_eyes_minutes", 0.5, 1);
            case REFUND_TURNAROUND_HOURS_P50 -> percentile("refund_turnaround", 0.5, 60);
            case FAILED_REFUND_RATE -> ratio(n("refund_failed"), n("refund"));
            case CAPTURES -> count(n("capture"));
            case DISPUTES_OPENED -> count(n("dispute_opened"));
            case DISPUTE_WIN_RATE -> ratio(n("dispute_won"), n("dispute_decided"));
            case CONTACT_RATE_PER_1000_ORDERS -> n("order") == 0 ? new Result(null, n("opened"))
                    : new Result(n("opened") * 1000.0 / n("order"), n("opened"));
            case SUPPLIER_SERVICE_LEVEL, SUPPLIER_ASA_SECONDS, SUPPLIER_AHT_SECONDS, SUPPLIER_ABANDON_RATE,
                 SUPPLIER_OCCUPANCY, SUPPLIER_COST_PER_CONTACT, FORECAST_WAPE -> supplier.result(kpi);
            case DISPUTE_RATE -> n("capture") == 0 ? new Result(null, n("dispute_opened"))
                    : new Result((double) n("dispute_opened") / n("capture"), n("dispute_opened"));
        };
    }

    private static Result count(long n) {
        return new Result((double) n, n);
    }

    private static Result ratio(long part, long whole) {
        return whole == 0 ? new Result(null, 0) : new Result((double) part / whole, whole);
    }

    private Result percentile(String histogram, double p, double divisor) {
        NavigableMap<Integer, Long> h = histograms.get(histogram);
        long total = count(histogram);
        if (h == null || total == 0) {
            return new Result(null, 0);
        }
        return new Result(nearestRank(h, total, p) / divisor, total);
    }

    /** The nearest-rank percentile: the smallest value whose cumulative count reaches ceil(p * N). */
    static int nearestRank(NavigableMap<Integer, Long> histogram, long total, double p) {
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return histogram.lastKey();
    }
}
