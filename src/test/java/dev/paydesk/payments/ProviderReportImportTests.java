package dev.paydesk.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.paydesk.platform.PlatformTestSupport;

/**
 * Stripe itemised balance report (columns as Stripe documents them: amounts in major units, signed),
 * PayPal Settlement report (STL row types RH/FH/SH/CH/SB/SF, amounts in minor units with debit/credit
 * columns, varchar fields quoted) and Klarna settlement report (semicolon-separated, minor units).
 */
@SpringBootTest
class ProviderReportImportTests extends PlatformTestSupport {

    @Autowired
    FileImports imports;

    @Autowired
    JdbcClient jdbc;

    @Test
    void stripeItemisedBalanceRowsImportOnceAndABadAmountIsQuarantined() {
        String txn = "txn_" + UUID.randomUUID().toString().replace("-", "");
        String file = "balance_transaction_id,created_utc,currency,gross,fee,net,reporting_category,source_id,charge_id,"
                + "payment_intent_id,automatic_payout_id,payment_metadata[order_id]\n"
                + txn + "a,2026-11-20 10:00:00,eur,49.90,1.02,48.88,charge,ch_1,ch_1,pi_1,po_1,ORD-S1\n"
                + txn + "b,2026-11-21 09:00:00,eur,-10.00,0.00,-10.00,refund,re_1,ch_1,pi_1,po_1,ORD-S1\n"
                + txn + "c,2026-11-21 09:00:00,eur,ten,0.00,-10.00,refund,re_2,ch_2,pi_2,po_1,ORD-S2\n";
        ImportResult first = run("stripe-balance", "stripe.csv", file);
        assertThat(first.rowsNew()).isEqualTo(2);
        assertThat(first.rowsQuarantined()).isEqualTo(1);
        assertThat(run("stripe-balance", "stripe.csv", file).rowsNew()).isZero();
        long[] charge = jdbc.sql("select gross_credit_minor, net_credit_minor, fees_minor from payments_settlement_line where provider = 'STRIPE' and merchant_reference = 'ORD-S1' and record_type = 'charge' and source_file = 'stripe.csv' order by booked_at desc limit 1")
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        assertThat(charge).containsExactly(4990, 4888, 102);
    }

    @Test
    void payPalSettlementBodyRowsAreReadByTheColumnHeader() {
        String id = UUID.randomUUID().toString().substring(0, 17).toUpperCase();
        String file = """
                "RH",2026/11/21 02:44:19 -0700,"A","MERCHANT123",009,
                "FH",01
                "SH",2026/11/20 00:00:00 -0700,2026/11/20 23:59:59 -0700,"","MERCHANT123",""
                "CH","Transaction ID","Invoice ID","PayPal Reference ID","PayPal Reference ID Type","Transaction Event Code","Transaction Initiation Date","Transaction Completion Date","Transaction Debit or Credit","Gross Transaction Amount","Gross Transaction Currency","Fee Debit or Credit","Fee Amount","Fee Currency","Custom Field"
                "SB","%1$sA","ORD-P1","","","T0006",2026/11/20 00:01:17 -0700,2026/11/20 00:01:17 -0700,"CR",3000,"EUR","DR",117,"EUR",""
                "SB","%1$sB","ORD-P1","%1$sA","TXN","T1107",2026/11/20 08:00:00 -0700,2026/11/20 08:00:00 -0700,"DR",1000,"EUR","CR",39,"EUR",""
                "SF",2
                "RF",2
                """.formatted(id);
        ImportResult result = run("paypal-settlement", "STL-20261120.01.009.CSV", file);
        assertThat(result.rowsNew()).isEqualTo(2);
        assertThat(result.rowsQuarantined()).isZero();
        long[] sale = jdbc.sql("select gross_credit_minor, net_credit_minor, fees_minor from payments_settlement_line where psp_reference = :id")
                .param("id", id + "A").query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        assertThat(sale).containsExactly(3000, 2883, 117);
        long refundNetDebit = jdbc.sql("select net_debit_minor from payments_settlement_line where psp_reference = :id")
                .param("id", id + "B").query(Long.class).single();
        assertThat(refundNetDebit).isEqualTo(961);
    }

    @Test
    void klarnaSemicolonReportsImportWithSignsByTransactionType() {
        String order = "K-" + UUID.randomUUID().toString().substring(0, 8);
        String file = "type;amount;currency_code;order_id;capture_id;refund_id;sale_date;merchant_reference1;payment_reference;merchant_id\n"
                + "SALE;15900;SEK;" + order + ";cap-1;;2026-11-18;ORD-K1;PAYOUT-77;K100001\n"
                + "FEE;477;SEK;" + order + ";cap-1;;2026-11-18;ORD-K1;PAYOUT-77;K100001\n"
                + "RETURN;5900;SEK;" + order + ";;ref-1;2026-11-19;ORD-K1;PAYOUT-77;K100001\n";
        assertThat(run("klarna-settlement", "klarna.csv", file).rowsNew()).isEqualTo(3);
        Long net = jdbc.sql("select sum(coalesce(net_credit_minor, 0) - coalesce(net_debit_minor, 0)) from payments_settlement_line where modification_reference = :o")
                .param("o", order).query(Long.class).single();
        assertThat(net).isEqualTo(15900 - 5900);
        assertThat(run("klarna-settlement", "klarna.csv", file).rowsNew()).isZero();
    }

    private ImportResult run(String kind, String name, String content) {
        ImportResult[] result = new ImportResult[1];
        asSystem(() -> result[0] = imports.importFile(kind, name,
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))));
        return result[0];
    }
}
