package dev.paydesk.payments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.paydesk.payments.Provider;
import dev.paydesk.platform.PanRedactor;
import dev.paydesk.shared.InvalidInputException;

/**
 * Imports an Adyen Settlement details report inside the caller's transaction (a crash halfway leaves
 * nothing behind).
 *
 * <p>The rows are parsed and sent to PostgreSQL as one binary COPY into a new table made in this
 * transaction, with no indexes. Then one of two ways:
 * <ul>
 * <li><b>A batch of its own</b> (at least {@code paydesk.payments.settlement-partition-rows} rows, every
 * row with a batch number, no batch of the file seen before): the table gets its indexes built in bulk
 * and is attached as a partition of {@code payments_settlement_line}; its batches are registered to it.
 * Building an index over a million sorted keys costs a fraction of maintaining it row by row, and a
 * table created in the same transaction is not written to the WAL twice when the server runs with
 * {@code wal_level=minimal} (the embedded one does).</li>
 * <li><b>Otherwise</b> the rows move into the partition their batch is registered to (partition 0 for
 * batches of their own that were small, rows without a batch and every other provider) skipping
 * lines already there, and the table is dropped. Importing a file again takes this way and adds
 * nothing.</li>
 * </ul>
 * Rows that cannot be read go to the quarantine with their line number; the rest still import.
 */
@Component
class AdyenSettlementImport {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AdyenSettlementImport.class);
    private static final Pattern BATCH = Pattern.compile("batch_(\\d+)");
    private static final String PROVIDER = Provider.ADYEN.name();
    private static final String TABLE_COLUMNS = "line_key, provider, merchant_account, batch, line_number, psp_reference, "
            + "merchant_reference, modification_reference, payment_method, record_type, booked_at, gross_currency, "
            + "gross_debit_minor, gross_credit_minor, net_currency, net_debit_minor, net_credit_minor, fees_minor, "
            + "source_file";

    /** The file's (account, batch) pairs from the parameters :accounts and :batches, as a table t(a, b). */
    private static final String FILE_BATCHES = "unnest(cast(:accounts as text[]), cast(:batches as text[])) as t(a, b)";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final PaymentsStore store;
    private final Clock clock;
    private final int partitionRows;

    AdyenSettlementImport(DataSource dataSource, JdbcClient jdbc, PaymentsStore store, Clock clock,
                          @Value("${paydesk.payments.settlement-partition-rows:100000}") int partitionRows) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
        this.partitionRows = partitionRows;
    }

    private record BadRow(int line, String reason, String raw) {
    }

    ReportImports.Counts load(String fileName, InputStream content) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // outside a transaction the new table would be committed at once and outlive a failed COPY
            throw new IllegalStateException("a settlement import must run in a transaction");
        }
        Matcher m = BATCH.matcher(fileName);
        String fileBatch = m.find() ? m.group(1) : null;
        long begun = System.nanoTime();
        int read = 0;
        List<BadRow> badRows = new ArrayList<>();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement sql = connection.createStatement()) {
            long part = jdbc.sql("select nextval('payments_settlement_part_seq')").query(Long.class).single();
            String table = "payments_settlement_line_p" + part;
            // DDL through the owner's functions (migration V2026_12_08_71): the application role owns no tables
            jdbc.sql("select payments_settlement_partition_create(?, ?)").params(part, PROVIDER).query(String.class).single();
            AdyenLineEncoder encoder;
            BinaryCopyWriter out = new BinaryCopyWriter(connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + AdyenLineEncoder.COLUMNS + ") from stdin with (format binary, freeze)"));
            long copied;
            boolean sent = false;
            try (FastCsvRecords records = new FastCsvRecords(content)) {
                encoder = new AdyenLineEncoder(records.header(), fileBatch);
                while (records.advance()) {
                    read++;
                    int line = (int) records.recordNumber() + 1;
                    try {
                        encoder.encode(records, line, out);
                    } catch (MalformedPayloadException e) {
                        // the connection is busy with the COPY: quarantine after it
                        badRows.add(new BadRow(line, e.getMessage(), String.join(",", records.values())));
                    }
                }
                copied = out.finish();
                sent = true;
            } finally {
                if (!sent) {
                    out.cancel(); // stops the sender thread and ends the COPY; the transaction rolls back
                }
            }
            long staged = System.nanoTime();
            for (BadRow bad : badRows) {
                store.quarantine("file:" + fileName, Provider.ADYEN, null, bad.line(), bad.reason(),
                        PanRedactor.redact(bad.raw()), clock.instant());
            }
            // in one order, so that imports of files sharing batches lock the registry rows in the same order
            List<AdyenLineEncoder.Batch> batches = encoder.batches().stream()
                    .sorted(java.util.Comparator.comparing(AdyenLineEncoder.Batch::merchantAccount)
                            .thenComparing(AdyenLineEncoder.Batch::batch,
                                    java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
                    .toList();
            // the file's booking times, from its rows alone (the staged table), for the runs and refreshes the import starts
            java.time.Instant[] booked = new java.time.Instant[2];
            jdbc.sql("select min(booked_at), max(booked_at) from " + table).query(rs -> {
                booked[0] = rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant();
                booked[1] = rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant();
            });
            boolean own = copied >= partitionRows && copied > 0 && claim(batches, part, fileName);
            long added;
            if (own) {
                sql.execute("select payments_settlement_partition_attach(" + part + ")");
                added = copied;
            } else {
                added = moveIntoRegisteredPartitions(connection, table, batches, fileName);
                sql.execute("select payments_settlement_partition_drop(" + part + ")");
            }
            log.info("settlement file {}: {} rows read, {} copied in {} ms; {} new {} in {} ms", fileName, read, copied,
                    (staged - begun) / 1_000_000, added, own ? "in partition " + part : "moved into place",
                    (System.nanoTime() - staged) / 1_000_000);
            return new ReportImports.Counts(read, (int) added, badRows.size(), booked[0], booked[1]);
        } catch (SQLException e) {
            throw new IllegalStateException("settlement import failed: " + e.getMessage(), e);
        } catch (FastCsvRecords.MalformedCsvException e) {
            throw new InvalidInputException("file", "the file is not readable CSV: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Registers every batch of the file to {@code part}; true when all of them were new. Otherwise the
     * ones registered here are moved to the shared partition (they are small or come with a batch seen
     * before, which decides where the file goes) and it is false.
     */
    private boolean claim(List<AdyenLineEncoder.Batch> batches, long part, String fileName) {
        if (batches.stream().anyMatch(b -> b.batch() == null)) {
            return false;
        }
        int claimed = jdbc.sql("""
                insert into payments_settlement_batch (provider, merchant_account, batch, part, source_file)
                select :provider, a, b, :part, :file from %s
                on conflict do nothing""".formatted(FILE_BATCHES))
                .param("provider", PROVIDER).param("part", part).param("file", fileName)
                .param("accounts", batches.stream().map(AdyenLineEncoder.Batch::merchantAccount).toArray(String[]::new))
                .param("batches", batches.stream().map(AdyenLineEncoder.Batch::batch).toArray(String[]::new))
                .update();
        if (claimed == batches.size()) {
            return true;
        }
        jdbc.sql("update payments_settlement_batch set part = 0, source_file = null where part = :part")
                .param("part", part).update();
        return false;
    }

    /**
     * Moves the staged rows into their batches' partitions, skipping lines already there: rows of
     * batches without a partition of their own (registering those batches to partition 0) into
     * partition 0 against its unique key, rows of a batch with its own partition into that one against
     * the lines it holds (the batch's registry row is locked first, so two imports of one batch take turns).
     */
    private long moveIntoRegisteredPartitions(Connection connection, String table, List<AdyenLineEncoder.Batch> batches,
                                              String fileName) throws SQLException {
        List<AdyenLineEncoder.Batch> named = batches.stream().filter(b -> b.batch() != null).toList();
        String[] accounts = named.stream().map(AdyenLineEncoder.Batch::merchantAccount).toArray(String[]::new);
        String[] numbers = named.stream().map(AdyenLineEncoder.Batch::batch).toArray(String[]::new);
        jdbc.sql("""
                insert into payments_settlement_batch (provider, merchant_account, batch, part)
                select :provider, a, b, 0 from %s
                on conflict do nothing""".formatted(FILE_BATCHES))
                .param("provider", PROVIDER).param("accounts", accounts).param("batches", numbers).update();
        List<Long> parts = jdbc.sql("""
                select distinct part from (select part from payments_settlement_batch
                    where provider = :provider and (merchant_account, batch) in (
                        select a, b from %s)
                    order by merchant_account, batch
                    for update) locked""".formatted(FILE_BATCHES))
                .param("provider", PROVIDER).param("accounts", accounts).param("batches", numbers)
                .query(Long.class).list();
        String registered = """
                left join payments_settlement_batch b on b.provider = l.provider and b.merchant_account = l.merchant_account
                    and b.batch = l.batch""";
        // the file name is the one value from outside: a parameter, never part of the statement
        String columns = java.util.Arrays.stream(TABLE_COLUMNS.split(", "))
                .map(c -> c.equals("source_file") ? "cast(? as text)" : "l." + c)
                .collect(java.util.stream.Collectors.joining(", "));
        long added = update(connection, "insert into payments_settlement_line_p0 (" + TABLE_COLUMNS + ", part) select "
                + columns + ", 0 from " + table + " l " + registered + " where coalesce(b.part, 0) = 0 "
                + "on conflict (line_key) do nothing", fileName);
        for (long part : parts) {
            if (part != 0) {
                added += update(connection, "insert into payments_settlement_line_p" + part + " (" + TABLE_COLUMNS
                        + ", part) select " + columns + ", " + part + " from " + table + " l " + registered
                        + " where b.part = " + part + " and not exists (select 1 from payments_settlement_line_p" + part
                        + " x where x.line_key = l.line_key)", fileName);
            }
        }
        return added;
    }

    private static long update(Connection connection, String statement, String fileName) throws SQLException {
        try (java.sql.PreparedStatement insert = connection.prepareStatement(statement)) {
            insert.setString(1, fileName);
            return insert.executeLargeUpdate();
        }
    }
}
