package dev.paydesk.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.paydesk.insights.MoneyInsights;

/**
 * Money figures from rollup rows against a plain loop over generated facts in two currencies, and conversions
 * with real ECB reference rates.
 *
 * <p>Rates: ECB euro foreign exchange reference rates of Friday 8 December 2023 — USD 1.0777, JPY 155.53,
 * GBP 0.8569 per EUR (https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/,
 * history file eurofxref-hist.csv: "Date,USD,JPY,..." with ISO dates and a trailing comma). The ECB publishes no
 * rates at weekends, so Saturday 9 and Sunday 10 December are days without a rate.
 */
class MoneyPeriodTests {

    static final String ECB = "Date,USD,JPY,GBP,\n2023-12-08,1.0777,155.53,0.8569,\n";
    static final LocalDate FRI = LocalDate.of(2023, 12, 8);

    static FxTable ecb() throws Exception {
        FxTable fx = new FxTable();
        fx.readEcbCsv(new StringReader(ECB));
        return fx;
    }

    @Test
    void convertsWithTheEcbRatesAndRoundsHalfEven() throws Exception {
        FxTable fx = ecb();
        // 100.00 USD / 1.0777 = 92.7902... EUR -> 92.79
        assertThat(fx.convert(10_000, "USD", "EUR", FRI)).contains(9_279L);
        // 1,000 JPY / 155.53 = 6.4296... EUR -> 6.43
        assertThat(fx.convert(1_000, "JPY", "EUR", FRI)).contains(643L);
        // 50.00 EUR x 1.0777 = 53.885 USD exactly: half-even 53.88 (half-up would give 53.89)
        assertThat(fx.convert(5_000, "EUR", "USD", FRI)).contains(5_388L);
        // 150.00 EUR x 1.0777 = 161.655 USD exactly: half-even 161.66
        assertThat(fx.convert(15_000, "EUR", "USD", FRI)).contains(16_166L);
    }

    @Test
    void aWeekendDayUsesFridaysRateAndSaysSo() throws Exception {
        MoneyPeriod p = new MoneyPeriod(LocalDate.of(2023, 12, 9), LocalDate.of(2023, 12, 10));
        p.add(new MoneyPeriod.Row(MoneyFact.LOST, "USD", "WRITE_OFF", -1, LocalDate.of(2023, 12, 9), 1, 10_000));
        p.add(new MoneyPeriod.Row(MoneyFact.LOST, "EUR", "GOODWILL", -1, LocalDate.of(2023, 12, 9), 1, 500));
        MoneyPeriod.Converted c = p.convert("money_lost", "EUR", ecb(), LocalDate.of(2023, 12, 9));
        assertThat(c.amountMinor()).isEqualTo(9_279L + 500);
        assertThat(c.notes()).containsExactly("USD on 2023-12-09: no reference rate that day, the rate of 2023-12-08 was used");
    }

    @Test
    void anAmountWithoutAnyRateIsNotConvertedAndNamed() throws Exception {
        LocalDate wed = LocalDate.of(2023, 12, 13);
        MoneyPeriod p = new MoneyPeriod(wed, wed.plusDays(1));
        p.add(new MoneyPeriod.Row(MoneyFact.REFUNDED, "USD", "REFUND", -1, wed, 2, 700));
        MoneyPeriod.Converted c = p.convert("refunded_amount", "EUR", ecb(), wed);
        assertThat(c.amountMinor()).isNull();
        assertThat(c.notes()).singleElement().asString().contains("USD on 2023-12-13 not converted to EUR");
    }

    /** Generated facts over two weeks in EUR and USD (incl. the weekend without rates): figures = a plain loop. */
    @Test
    void figuresEqualAPlainLoopOverGeneratedFacts() throws Exception {
        FxTable fx = ecb();
        // 11, 12 and 14 December: test values, not the ECB's
        fx.put(LocalDate.of(2023, 12, 11), "USD", new BigDecimal("1.0765"));
        fx.put(LocalDate.of(2023, 12, 12), "USD", new BigDecimal("1.0781"));
        fx.put(LocalDate.of(2023, 12, 14), "USD", new BigDecimal("1.0919"));
        Random random = new Random(20231208);
        List<MoneyFact> facts = new ArrayList<>();
        String[] metrics = {MoneyFact.RISK_IN, MoneyFact.WON, MoneyFact.LOST, MoneyFact.CAPTURED, MoneyFact.REFUNDED,
                MoneyFact.REFUND_FAILED};
        for (int i = 0; i < 600; i++) {
            LocalDate day = LocalDate.of(2023, 12, 8).plusDays(random.nextInt(8));
            String currency = random.nextBoolean() ? "EUR" : "USD";
            String metric = metrics[random.nextInt(metrics.length)];
            UUID id = UUID.randomUUID();
            long amount = 1 + random.nextInt(50_000);
            facts.add(fact(id, metric, "K" + random.nextInt(3), currency, amount, day, null));
            if (metric.equals(MoneyFact.RISK_IN) && random.nextInt(3) == 0) {
                facts.add(fact(id, MoneyFact.RISK_OUT, "K0", currency, amount, day.plusDays(random.nextInt(4)), null));
            }
            if (metric.equals(MoneyFact.REFUNDED) && random.nextBoolean()) {
                facts.add(fact(id, MoneyFact.REFUND_SETTLED, "REFUND", currency, amount, day.plusDays(1),
                        random.nextInt(5000)));
            }
        }
        LocalDate from = LocalDate.of(2023, 12, 9);
        LocalDate to = LocalDate.of(2023, 12, 13);
        MoneyPeriod period = new MoneyPeriod(from, to);
        rollup(facts).forEach(period::add);
        for (String key : MoneyInsights.KEYS) {
            long allCount = 0;
            for (String currency : List.of("EUR", "USD")) {
                MoneyPeriod.Sum expected = loopSum(key, currency, facts, from, to);
                assertThat(period.sum(key, currency)).as(key + " " + currency).isEqualTo(expected);
                allCount += expected.count();
            }
            assertThat(period.count(key)).as(key).isEqualTo(allCount);
            assertThat(period.convert(key, "EUR", fx, to.minusDays(1)).amountMinor()).as(key + " in EUR")
                    .isEqualTo(loopInEur(key, facts, from, to));
        }
        List<Integer> minutes = facts.stream().filter(f -> f.metric().equals(MoneyFact.REFUND_SETTLED)
                && !f.day().isBefore(from) && f.day().isBefore(to)).map(MoneyFact::minutes).sorted().toList();
        int rank = (int) Math.ceil(0.5 * minutes.size());
        assertThat(period.settleHours(0.5)).isEqualTo(new MoneyPeriod.Percentile(minutes.get(rank - 1) / 60.0, minutes.size()));
    }

    private static MoneyFact fact(UUID id, String metric, String kind, String currency, long amount, LocalDate day,
                                  Integer minutes) {
        Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return new MoneyFact(id, metric, "test", kind, "XX", "", null, currency, amount, at, day, minutes);
    }

    /** Amount and number of records of one currency behind a key, by a plain loop. */
    static MoneyPeriod.Sum loopSum(String key, String currency, List<MoneyFact> facts, LocalDate from, LocalDate to) {
        long amount = 0;
        long count = 0;
        for (MoneyFact f : facts) {
            int sign = loopSign(key, f, from, to);
            if (f.currency().equals(currency)) {
                amount += sign * f.amountMinor();
                count += sign;
            }
        }
        return new MoneyPeriod.Sum(amount, count);
    }

    static int loopSign(String key, MoneyFact f, LocalDate from, LocalDate to) {
        boolean inPeriod = !f.day().isBefore(from) && f.day().isBefore(to);
        return switch (key) {
            case "money_at_risk" -> f.day().isBefore(to)
                    ? f.metric().equals(MoneyFact.RISK_IN) ? 1 : f.metric().equals(MoneyFact.RISK_OUT) ? -1 : 0 : 0;
            case "money_recovered" -> inPeriod && (f.metric().equals(MoneyFact.RISK_OUT) || f.metric().equals(MoneyFact.WON)) ? 1 : 0;
            case "money_lost" -> inPeriod && f.metric().equals(MoneyFact.LOST) ? 1 : 0;
            case "captured_amount" -> inPeriod && f.metric().equals(MoneyFact.CAPTURED) ? 1 : 0;
            case "refunded_amount" -> inPeriod && f.metric().equals(MoneyFact.REFUNDED) ? 1 : 0;
            default -> inPeriod && f.metric().equals(MoneyFact.REFUND_FAILED) ? 1 : 0;
        };
    }

    /** USD per EUR of the latest day at or before {@code day}, at most 4 days back (a plain scan). */
    static BigDecimal usdRate(LocalDate day) {
        Map<LocalDate, BigDecimal> rates = Map.of(FRI, new BigDecimal("1.0777"), LocalDate.of(2023, 12, 11),
                new BigDecimal("1.0765"), LocalDate.of(2023, 12, 12), new BigDecimal("1.0781"),
                LocalDate.of(2023, 12, 14), new BigDecimal("1.0919"));
        for (int back = 0; back <= 4; back++) {
            if (rates.containsKey(day.minusDays(back))) {
                return rates.get(day.minusDays(back));
            }
        }
        throw new AssertionError("no rate for " + day);
    }

    /** Per (day, currency) sums, USD converted with that day's rate (at risk: the last day's), rounded half-even. */
    static long loopInEur(String key, List<MoneyFact> facts, LocalDate from, LocalDate to) {
        Map<LocalDate, Long> usdPerDay = new TreeMap<>();
        long eur = 0;
        for (MoneyFact f : facts) {
            int sign = loopSign(key, f, from, to);
            if (sign == 0) {
                continue;
            }
            if (f.currency().equals("EUR")) {
                eur += sign * f.amountMinor();
            } else {
                usdPerDay.merge(key.equals("money_at_risk") ? to.minusDays(1) : f.day(), sign * f.amountMinor(), Long::sum);
            }
        }
        for (Map.Entry<LocalDate, Long> e : usdPerDay.entrySet()) {
            eur += new BigDecimal(e.getValue()).divide(usdRate(e.getKey()), MathContext.DECIMAL128)
                    .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        }
        return eur;
    }

    private static List<MoneyPeriod.Row> rollup(List<MoneyFact> facts) {
        Map<List<Object>, long[]> groups = new HashMap<>();
        for (MoneyFact f : facts) {
            List<Object> k = List.of(f.metric(), f.currency(), f.kind(), f.minutes() == null ? -1 : f.minutes(), f.day());
            long[] g = groups.computeIfAbsent(k, x -> new long[2]);
            g[0]++;
            g[1] += f.amountMinor();
        }
        List<MoneyPeriod.Row> rows = new ArrayList<>();
        groups.forEach((k, g) -> rows.add(new MoneyPeriod.Row((String) k.get(0), (String) k.get(1), (String) k.get(2),
                (Integer) k.get(3), (LocalDate) k.get(4), g[0], g[1])));
        return rows;
    }
}
