package dev.paydesk.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.paydesk.platform.PlatformTestSupport;

/**
 * The two ways an Adyen settlement report is stored: a batch never seen before with at least
 * {@code paydesk.payments.settlement-partition-rows} rows (5 in the tests) becomes a partition of its
 * own; anything else goes row by row into the partition its batch is registered to. Either way a
 * line is stored once, whatever is imported again, and a failed import leaves nothing behind.
 */
@SpringBootTest
@org.springframework.test.context.event.RecordApplicationEvents
class SettlementPartitionTests extends PlatformTestSupport {

    private static final String HEADER = "Company Account,Merchant Account,Psp Reference,Merchant Reference,"
            + "Payment Method,Creation Date,TimeZone,Type,Modification Reference,Gross Currency,Gross Debit (GC),"
            + "Gross Credit (GC),Exchange Rate,Net Currency,Net Debit (NC),Net Credit (NC),Commission (NC),Markup (NC),"
            + "Scheme Fees (NC),Interchange (NC),Payment Method Variant,Modification Merchant Reference,Batch Number";

    @Autowired
    FileImports imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.test.context.event.ApplicationEvents events;

    private String merchant;

    @BeforeEach
    void merchant() {
        merchant = unique("Shop");
    }

    private String row(int i, String batch) {
        return "Co," + merchant + "," + (8_800_000_000_000_000L + i) + ",ORD-" + i + ",visa,2026-11-02 10:00:"
                + String.format("%02d", i % 60) + ",CET,Settled," + (9_900_000_000_000_000L + i) + ",EUR,,10.00,1,EUR,,9.80,,"
                + "0.20,,,visa,," + batch;
    }

    private String file(int from, int to, String batch) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = from; i < to; i++) {
            text.append(row(i, batch)).append('\n');
        }
        return text.toString();
    }

    @Test
    void aLargeNewBatchBecomesAnAttachedPartitionAndLaterFilesOfItAddOnlyNewLines() {
        ImportResult first = run("settlement_detail_report_batch_501.csv", file(0, 8, "501"));
        assertThat(first.rowsNew()).isEqualTo(8);
        Integer part = jdbc.sql("select part from payments_settlement_batch where merchant_account = :m and batch = '501'")
                .param("m", merchant).query(Integer.class).single();
        assertThat(part).isPositive();
        assertThat(jdbc.sql("""
                select count(*) from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = 'payments_settlement_line'::regclass and c.relname = :name""")
                .param("name", "payments_settlement_line_p" + part).query(Integer.class).single()).isOne();
        assertThat(lines("501")).containsExactly(part, 8L);

        // the same file again, and a longer version of it: only the two new lines are added, in the same partition
        assertThat(run("settlement_detail_report_batch_501.csv", file(0, 8, "501")).rowsNew()).isZero();
        assertThat(run("settlement_detail_report_batch_501-full.csv", file(0, 10, "501")).rowsNew()).isEqualTo(2);
        assertThat(lines("501")).containsExactly(part, 10L);
        // the references are found through the partition's indexes as through partition 0's
        assertThat(jdbc.sql("select merchant_reference from payments_settlement_line where psp_reference = :p")
                .param("p", String.valueOf(8_800_000_000_000_003L)).query(String.class).list()).contains("ORD-3");
    }

    @Test
    void aSmallBatchStaysInPartitionZeroAndSoDoesALargeFileOfItLater() {
        assertThat(run("settlement_detail_report_batch_502.csv", file(0, 3, "502")).rowsNew()).isEqualTo(3);
        assertThat(lines("502")).containsExactly(0, 3L);
        assertThat(run("settlement_detail_report_batch_502.csv", file(0, 9, "502")).rowsNew()).isEqualTo(6);
        assertThat(lines("502")).containsExactly(0, 9L);
        assertThat(jdbc.sql("select part from payments_settlement_batch where merchant_account = :m and batch = '502'")
                .param("m", merchant).query(Integer.class).single()).isZero();
    }

    @Test
    void rowsWithoutABatchGoToPartitionZero() {
        assertThat(run("settlement_detail_report.csv", file(0, 7, "")).rowsNew()).isEqualTo(7);
        assertThat(jdbc.sql("select part, count(*) from payments_settlement_line where merchant_account = :m and batch is null group by part")
                .param("m", merchant).query((rs, i) -> List.of(rs.getInt(1), rs.getLong(2))).single()).containsExactly(0, 7L);
        assertThat(run("settlement_detail_report.csv", file(0, 7, "")).rowsNew()).isZero();
    }

    @Test
    void aBadRowIsQuarantinedWithItsLineAndTheRestOfALargeFileStillGetsItsPartition() {
        String text = file(0, 6, "503").replace(row(2, "503"), row(2, "503").replace(",10.00,", ",10.001,"));
        ImportResult result = run("settlement_detail_report_batch_503.csv", text);
        assertThat(result.rowsNew()).isEqualTo(5);
        assertThat(result.rowsQuarantined()).isOne();
        assertThat(lines("503").get(0)).isNotEqualTo(0);
        assertThat(jdbc.sql("select line_number from payments_quarantine where source = 'file:settlement_detail_report_batch_503.csv' and payload like :m")
                .param("m", "%" + merchant + "%").query(Integer.class).list()).containsExactly(4);
    }

    @Test
    void anImportThatFailsHalfwayLeavesNoRowsNoTableAndNoBatchBehind() {
        int tablesBefore = jdbc.sql("select count(*) from pg_class where relname like 'payments_settlement_line_p%' and relkind = 'r'")
                .query(Integer.class).single();
        byte[] bytes = file(0, 50, "504").getBytes(StandardCharsets.UTF_8);
        InputStream breaking = new InputStream() {
            private int position;

            @Override
            public int read() throws IOException {
                if (position > bytes.length / 2) {
                    throw new IOException("the upload was cut off");
                }
                return bytes[position++] & 0xff;
            }
        };
        assertThatThrownBy(() -> asSystem(() -> imports.importFile("adyen-settlement", "settlement_detail_report_batch_504.csv",
                breaking))).hasMessageContaining("cut off");
        assertThat(jdbc.sql("select count(*) from payments_settlement_line where merchant_account = :m").param("m", merchant)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from payments_settlement_batch where merchant_account = :m").param("m", merchant)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from pg_class where relname like 'payments_settlement_line_p%' and relkind = 'r'")
                .query(Integer.class).single()).isEqualTo(tablesBefore);
        // and the whole file imports afterwards
        assertThat(run("settlement_detail_report_batch_504.csv", file(0, 50, "504")).rowsNew()).isEqualTo(50);
    }

    @Test
    void aNewBatchsPartitionCarriesExactlyTheTwoBrinIndexesOfTheParentAttachedNotCopies() {
        run("settlement_detail_report_batch_505.csv", file(0, 6, "505"));
        String table = "payments_settlement_line_p" + jdbc.sql(
                "select part from payments_settlement_batch where merchant_account = :m and batch = '505'")
                .param("m", merchant).query(Integer.class).single();
        List<String> parents = jdbc.sql("""
                select parent.relname from pg_index x join pg_class ix on ix.oid = x.indexrelid
                left join pg_inherits i on i.inhrelid = ix.oid left join pg_class parent on parent.oid = i.inhparent
                where x.indrelid = cast(:t as regclass) order by 1""")
                .param("t", table).query((rs, i) -> String.valueOf(rs.getString(1))).list();
        assertThat(parents).containsExactly("payments_settlement_line_booked_brin", "payments_settlement_line_refs_bloom");
    }

    @Test
    void twoImportsOfTheSameNewBatchAtOnceStoreEachLineOnce() throws Exception {
        String text = file(0, 40, "506");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            List<java.util.concurrent.Future<ImportResult>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return run("settlement_detail_report_batch_506.csv", text);
                }));
            }
            long added = 0;
            for (var result : results) {
                added += result.get(60, java.util.concurrent.TimeUnit.SECONDS).rowsNew();
            }
            assertThat(added).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
        assertThat(lines("506").get(1)).isEqualTo(40L);
        assertThat(jdbc.sql("select count(distinct line_key) from payments_settlement_line where merchant_account = :m")
                .param("m", merchant).query(Long.class).single()).isEqualTo(40L);
    }

    @Test
    void aNulCharacterIsABadRowNotAFailedImportAndAnUnclosedQuoteIsAClearError() {
        String text = file(0, 6, "507").replace(",ORD-2,", ",\"ORD\u00002\",");
        ImportResult result = run("settlement_detail_report_batch_507.csv", text);
        assertThat(result.rowsNew()).isEqualTo(5);
        assertThat(result.rowsQuarantined()).isOne();

        String broken = file(0, 3, "508") + "Co," + merchant + ",1,\"ORD-open,visa\n" + file(3, 300, "508").substring(HEADER.length() + 1);
        assertThatThrownBy(() -> run("settlement_detail_report_batch_508.csv", broken))
                .isInstanceOf(dev.paydesk.shared.InvalidInputException.class).hasMessageContaining("not closed");
        assertThat(jdbc.sql("select count(*) from payments_settlement_line where merchant_account = :m and batch = '508'")
                .param("m", merchant).query(Integer.class).single()).isZero();
    }

    /** The partition and number of the merchant's lines in a batch: {part, count}. */
    /**
     * Found by importing a 550,000-line report into a running server: a file that became a partition of its own
     * announced no booking dates (its stored lines name no file), so it was neither reconciled after the import nor
     * refreshed in insights. Both ways now announce the file's own first and last booking time.
     */
    @Test
    void eitherWayTheImportAnnouncesTheFilesBookingTimes() {
        java.time.Instant first = java.time.Instant.parse("2026-11-02T09:00:00Z"); // 10:00:00 CET
        run("settlement_detail_report_batch_511.csv", file(0, 8, "511"));
        run("settlement_detail_report_batch_512.csv", file(3, 5, "512"));
        assertThat(lines("511").getFirst()).as("the first file is a partition of its own").isNotEqualTo(0);
        assertThat(lines("512").getFirst()).as("the second went row by row").isEqualTo(0);
        assertThat(events.stream(PaymentFileImported.class).map(e -> java.util.Arrays.asList(e.fileName(),
                e.firstBookedAt(), e.lastBookedAt()))).containsExactly(
                java.util.Arrays.asList("settlement_detail_report_batch_511.csv", first, first.plusSeconds(7)),
                java.util.Arrays.asList("settlement_detail_report_batch_512.csv", first.plusSeconds(3), first.plusSeconds(4)));
    }

    private List<Object> lines(String batch) {
        return jdbc.sql("select part, count(*) from payments_settlement_line where merchant_account = :m and batch = :b group by part")
                .param("m", merchant).param("b", batch).query((rs, i) -> List.<Object>of(rs.getInt(1), rs.getLong(2))).single();
    }

    private ImportResult run(String name, String content) {
        ImportResult[] result = new ImportResult[1];
        asSystem(() -> result[0] = imports.importFile("adyen-settlement", name,
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))));
        return result[0];
    }
}
