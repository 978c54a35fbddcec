package dev.paydesk.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The money rollup kept by deltas equals the rollup recomputed from the facts: random saves of records that
 * come, change their amounts, days, markets and currencies, lose rows and vanish, in two markets of their own.
 * Everything is rolled back.
 */
@SpringBootTest
class MoneyRollupDeltaTests {

    @Autowired
    MoneyFacts money;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void savesByDeltaLeaveTheRollupTheFactsGive() {
        String a = "Q" + UUID.randomUUID().toString().substring(0, 6);
        String b = "R" + UUID.randomUUID().toString().substring(0, 6);
        Random random = new Random(20261207);
        List<UUID> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            records.add(UUID.randomUUID());
        }
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            status.setRollbackOnly();
            for (int step = 0; step < 60; step++) {
                UUID id = records.get(random.nextInt(records.size()));
                List<MoneyFact> rows = new ArrayList<>();
                int count = random.nextInt(4); // 0: the record leaves the figures
                for (int r = 0; r < count; r++) {
                    String metric = List.of(MoneyFact.RISK_IN, MoneyFact.RISK_OUT, MoneyFact.WON).get(r % 3);
                    LocalDate day = LocalDate.of(2031, 3, 1 + random.nextInt(3));
                    rows.add(new MoneyFact(id, metric, "finding", random.nextBoolean() ? "MISSING" : "EXTRA",
                            random.nextBoolean() ? a : b, "ADYEN", "ref-" + step, random.nextBoolean() ? "EUR" : "SEK",
                            1 + random.nextInt(50_000), Instant.parse(day + "T10:00:00Z"), day,
                            random.nextInt(3) == 0 ? null : random.nextInt(5) * 60));
                }
                money.save(List.of(id), rows);
            }
            List<String> kept = rollup(a, b);
            assertThat(kept).isNotEmpty();
            money.rebuildRollup();
            assertThat(kept).isEqualTo(rollup(a, b));
        });
    }

    private List<String> rollup(String... markets) {
        return jdbc.sql("select concat_ws('|', metric, market, day, currency, kind, minutes, n, total_minor)"
                        + " from insights_money_day where market = any(?) order by 1")
                .param(markets).query(String.class).list();
    }
}
