package dev.paydesk.insights.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * The money rollup rows that one period needs, and the figures computed from them (pure Java, tested without
 * Spring). A flow counts the rows whose local day lies in {@code [from, to)}; the stock at risk counts every
 * {@code risk_in} minus every {@code risk_out} before {@code to}.
 */
final class MoneyPeriod {

    /** One rollup row: {@code minutes} is -1 except on the refund_settled histogram. */
    record Row(String metric, String currency, String kind, int minutes, LocalDate day, long n, long totalMinor) {
    }

    record Sum(long amountMinor, long count) {
    }

    /** A reporting-currency amount, null when some part had no rate; notes say which days used an earlier rate. */
    record Converted(@Nullable Long amountMinor, List<String> notes) {
    }

    record Percentile(@Nullable Double hours, long sample) {
    }

    private final LocalDate from;
    private final LocalDate to;
    private final List<Row> rows = new ArrayList<>();

    MoneyPeriod(LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to;
    }

    void add(Row row) {
        rows.add(row);
    }

    /** The rollup metrics behind a key (money_at_risk: risk_in counted +, risk_out counted −). */
    static List<String> metrics(String key) {
        return switch (key) {
            case "money_at_risk" -> List.of(MoneyFact.RISK_IN, MoneyFact.RISK_OUT);
            case "money_recovered" -> List.of(MoneyFact.RISK_OUT, MoneyFact.WON);
            case "money_lost" -> List.of(MoneyFact.LOST);
            case "captured_amount" -> List.of(MoneyFact.CAPTURED);
            case "refunded_amount" -> List.of(MoneyFact.REFUNDED);
            case "failed_refund_amount" -> List.of(MoneyFact.REFUND_FAILED);
            case "refund_settle_hours_p50", "refund_settle_hours_p90" -> List.of(MoneyFact.REFUND_SETTLED);
            default -> throw new IllegalArgumentException("no money KPI " + key);
        };
    }

    /** +1, -1 or 0: how a row counts toward a key in this period. */
    private int sign(String key, Row r) {
        if (key.equals("money_at_risk")) {
            return r.day().isBefore(to) ? (r.metric().equals(MoneyFact.RISK_IN) ? 1 : r.metric().equals(MoneyFact.RISK_OUT) ? -1 : 0) : 0;
        }
        return metrics(key).contains(r.metric()) && !r.day().isBefore(from) && r.day().isBefore(to) ? 1 : 0;
    }

    Set<String> currencies(String key) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row r : rows) {
            int s = sign(key, r);
            if (s != 0) {
                counts.merge(r.currency(), s * r.n(), Long::sum);
            }
        }
        Set<String> out = new TreeSet<>();
        counts.forEach((c, n) -> {
            if (n != 0) {
                out.add(c);
            }
        });
        return out;
    }

    Sum sum(String key, String currency) {
        long amount = 0;
        long count = 0;
        for (Row r : rows) {
            int s = sign(key, r);
            if (s != 0 && r.currency().equals(currency)) {
                amount += s * r.totalMinor();
                count += s * r.n();
            }
        }
        return new Sum(amount, count);
    }

    /** The records behind a key in all currencies together. */
    long count(String key) {
        long count = 0;
        for (Row r : rows) {
            count += sign(key, r) * r.n();
        }
        return count;
    }

    Map<String, Long> byKind(String key, String currency) {
        Map<String, Long> out = new TreeMap<>();
        for (Row r : rows) {
            int s = sign(key, r);
            if (s != 0 && r.currency().equals(currency)) {
                out.merge(r.kind(), s * r.totalMinor(), Long::sum);
            }
        }
        out.values().removeIf(v -> v == 0);
        return out;
    }

    /**
     * The key's amount in {@code target}: each (day, currency) sum of a flow converted with that day's rate, the
     * stock per currency with the rate of {@code stockDay}; every conversion rounded half-even, then added.
     */
    Converted convert(String key, String target, FxTable rates, LocalDate stockDay) {
        Map<LocalDate, Map<String, Long>> perDay = new TreeMap<>();
        for (Row r : rows) {
            int s = sign(key, r);
            if (s != 0) {
                LocalDate day = key.equals("money_at_risk") ? stockDay : r.day();
                perDay.computeIfAbsent(day, d -> new TreeMap<>()).merge(r.currency(), s * r.totalMinor(), Long::sum);
            }
        }
        long total = 0;
        boolean complete = true;
        List<String> notes = new ArrayList<>();
        for (Map.Entry<LocalDate, Map<String, Long>> day : perDay.entrySet()) {
            for (Map.Entry<String, Long> c : day.getValue().entrySet()) {
                if (c.getValue() == 0 || c.getKey().equals(target)) {
                    total += c.getValue();
                    continue;
                }
                Optional<Long> converted = rates.convert(c.getValue(), c.getKey(), target, day.getKey());
                if (converted.isEmpty()) {
                    complete = false;
                    notes.add(key + ": " + c.getKey() + " on " + day.getKey() + " not converted to " + target
                            + " (no reference rate on that day or the " + FxTable.MAX_STALE_DAYS + " days before)");
                    continue;
                }
                total += converted.get();
                for (String currency : List.of(c.getKey(), target)) {
                    rates.rateDay(currency, day.getKey()).filter(d -> !d.equals(day.getKey())).ifPresent(d ->
                            notes.add(currency + " on " + day.getKey() + ": no reference rate that day, the rate of "
                                    + d + " was used"));
                }
            }
        }
        return new Converted(complete ? total : null, notes);
    }

    /** Nearest-rank percentile of refund settlement minutes (requested → booked) in hours. */
    Percentile settleHours(double p) {
        TreeMap<Integer, Long> histogram = new TreeMap<>();
        long total = 0;
        for (Row r : rows) {
            if (sign("refund_settle_hours_p50", r) != 0) {
                histogram.merge(r.minutes(), r.n(), Long::sum);
                total += r.n();
            }
        }
        return total == 0 ? new Percentile(null, 0)
                : new Percentile(Measures.nearestRank(histogram, total, p) / 60.0, total);
    }
}
