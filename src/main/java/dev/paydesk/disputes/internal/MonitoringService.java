package dev.paydesk.disputes.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import dev.paydesk.disputes.ChargebackMonitoring;
import dev.paydesk.payments.PaymentRecorded;
import dev.paydesk.payments.PaymentsRecorded;
import dev.paydesk.payments.TransactionKind;

/**
 * Counts captured payments per merchant account and month (from {@link PaymentRecorded}) and computes the
 * programme ratios. Card brand is not part of the payments mirror's events, so both ratios use all captures
 * of the account as the transaction count, and Visa's TC40 fraud reports are approximated by Visa disputes
 * in the fraud category plus Visa fraud notices (Visa counts a fraud dispute twice, as TC40 and TC15).
 */
@Service
@EnableConfigurationProperties(MonitoringProperties.class)
class MonitoringService implements ChargebackMonitoring {

    private final JdbcClient jdbc;
    private final MonitoringProperties properties;
    private final Clock clock;

    MonitoringService(JdbcClient jdbc, MonitoringProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(PaymentsRecorded recorded) {
        Map<String, Map<YearMonth, Long>> captures = new java.util.TreeMap<>();
        for (PaymentRecorded payment : recorded.payments()) {
            if (payment.kind() == TransactionKind.CAPTURE || payment.kind() == TransactionKind.BANK_CREDIT) {
                captures.computeIfAbsent(payment.merchantAccount(), a -> new java.util.TreeMap<>())
                        .merge(YearMonth.from(payment.occurredAt().atOffset(ZoneOffset.UTC)), 1L, Long::sum);
            }
        }
        captures.forEach((account, months) -> months.forEach((month, n) -> countCapture(account, month, n)));
    }

    void countCapture(String account, YearMonth month, long n) {
        jdbc.sql("""
                        insert into disputes_monthly_volume (merchant_account, month, captures) values (?, ?, ?)
                        on conflict (merchant_account, month) do update set captures = disputes_monthly_volume.captures + excluded.captures""")
                .params(account, Date.valueOf(month.atDay(1)), n).update();
    }

    @Override
    public YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC));
    }

    @Override
    public List<AccountRatios> ratios(YearMonth month) {
        Map<String, long[]> disputes = new java.util.HashMap<>();
        jdbc.sql("""
                        select merchant_account,
                            count(*) filter (where network = 'VISA' and stage <> 'PRE_DISPUTE'),
                            count(*) filter (where network = 'VISA' and reason_category = 'FRAUD'),
                            count(*) filter (where network = 'MASTERCARD' and stage <> 'PRE_DISPUTE')
                        from disputes_dispute where opened_at >= ? and opened_at < ? group by merchant_account""")
                .params(java.sql.Timestamp.from(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)),
                        java.sql.Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .query(rs -> {
                    disputes.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                });
        Map<String, Long> thisMonth = volumes(month);
        Map<String, Long> lastMonth = volumes(month.minusMonths(1));
        TreeSet<String> accounts = new TreeSet<>(disputes.keySet());
        accounts.addAll(thisMonth.keySet());
        List<AccountRatios> result = new ArrayList<>();
        for (String account : accounts) {
            long[] d = disputes.getOrDefault(account, new long[3]);
            result.add(new AccountRatios(account, month,
                    RatioPolicy.vamp(d[1], d[0], thisMonth.getOrDefault(account, 0L), properties),
                    RatioPolicy.ecp(d[2], lastMonth.getOrDefault(account, 0L), properties)));
        }
        result.sort(java.util.Comparator.comparing(AccountRatios::worst).reversed()
                .thenComparing(AccountRatios::merchantAccount));
        return result;
    }

    private Map<String, Long> volumes(YearMonth month) {
        Map<String, Long> m = new java.util.HashMap<>();
        jdbc.sql("select merchant_account, captures from disputes_monthly_volume where month = ?")
                .param(Date.valueOf(month.atDay(1)))
                .query(rs -> {
                    m.put(rs.getString(1), rs.getLong(2));
                });
        return m;
    }
}
