package dev.paydesk.reconciliation.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * The baseline: the same keys and detectors written as SQL and run by DuckDB in this process over
 * the same two files. It covers the record shapes the generator writes (provider, merchant and
 * remittance references; captures, refunds and their reversals, disputes, chargebacks, bank
 * credits) with the benchmark's thresholds, and returns {@code TYPE|scope} like the engine's findings.
 */
final class DuckDbBaseline {

    private DuckDbBaseline() {
    }

    static Set<String> run(Path merchantFile, Path settlementFile, long now, long duplicateWindowSeconds,
                           int refundBusinessDays, int missingSettlementDays) throws Exception {
        Class.forName("org.duckdb.DuckDBDriver");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SET preserve_insertion_order = false");
            String[] script = script(merchantFile, settlementFile, now, duplicateWindowSeconds, refundBusinessDays,
                    missingSettlementDays);
            if (!Boolean.getBoolean("paydesk.bench.duckdb-steps")) {
                script = singleQuery(script); // one query lets DuckDB plan across the steps: faster than materialising each
            }
            for (String sql : script) {
                long start = System.nanoTime();
                st.execute(sql);
                if (Boolean.getBoolean("paydesk.bench.verbose")) {
                    System.err.printf("duckdb %6.0f ms  %s%n", (System.nanoTime() - start) / 1e6,
                            sql.strip().lines().findFirst().orElse(""));
                }
            }
            Set<String> found = new HashSet<>();
            try (ResultSet rs = st.executeQuery("SELECT type || '|' || scope FROM findings")) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        }
    }

    private static final java.util.regex.Pattern STEP =
            java.util.regex.Pattern.compile("CREATE TABLE (\\w+) AS\\s+(.*)", java.util.regex.Pattern.DOTALL);

    /** The same script with every step after loading the files as one query of common table expressions. */
    static String[] singleQuery(String[] script) {
        StringBuilder with = new StringBuilder("CREATE TABLE findings AS WITH ");
        String last = "";
        for (int i = 2; i < script.length; i++) {
            java.util.regex.Matcher m = STEP.matcher(script[i].strip());
            if (!m.matches()) {
                throw new IllegalStateException("not a CREATE TABLE step: " + script[i]);
            }
            if (m.group(1).equals("findings")) {
                last = m.group(2);
            } else {
                with.append(with.length() > "CREATE TABLE findings AS WITH ".length() ? ",\n" : "")
                        .append(m.group(1)).append(" AS (").append(m.group(2)).append(")");
            }
        }
        return new String[] {script[0], script[1], with.append("\n").append(last).toString()};
    }

    private static String[] script(Path m, Path s, long now, long window, int refundDays, int missingDays) {
        String merchant = m.toAbsolutePath().toString().replace("'", "''");
        String settlement = s.toAbsolutePath().toString().replace("'", "''");
        return new String[] {
            """
            CREATE TABLE m AS SELECT * FROM read_csv('%s', header = true, auto_detect = false, columns = {
              'record_type': 'VARCHAR', 'merchant_reference': 'VARCHAR', 'refund_reference': 'VARCHAR',
              'market': 'VARCHAR', 'customer_reference': 'VARCHAR', 'amount_minor': 'BIGINT',
              'captured_minor': 'BIGINT', 'currency': 'VARCHAR', 'method': 'VARCHAR', 'provider': 'VARCHAR',
              'psp_reference': 'VARCHAR', 'ts': 'BIGINT'})""".formatted(merchant),
            """
            CREATE TABLE l AS SELECT *, abs(CASE WHEN gross_minor <> 0 THEN gross_minor ELSE net_minor + fee_minor END) AS amt,
              CASE record_type WHEN 'Settled' THEN 'CAPTURE' WHEN 'BankCredit' THEN 'BANK_CREDIT'
                WHEN 'Refunded' THEN 'REFUND' WHEN 'RefundedReversed' THEN 'REFUND_REVERSED'
                WHEN 'Chargeback' THEN 'CHARGEBACK' WHEN 'ChargebackReversed' THEN 'CHARGEBACK_REVERSED'
                WHEN 'NotificationOfChargeback' THEN 'DISPUTE' ELSE 'OTHER' END AS kind
            FROM read_csv('%s', header = true, auto_detect = false, columns = {
              'line_id': 'VARCHAR', 'provider': 'VARCHAR', 'batch': 'VARCHAR', 'psp_reference': 'VARCHAR',
              'merchant_reference': 'VARCHAR', 'modification_reference': 'VARCHAR', 'method': 'VARCHAR',
              'record_type': 'VARCHAR', 'booked_at': 'BIGINT', 'currency': 'VARCHAR', 'gross_minor': 'BIGINT',
              'net_minor': 'BIGINT', 'fee_minor': 'BIGINT'})""".formatted(settlement),
            "CREATE TABLE o AS SELECT merchant_reference AS ref, amount_minor AS due, currency, method FROM m WHERE record_type = 'ORDER'",
            """
            CREATE TABLE c AS SELECT psp_reference AS ref, merchant_reference AS order_ref, captured_minor AS amount, currency,
              method, provider, ts FROM m WHERE record_type = 'ORDER' AND psp_reference IS NOT NULL""",
            """
            CREATE TABLE r AS SELECT refund_reference AS ref, merchant_reference AS order_ref, amount_minor AS amount, ts
            FROM m WHERE record_type = 'REFUND_REQUEST'""",
            // key 1: provider reference (the modification reference, else the PSP reference, is a capture's reference)
            """
            CREATE TABLE k1 AS
            SELECT l.line_id, coalesce(c1.ref, c2.ref) AS cap_ref, coalesce(c1.order_ref, c2.order_ref) AS order_ref
            FROM l LEFT JOIN c c1 ON c1.ref = l.modification_reference
                   LEFT JOIN c c2 ON c2.ref = l.psp_reference
            WHERE l.kind IN ('CAPTURE', 'BANK_CREDIT') AND coalesce(c1.ref, c2.ref) IS NOT NULL""",
            // key 3: merchant reference to a still unmatched capture of the order, same amount, within the booking drift
            """
            CREATE TABLE k3 AS
            SELECT l.line_id, c.ref AS cap_ref, c.order_ref
            FROM l JOIN c ON c.order_ref = l.merchant_reference
            WHERE l.kind IN ('CAPTURE', 'BANK_CREDIT') AND l.amt = c.amount
              AND l.booked_at - c.ts <= 3 * 86400 AND c.ts - l.booked_at <= 86400
              AND NOT EXISTS (SELECT 1 FROM k1 WHERE k1.line_id = l.line_id)
              AND NOT EXISTS (SELECT 1 FROM k1 WHERE k1.cap_ref = c.ref)""",
            // key 4: an order reference inside the remittance text
            """
            CREATE TABLE rem AS
            SELECT t.line_id, min(t.tok) AS order_ref
            FROM (SELECT line_id, unnest(string_split_regex(merchant_reference, '[^A-Za-z0-9_/-]+')) AS tok
                  FROM l WHERE merchant_reference IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM o WHERE o.ref = l.merchant_reference)) t
            JOIN o ON o.ref = t.tok GROUP BY t.line_id""",
            """
            CREATE TABLE lm AS
            SELECT l.*, mm.cap_ref, coalesce(mm.order_ref, o3.ref, rem.order_ref, c5.order_ref) AS order_ref
            FROM l LEFT JOIN (SELECT * FROM k1 UNION ALL SELECT * FROM k3) mm ON mm.line_id = l.line_id
                   LEFT JOIN o o3 ON o3.ref = l.merchant_reference
                   LEFT JOIN rem ON rem.line_id = l.line_id
                   LEFT JOIN c c5 ON c5.ref = l.psp_reference
            WHERE l.kind <> 'OTHER'""",
            """
            CREATE TABLE settle AS
            SELECT lm.cap_ref, sum(CASE WHEN lm.currency = c.currency THEN lm.amt ELSE 0 END) AS settled
            FROM lm JOIN c ON c.ref = lm.cap_ref GROUP BY lm.cap_ref""",
            """
            CREATE TABLE f AS
            SELECT c.order_ref, 'CAPTURE' AS kind, c.ref, c.amount, c.currency, c.method, c.provider, c.ts,
                   c.method = 'bank_transfer' OR c.provider = 'BANK' AS bank
            FROM c
            UNION ALL
            SELECT order_ref, kind, coalesce(modification_reference, psp_reference, line_id), amt, currency, method,
                   provider, booked_at, kind = 'BANK_CREDIT' OR provider = 'BANK' OR method = 'bank_transfer'
            FROM lm WHERE cap_ref IS NULL AND order_ref IS NOT NULL""",
            """
            CREATE TABLE refunds AS
            SELECT f.*, EXISTS (SELECT 1 FROM f x WHERE x.order_ref = f.order_ref AND x.kind = 'REFUND_REVERSED'
                                AND x.ref = f.ref) AS failed
            FROM f WHERE kind = 'REFUND'""",
            """
            CREATE TABLE agg AS
            SELECT o.ref, o.due, o.currency,
              coalesce(sum(f.amount) FILTER (WHERE f.kind IN ('CAPTURE', 'BANK_CREDIT') AND f.currency = o.currency), 0) AS captured,
              count(*) FILTER (WHERE f.kind IN ('CAPTURE', 'BANK_CREDIT')) AS captures,
              coalesce(bool_and(f.bank) FILTER (WHERE f.kind IN ('CAPTURE', 'BANK_CREDIT')), o.method = 'bank_transfer') AS bank_only,
              min(CASE WHEN f.bank THEN 'bank_transfer' ELSE coalesce(f.method, 'null') END)
                FILTER (WHERE f.kind IN ('CAPTURE', 'BANK_CREDIT'))
                <> max(CASE WHEN f.bank THEN 'bank_transfer' ELSE coalesce(f.method, 'null') END)
                FILTER (WHERE f.kind IN ('CAPTURE', 'BANK_CREDIT')) AS two_methods,
              coalesce(sum(f.amount) FILTER (WHERE f.kind = 'CHARGEBACK' AND f.currency = o.currency), 0)
                - coalesce(sum(f.amount) FILTER (WHERE f.kind = 'CHARGEBACK_REVERSED' AND f.currency = o.currency), 0) AS charged_back,
              count(*) FILTER (WHERE f.kind = 'CHARGEBACK') AS chargebacks
            FROM o LEFT JOIN f ON f.order_ref = o.ref GROUP BY o.ref, o.due, o.currency, o.method""",
            """
            CREATE TABLE bal AS
            SELECT a.*, coalesce(rf.refunded, 0) AS refunded,
              a.captured - coalesce(rf.refunded, 0) - greatest(a.charged_back, 0) - a.due AS excess
            FROM agg a LEFT JOIN (SELECT order_ref, sum(amount) AS refunded FROM refunds WHERE NOT failed GROUP BY order_ref) rf
              ON rf.order_ref = a.ref""",
            """
            CREATE TABLE dup AS
            SELECT DISTINCT a.order_ref FROM f a JOIN f b ON a.order_ref = b.order_ref AND a.ref <> b.ref
            WHERE a.kind IN ('CAPTURE', 'BANK_CREDIT') AND b.kind IN ('CAPTURE', 'BANK_CREDIT') AND NOT a.bank AND NOT b.bank
              AND a.amount = b.amount AND a.currency = b.currency AND b.ts >= a.ts AND b.ts - a.ts <= %d""".formatted(window),
            """
            CREATE TABLE cal AS
            SELECT CAST(d AS DATE) AS day, sum(CASE WHEN isodow(d) <= 5 THEN 1 ELSE 0 END) OVER (ORDER BY d) AS idx
            FROM range(TIMESTAMP '2020-01-01', TIMESTAMP '2035-01-01', INTERVAL 1 DAY) t(d)""",
            """
            CREATE TABLE findings AS
            SELECT 'CURRENCY_MISMATCH' AS type, 'order:' || c.order_ref AS scope
              FROM lm JOIN c ON c.ref = lm.cap_ref WHERE lm.currency <> c.currency
            UNION ALL SELECT 'AMOUNT_MISMATCH', 'order:' || c.order_ref
              FROM c JOIN settle s ON s.cap_ref = c.ref WHERE s.settled > 0 AND s.settled <> c.amount
            UNION ALL SELECT 'MISSING_SETTLEMENT', 'order:' || c.order_ref FROM c
              WHERE NOT EXISTS (SELECT 1 FROM settle s WHERE s.cap_ref = c.ref) AND c.provider <> 'BANK'
                AND %1$d - c.ts > %2$d * 86400 AND c.provider IN (SELECT DISTINCT provider FROM l)
            UNION ALL SELECT 'UNMATCHED_SETTLEMENT', 'line:' || line_id FROM lm WHERE cap_ref IS NULL AND order_ref IS NULL
            UNION ALL SELECT 'FAILED_REFUND', 'order:' || x.order_ref FROM refunds x
              WHERE x.failed AND NOT EXISTS (SELECT 1 FROM refunds y WHERE y.order_ref = x.order_ref AND NOT y.failed
                                             AND y.ts >= x.ts AND y.amount >= x.amount)
            UNION ALL SELECT 'FAILED_REFUND', 'order:' || r.order_ref FROM r
              JOIN cal c1 ON c1.day = CAST(to_timestamp(r.ts) AS DATE) JOIN cal c2 ON c2.day = CAST(to_timestamp(%1$d) AS DATE)
              WHERE c2.idx - c1.idx > %3$d
                AND NOT EXISTS (SELECT 1 FROM refunds x WHERE x.order_ref = r.order_ref AND x.amount = r.amount)
            UNION ALL SELECT 'PAID_TWICE', 'order:' || ref FROM bal WHERE coalesce(two_methods, false) AND excess > 0
            UNION ALL SELECT 'BANK_TRANSFER_ABOVE_DUE', 'order:' || ref FROM bal
              WHERE bank_only AND captures > 0 AND NOT (coalesce(two_methods, false) AND excess > 0) AND excess > 0
            UNION ALL SELECT 'UNDERPAYMENT', 'order:' || ref FROM bal WHERE bank_only AND captures > 0 AND due - captured > 0
            UNION ALL SELECT 'DUPLICATE_CAPTURE', 'order:' || ref FROM bal
              WHERE NOT bank_only AND NOT (coalesce(two_methods, false) AND excess > 0) AND excess > 0 AND ref IN (SELECT order_ref FROM dup)
            UNION ALL SELECT 'CAPTURED_MORE_THAN_DUE', 'order:' || ref FROM bal
              WHERE NOT bank_only AND NOT (coalesce(two_methods, false) AND excess > 0) AND excess > 0 AND ref NOT IN (SELECT order_ref FROM dup)
            UNION ALL SELECT 'DOUBLE_LOSS', 'order:' || ref FROM bal
              WHERE chargebacks > 0 AND refunded > 0 AND refunded + charged_back - captured > 0
            UNION ALL SELECT 'REFUND_DURING_DISPUTE', 'order:' || x.order_ref FROM refunds x
              JOIN (SELECT order_ref, min(ts) AS opened FROM f WHERE kind IN ('DISPUTE', 'CHARGEBACK') GROUP BY order_ref) d
                ON d.order_ref = x.order_ref
              WHERE NOT x.failed AND x.ts >= d.opened AND x.ts < coalesce((SELECT min(y.ts) FROM f y
                WHERE y.order_ref = x.order_ref AND y.kind = 'CHARGEBACK_REVERSED' AND y.ts >= d.opened), 9223372036854775807)
            """.formatted(now, missingDays, refundDays)
        };
    }
}
