package dev.paydesk.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.Money;

/**
 * File imports. The settlement rows use the column layout of Adyen's Settlement details report and
 * the two sample rows Adyen publishes in its documentation (Settled 5.00 GBP with fees 0.04 + 0.01 +
 * 0.07 netting 4.88; Chargeback 349.99 EUR netting a 357.49 debit).
 */
@SpringBootTest
class FileImportTests extends PlatformTestSupport {

    private static final String HEADER = "Company Account,Merchant Account,Psp Reference,Merchant Reference,"
            + "Payment Method,Creation Date,TimeZone,Type,Modification Reference,Gross Currency,Gross Debit (GC),"
            + "Gross Credit (GC),Exchange Rate,Net Currency,Net Debit (NC),Net Credit (NC),Commission (NC),Markup (NC),"
            + "Scheme Fees (NC),Interchange (NC),Payment Method Variant,Modification Merchant Reference,Batch Number,"
            + "Reserved4,Reserved5,Reserved6,Reserved7,Reserved8,Reserved9,Reserved10";

    @Autowired
    FileImports imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PaymentQueries payments;

    private String merchant;

    @BeforeEach
    void merchant() {
        merchant = unique("Merchant");
    }

    @Test
    void adyensPublishedSampleRowsImportWithTheirFeesAndABadRowIsQuarantinedWithItsLine() {
        String file = HEADER + "\n"
                + "TestCompany," + merchant + ",1813702551707653,3vpzf7,visa,2013-06-03 11:26:49,CET,Settled,1713702551795048,GBP,,5.00,1,GBP,,4.88,,0.04,0.01,0.07,visaclassic,,,,,,,,,\n"
                + "TestCompany," + merchant + ",1313642467023511,324959451,visa,2013-03-26 22:37:26,CET,Chargeback,2313642467170922,EUR,349.99,,1,EUR,357.49,,7.5,,,,visaclassic,,,,,,,,,\n"
                + "TestCompany," + merchant + ",1313642467023512,324959452,visa,2013-03-26 22:37:26,CET,Settled,2313642467170923,EUR,,12.345,1,EUR,,12.00,,,,,visaclassic,,,,,,,,,\n";
        ImportResult result = run("adyen-settlement", "settlement_detail_report_batch_7.csv", file);
        assertThat(result.rowsRead()).isEqualTo(3);
        assertThat(result.rowsNew()).isEqualTo(2);
        assertThat(result.rowsQuarantined()).isEqualTo(1);
        var settled = jdbc.sql("select net_credit_minor, fees_minor, batch, booked_at from payments_settlement_line where modification_reference = '1713702551795048' and merchant_account = :m")
                .param("m", merchant).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), Long.parseLong(rs.getString(3)),
                        rs.getTimestamp(4).toInstant().getEpochSecond()}).single();
        assertThat(settled[0]).isEqualTo(488);
        assertThat(settled[1]).isEqualTo(12);
        assertThat(settled[2]).isEqualTo(7);
        assertThat(settled[3]).isEqualTo(java.time.Instant.parse("2013-06-03T10:26:49Z").getEpochSecond());
        assertThat(payments.quarantine(50)).anySatisfy(q -> {
            assertThat(q.lineNumber()).isEqualTo(4);
            assertThat(q.reason()).contains("12.345");
        });
    }

    @Test
    void importingTheSameFileTwiceAddsNothing() {
        String file = HEADER + "\n"
                + "TestCompany," + merchant + ",1,ord-1,visa,2026-11-02 10:00:00,CET,Settled,11,EUR,,10.00,1,EUR,,9.80,,0.20,,,visaclassic,,,,,,,,,\n"
                + "TestCompany," + merchant + ",,,,2026-11-02 10:00:00,CET,Fee,,EUR,0.50,,1,EUR,0.50,,,,,,,,,,,,,,,\n"
                + "TestCompany," + merchant + ",,,,2026-11-02 10:00:00,CET,Fee,,EUR,0.50,,1,EUR,0.50,,,,,,,,,,,,,,,\n";
        assertThat(run("adyen-settlement", "settlement_detail_report_batch_9.csv", file).rowsNew()).isEqualTo(3);
        assertThat(run("adyen-settlement", "settlement_detail_report_batch_9.csv", file).rowsNew()).isZero();
        assertThat(jdbc.sql("select count(*) from payments_settlement_line where merchant_account = :m").param("m", merchant)
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void reimportingAFileQuarantinesItsBadLineOnceAndTheBatchIsReconciledRightAway() {
        String batch = Integer.toString(100_000 + new java.util.Random().nextInt(800_000));
        String name = "settlement_detail_report_batch_" + batch + ".csv";
        String file = HEADER + "\n"
                + "TestCompany," + merchant + ",1,ord-q1,visa,2026-11-02 10:00:00,CET,Settled,21,EUR,,10.00,1,EUR,,9.80,,0.20,,,visaclassic,,,,,,,,,\n"
                + "TestCompany," + merchant + ",2,ord-q2,visa,2026-11-02 10:00:00,CET,Settled,22,EUR,,12.345,1,EUR,,12.00,,,,,visaclassic,,,,,,,,,\n";
        assertThat(run("adyen-settlement", name, file).rowsQuarantined()).isEqualTo(1);
        run("adyen-settlement", name, file);
        assertThat(jdbc.sql("select count(*) from payments_quarantine where source = :s").param("s", "file:" + name)
                .query(Integer.class).single()).isEqualTo(1);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from reconciliation_batch where provider = 'ADYEN' and batch = :b").param("b", batch)
                .query(Integer.class).single() == 1);
    }

    @Test
    void theMerchantOrderFeedFillsInPlaceholderOrdersAndTheirAmountDue() {
        String order = "ORD-" + UUID.randomUUID();
        run("orders", "orders.csv", "merchant_reference,market,customer_reference,amount,currency,expected_method\n"
                + order + ",DE,cust-77,59.90,EUR,card\n"
                + "ORD-broken,DE,cust-1,abc,EUR,card\n");
        assertThat(payments.timeline(order)).hasValueSatisfying(t -> {
            assertThat(t.amountDue()).isEqualTo(Money.of(5990, "EUR"));
            assertThat(t.market()).isEqualTo("DE");
        });
    }

    @Test
    void anUnknownKindIsAClearError() {
        assertThatThrownBy(() -> run("swift-mt940", "x.txt", "a,b\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown import kind");
    }

    private ImportResult run(String kind, String name, String content) {
        ImportResult[] result = new ImportResult[1];
        asSystem(() -> result[0] = imports.importFile(kind, name,
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))));
        return result[0];
    }
}
