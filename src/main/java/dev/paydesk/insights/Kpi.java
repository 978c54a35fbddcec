package dev.paydesk.insights;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The KPI catalogue: every KPI with its definition. Days are local days of the record's market (a
 * record without a market counts in UTC); a period {@code [from, to)} is a range of such days.
 *
 * @param formula the definition as people read it
 * @param unit {@code count}, {@code fraction} (0-1), {@code minutes}, {@code hours}, {@code rating}, {@code per_1000_orders},
 *             {@code seconds} or {@code minor_units} (money: see the value's currency)
 * @param source the records counted and the day they count on
 * @param family which fact table and rollup family serves it
 * @param dimensions the filters that apply (market always does)
 * @param higherIsBetter for targets: whether a value above the target is on target
 */
public enum Kpi {
    CASES_OPENED("cases_opened", "number of cases created in the period", "count",
            "cases; day of creation", Family.CASE, Dimensions.CASE, true),
    CASES_RESOLVED("cases_resolved", "number of cases whose current resolution (first RESOLVED or CLOSED after the"
            + " last reopen) falls in the period", "count", "cases; day of resolution", Family.CASE, Dimensions.CASE, true),
    BACKLOG_OPEN("backlog_open", "cases created before the end of the period and not resolved before it", "count",
            "cases; creation and resolution day", Family.CASE, Dimensions.CASE, false),
    FIRST_RESPONSE_ATTAINMENT("first_response_attainment", "first-response clocks met / (met + breached), by the"
            + " day the clock was decided (reply, resolution or breach)", "fraction", "case clocks (FIRST_RESPONSE)",
            Family.CASE, Dimensions.CASE, true),
    RESOLUTION_ATTAINMENT("resolution_attainment", "resolution clocks met / (met + breached), by the day decided"
            + " (resolution or breach)", "fraction", "case clocks (RESOLUTION)", Family.CASE, Dimensions.CASE, true),
    FIRST_RESPONSE_MINUTES_P50("first_response_minutes_p50", "median business minutes (market calendar) from"
            + " creation to the first reply, over cases first replied to in the period (nearest rank, exact to the"
            + " minute)", "minutes", "cases; day of the first reply", Family.CASE, Dimensions.CASE, false),
    FIRST_RESPONSE_MINUTES_P90("first_response_minutes_p90", "90th percentile of the same business minutes"
            + " (nearest rank)", "minutes", "cases; day of the first reply", Family.CASE, Dimensions.CASE, false),
    CSAT_MEAN("csat_mean", "mean rating (1-5) of CSAT surveys answered in the period", "rating",
            "CSAT answers; day answered", Family.CASE, Dimensions.CASE, true),
    CSAT_SATISFIED("csat_satisfied", "share of CSAT answers rated 4 or 5", "fraction",
            "CSAT answers; day answered", Family.CASE, Dimensions.CASE, true),
    CSAT_RESPONSE_RATE("csat_response_rate", "CSAT surveys sent in the period that were answered / surveys sent in"
            + " the period (an unanswered survey counts as not answered, so the rate can still rise while surveys are"
            + " open)", "fraction", "CSAT surveys; day sent", Family.CASE, Dimensions.CASE, true),
    REOPEN_RATE("reopen_rate", "resolved cases that were reopened at least once (a status change from resolved or"
            + " closed back to an open status) / cases resolved, by the day of the current resolution", "fraction",
            "cases; day resolved", Family.CASE, Dimensions.CASE, false),
    FIRST_CONTACT_RESOLUTION_RATE("first_contact_resolution_rate", "resolved cases never reopened that needed at most"
            + " one reply to the customer / cases resolved, by the day of the resolution", "fraction",
            "cases; day resolved", Family.CASE, Dimensions.CASE, true),
    REPEAT_CONTACT_RATE("repeat_contact_rate", "cases opened that link to an earlier case (triage links a repeat"
            + " contact of the same customer or payment; a manual case link counts too) / cases opened", "fraction",
            "cases; day of creation", Family.CASE, Dimensions.CASE, false),
    PSD2_REPLY_ATTAINMENT("psd2_reply_attainment", "PSD2 complaint reply deadlines met / (met + breached): breached"
            + " on the day of the breach, met on the day the case resolved with the deadline met", "fraction",
            "case clocks (EXTERNAL, PSD2 reply)", Family.CASE, Dimensions.CASE, true),
    OLA_ATTAINMENT("ola_attainment", "OLA clocks of escalations met / (met + breached): breached on the day of the"
            + " breach, met on the day the case resolved with the OLA met", "fraction", "case clocks (OLA)",
            Family.CASE, Dimensions.CASE, true),
    FOUR_EYES_WAIT_MINUTES_P50("four_eyes_wait_minutes_p50", "median whole calendar minutes a money action waited"
            + " from its request to the second person's approval or rejection (nearest rank), over decisions made in"
            + " the period", "minutes", "four-eyes decisions; day decided", Family.CASE, Dimensions.CASE, false),
    SUPPLIER_SERVICE_LEVEL("supplier_service_level", "contacts answered within the queue's service-level threshold"
            + " (sl_seconds) / contacts offered (abandoned ones included), summed over the interval rows of the period",
            "fraction", "workforce interval statistics (queue x supplier x interval); local day of the queue's market at"
            + " the interval start", Family.SUPPLIER, Dimensions.SUPPLIER, true),
    SUPPLIER_ASA_SECONDS("supplier_asa_seconds", "average speed of answer: total wait before answer / contacts"
            + " answered", "seconds", "workforce interval statistics (rows with answered contacts)", Family.SUPPLIER,
            Dimensions.SUPPLIER, false),
    SUPPLIER_AHT_SECONDS("supplier_aht_seconds", "average handle time: total handle time / contacts answered",
            "seconds", "workforce interval statistics (rows with answered contacts)", Family.SUPPLIER,
            Dimensions.SUPPLIER, false),
    SUPPLIER_ABANDON_RATE("supplier_abandon_rate", "contacts abandoned before answer / contacts offered", "fraction",
            "workforce interval statistics (rows with offered contacts)", Family.SUPPLIER, Dimensions.SUPPLIER, false),
    SUPPLIER_OCCUPANCY("supplier_occupancy", "handle time / staffed agent time (agents staffed x interval length),"
            + " over the interval rows that report agents staffed (more than 0)", "fraction",
            "workforce interval statistics (rows with agents staffed)", Family.SUPPLIER, Dimensions.SUPPLIER, true),
    SUPPLIER_COST_PER_CONTACT("supplier_cost_per_contact", "staffed agent hours x the supplier's price per agent"
            + " hour / contacts answered in those intervals, in whole minor units of the supplier's currency (half-even;"
            + " the current price applies to the whole period; no value across suppliers billing in different"
            + " currencies)", "minor_units", "workforce interval statistics (rows with agents staffed) and suppliers",
            Family.SUPPLIER, Dimensions.SUPPLIER, false),
    FORECAST_WAPE("forecast_wape", "day-ahead forecast accuracy: sum over the queue's intervals of |forecast -"
            + " actual offered| / sum of actual offered (WAPE; lower is better), the forecast made from the history"
            + " before the day with the model workforce would have chosen", "fraction",
            "workforce day-ahead accuracy per queue and local day (the queue's market)", Family.SUPPLIER,
            Set.of("queue"), false),
    REFUND_TURNAROUND_HOURS_P50("refund_turnaround_hours_p50", "median hours from the merchant's refund request to"
            + " the refund confirmed by the PSP (request paired with the earliest open request of the same order,"
            + " amount and currency); exact to the minute", "hours", "refund movements; day confirmed",
            Family.PAYMENT, Dimensions.PAYMENT, false),
    FAILED_REFUND_RATE("failed_refund_rate", "refunds that failed (failed status, or a later REFUND_FAILED /"
            + " REFUND_REVERSED naming them) / refunds", "fraction", "refund movements; day of the refund",
            Family.PAYMENT, Dimensions.PAYMENT, false),
    CONTACT_RATE_PER_1000_ORDERS("contact_rate_per_1000_orders", "cases opened x 1,000 / orders, an order counting"
            + " on the day of its first successful capture or bank credit (cases and orders of the same market, and"
            + " provider when filtered)", "per 1,000 orders", "cases opened; orders by first capture",
            Family.PAYMENT, Set.of("provider"), false),
    CAPTURES("captures", "successful captures and bank credits", "count", "payment movements; day occurred",
            Family.PAYMENT, Dimensions.PAYMENT, true),
    DISPUTES_OPENED("disputes_opened", "disputes opened in the period", "count", "disputes; day opened",
            Family.DISPUTE, Dimensions.DISPUTE, false),
    DISPUTE_WIN_RATE("dispute_win_rate", "disputes won / disputes decided (won, lost or expired; accepted and"
            + " cancelled ones are not decided by a fight), by the day closed", "fraction", "disputes; day closed",
            Family.DISPUTE, Dimensions.DISPUTE, true),
    DISPUTE_RATE("dispute_rate", "disputes opened / successful captures in the period", "fraction",
            "disputes and captures; day opened / day captured", Family.DISPUTE, Dimensions.DISPUTE, false);

    /** Which facts serve a KPI. */
    public enum Family { CASE, PAYMENT, DISPUTE, SUPPLIER }

    /** The filter dimensions besides market. */
    public static final class Dimensions {
        public static final Set<String> CASE = Set.of("provider", "queue", "category", "priority");
        public static final Set<String> PAYMENT = Set.of("provider", "method");
        public static final Set<String> DISPUTE = Set.of("provider");
        public static final Set<String> SUPPLIER = Set.of("queue", "supplier");
        public static final Set<String> ALL = Set.of("provider", "method", "queue", "category", "supplier", "priority");

        private Dimensions() {
        }
    }

    /** The time-zone rule every KPI shares. */
    public static final String TIME_ZONE_RULE = "days are the local days of the record's market (its configured time"
            + " zone, so a DST day has 23 or 25 hours); records without a market count in UTC";

    private final String key;
    private final String formula;
    private final String unit;
    private final String source;
    private final Family family;
    private final Set<String> dimensions;
    private final boolean higherIsBetter;

    Kpi(String key, String formula, String unit, String source, Family family, Set<String> dimensions,
        boolean higherIsBetter) {
        this.key = key;
        this.formula = formula;
        this.unit = unit;
        this.source = source;
        this.family = family;
        this.dimensions = dimensions;
        this.higherIsBetter = higherIsBetter;
    }

    public String key() {
        return key;
    }

    public String formula() {
        return formula;
    }

    public String unit() {
        return unit;
    }

    public String source() {
        return source;
    }

    public Family family() {
        return family;
    }

    public Set<String> dimensions() {
        return dimensions;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public String timeZoneRule() {
        return TIME_ZONE_RULE;
    }

    public static Optional<Kpi> byKey(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.key.equals(k)).findFirst();
    }
}
