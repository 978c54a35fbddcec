package dev.paydesk.insights;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.InvalidInputException;

/**
 * What to compute: the local days {@code [from, to)} and optional filters (null: any). {@code by} groups
 * the values by one dimension ({@code market}, {@code provider}, {@code method}, {@code queue},
 * {@code category}, {@code priority}, {@code supplier}).
 */
public record KpiRequest(LocalDate from, LocalDate to, @Nullable String market, @Nullable String provider,
                         @Nullable String method, @Nullable String queue, @Nullable String category,
                         @Nullable String supplier, @Nullable String priority, @Nullable String by) {

    /** Longest period at day grain. */
    public static final long MAX_DAYS = 731;

    public static final Set<String> GROUPS = Set.of("market", "provider", "method", "queue", "category", "priority",
            "supplier");

    public KpiRequest {
        if (from == null || to == null) {
            throw new InvalidInputException(from == null ? "from" : "to", "a period needs both from and to (to exclusive)");
        }
        if (!from.isBefore(to)) {
            throw new InvalidInputException("to", "to (" + to + ") must be after from (" + from + "); to is exclusive");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new InvalidInputException("to", "a period at day grain is at most 2 years (" + MAX_DAYS + " days)");
        }
        market = upper(market);
        provider = upper(provider);
        method = blankToNull(method);
        queue = blankToNull(queue);
        category = blankToNull(category);
        supplier = blankToNull(supplier);
        priority = upper(priority);
        by = blankToNull(by);
        if (by != null) {
            by = by.toLowerCase(Locale.ROOT);
            if (!GROUPS.contains(by)) {
                throw new InvalidInputException("by", "unknown grouping '" + by + "'; use one of " + new java.util.TreeSet<>(GROUPS));
            }
        }
        if (priority != null && !Set.of("LOW", "NORMAL", "HIGH", "URGENT").contains(priority)) {
            throw new InvalidInputException("priority", "unknown priority '" + priority + "'");
        }
    }

    public static KpiRequest period(LocalDate from, LocalDate to) {
        return new KpiRequest(from, to, null, null, null, null, null, null, null, null);
    }

    public KpiRequest withPeriod(LocalDate newFrom, LocalDate newTo) {
        return new KpiRequest(newFrom, newTo, market, provider, method, queue, category, supplier, priority, by);
    }

    public KpiRequest withMarket(@Nullable String m) {
        return new KpiRequest(from, to, m, provider, method, queue, category, supplier, priority, by);
    }

    /** The same-length period just before this one. */
    public KpiRequest previous() {
        long days = ChronoUnit.DAYS.between(from, to);
        return withPeriod(from.minusDays(days), from);
    }

    /** The dimension filters that are set, by name (market excluded). */
    public Map<String, String> dimensionFilters() {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "provider", provider);
        put(out, "method", method);
        put(out, "queue", queue);
        put(out, "category", category);
        put(out, "supplier", supplier);
        put(out, "priority", priority);
        return out;
    }

    /** The query string of this request (for drill-down links). */
    public String query() {
        StringBuilder q = new StringBuilder("from=" + from + "&to=" + to);
        if (market != null) {
            q.append("&market=").append(market);
        }
        dimensionFilters().forEach((k, v) -> q.append('&').append(k).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        return q.toString();
    }

    private static void put(Map<String, String> out, String key, @Nullable String value) {
        if (value != null) {
            out.put(key, value);
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static @Nullable String upper(@Nullable String s) {
        String v = blankToNull(s);
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }
}
