package dev.paydesk.insights.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.paydesk.insights.Kpi;
import dev.paydesk.shared.Money;

/**
 * The summed supplier-day rollup rows (and forecast-accuracy days) of one period and group, turned into the
 * supplier and workforce KPIs with the number of interval rows (or queue-days) behind each. Pure.
 */
final class SupplierMeasures {

    /** One {@code insights_supplier_day} row (or a sum of them). */
    record Day(long offeredIntervals, long answeredIntervals, long staffedIntervals, long offered, long answered,
               long abandoned, long withinTarget, long handleSeconds, long waitSeconds, BigDecimal staffedAgentSeconds,
               long staffedHandleSeconds, long staffedAnswered) {
    }

    private long offeredIntervals;
    private long answeredIntervals;
    private long staffedIntervals;
    private long offered;
    private long answered;
    private long abandoned;
    private long withinTarget;
    private long handle;
    private long waitSeconds;
    private BigDecimal agentSeconds = BigDecimal.ZERO;
    private long staffedHandle;
    /** Per currency: staffed agent-seconds x hourly rate in minor units, and the answered contacts they cover. */
    private final Map<String, BigDecimal> cost = new TreeMap<>();
    private final Map<String, Long> costAnswered = new TreeMap<>();
    private long accuracyDays;
    private double actual;
    private double absError;

    /** Adds a supplier-day row; {@code rate} is the supplier's price per agent hour (null: unknown, no cost). */
    void add(Day d, @Nullable Money rate) {
        offeredIntervals += d.offeredIntervals();
        answeredIntervals += d.answeredIntervals();
        staffedIntervals += d.staffedIntervals();
        offered += d.offered();
        answered += d.answered();
        abandoned += d.abandoned();
        withinTarget += d.withinTarget();
        handle += d.handleSeconds();
        waitSeconds += d.waitSeconds();
        agentSeconds = agentSeconds.add(d.staffedAgentSeconds());
        staffedHandle += d.staffedHandleSeconds();
        if (rate != null && d.staffedIntervals() > 0) {
            String c = rate.currency().getCurrencyCode();
            cost.merge(c, d.staffedAgentSeconds().multiply(BigDecimal.valueOf(rate.minor())), BigDecimal::add);
            costAnswered.merge(c, d.staffedAnswered(), Long::sum);
        }
    }

    /** Adds one queue-day of day-ahead forecast accuracy. */
    void addAccuracy(double dayActual, double dayAbsError) {
        accuracyDays++;
        actual += dayActual;
        absError += dayAbsError;
    }

    Measures.Result result(Kpi kpi) {
        return switch (kpi) {
            case SUPPLIER_SERVICE_LEVEL -> ratio(withinTarget, offered, offeredIntervals);
            case SUPPLIER_ABANDON_RATE -> ratio(abandoned, offered, offeredIntervals);
            case SUPPLIER_ASA_SECONDS -> ratio(waitSeconds, answered, answeredIntervals);
            case SUPPLIER_AHT_SECONDS -> ratio(handle, answered, answeredIntervals);
            case SUPPLIER_OCCUPANCY -> agentSeconds.signum() == 0 ? new Measures.Result(null, staffedIntervals)
                    : new Measures.Result(staffedHandle / agentSeconds.doubleValue(), staffedIntervals);
            case FORECAST_WAPE -> actual > 0 ? new Measures.Result(absError / actual, accuracyDays)
                    : new Measures.Result(null, accuracyDays);
            case SUPPLIER_COST_PER_CONTACT -> new Measures.Result(costPerContact(), staffedIntervals);
            default -> throw new IllegalStateException(kpi + " is not a supplier KPI");
        };
    }

    /** The currency of the cost per contact when all suppliers in the figure bill in one; else null. */
    @Nullable String currency(Kpi kpi) {
        return kpi == Kpi.SUPPLIER_COST_PER_CONTACT && cost.size() == 1 ? cost.keySet().iterator().next() : null;
    }

    /** Why a value is missing although records exist, or null. */
    @Nullable String note(Kpi kpi) {
        return kpi == Kpi.SUPPLIER_COST_PER_CONTACT && cost.size() > 1
                ? "suppliers bill in " + cost.keySet() + "; filter by supplier" : null;
    }

    /** Cost per answered contact in whole minor units (half-even), or null without contacts or with several currencies. */
    private @Nullable Double costPerContact() {
        if (cost.size() != 1) {
            return null;
        }
        String c = cost.keySet().iterator().next();
        long n = costAnswered.get(c);
        if (n == 0) {
            return null;
        }
        return cost.get(c).divide(BigDecimal.valueOf(3600L * n), 0, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static Measures.Result ratio(long part, long whole, long sample) {
        return whole == 0 ? new Measures.Result(null, sample) : new Measures.Result((double) part / whole, sample);
    }
}
