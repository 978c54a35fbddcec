package dev.paydesk.payments.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.MoneyParser;

/**
 * Turns the records of an Adyen Settlement details report into settlement-line rows for a COPY.
 *
 * <p>Each line's key is the name-based (MD5) UUID of its merchant account, batch and values, with an
 * occurrence number for a value-identical repeat within the file, so a re-imported file gives the
 * same keys. A plain record (see {@link FastCsvRecords}) whose fields are all in their usual shape is
 * read straight from its bytes: its values joined by commas are the line itself, so the key hashes
 * the bytes without making a string. Anything else, including every record with a problem, goes
 * through {@link SettlementLineParser} on the record's strings, which decides the values and the
 * error message; both ways give the same row (a test holds them to that).
 */
final class AdyenLineEncoder {

    /** Fields per row, in the order of {@link #COLUMNS}. */
    static final String COLUMNS = "line_key, merchant_account, batch, line_number, psp_reference, merchant_reference, "
            + "modification_reference, payment_method, record_type, booked_at, gross_currency, gross_debit_minor, "
            + "gross_credit_minor, net_currency, net_debit_minor, net_credit_minor, fees_minor";
    private static final int FIELDS = 17;
    private static final long NOT_PLAIN = SettlementLineParser.NOT_PLAIN;

    /** A merchant account and settlement batch seen in the file. */
    record Batch(String merchantAccount, @Nullable String batch) {
    }

    private final SettlementLineParser.Columns c;
    private final @Nullable String fileBatch;
    private final MessageDigest md5;
    private final Set<Batch> batches = new LinkedHashSet<>();
    private final KeySet seen = new KeySet();
    private final Map<UUID, Integer> repeats = new HashMap<>();
    private final Map<String, Integer> currencyDigits = new HashMap<>();
    private final StringBuilder identity = new StringBuilder(256);
    private boolean allowPlain = true;
    private long plainRows;
    private long encoded;

    // the last merchant account / batch seen on a plain record, and the key prefix they make
    private byte[] lastAccount = new byte[0];
    private @Nullable String lastAccountText;
    private @Nullable String lastBatch;
    private byte[] prefix = new byte[0];
    // the last time zone seen on a plain record, and its offset (null: leave it to the parser)
    private byte[] lastZone = new byte[0];
    private @Nullable Integer lastZoneOffset;
    // the last currency code and batch column seen on a plain record
    private byte[] lastCurrency = new byte[0];
    private int lastCurrencyDigits;
    private byte[] lastBatchBytes = new byte[0];
    private @Nullable String lastBatchText;

    AdyenLineEncoder(Map<String, Integer> header, @Nullable String fileBatch) {
        this.c = new SettlementLineParser.Columns(header);
        this.fileBatch = fileBatch;
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }

    /** For tests: read every record through the parser's strings. */
    AdyenLineEncoder stringsOnly() {
        allowPlain = false;
        return this;
    }

    /** How many rows were read straight from their bytes. */
    long plainRows() {
        return plainRows;
    }

    /** The merchant accounts and batches of the rows written so far. */
    Set<Batch> batches() {
        return batches;
    }

    /**
     * Writes the current record of {@code records} as one row; a record that cannot be read throws
     * {@link MalformedPayloadException} and writes nothing.
     */
    void encode(FastCsvRecords records, int lineNumber, RowSink out) throws SQLException {
        if ((++encoded & 4095) == 0) {
            forgetLastValues();
        }
        // a plain line longer than any field may be is left to the strings path, which checks each field
        if (!(allowPlain && records.plain() && records.lineEnd() - records.lineStart() <= Intake.MAX_TEXT
                && encodePlain(records, lineNumber, out))) {
            encodeStrings(records.values(), lineNumber, out);
        }
    }

    private void encodeStrings(String[] values, int lineNumber, RowSink out) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            // PostgreSQL text cannot hold a NUL, and the whole COPY would fail on it; lengths are bounded
            Intake.text("column " + (i + 1), values[i]);
        }
        SettlementLineParser.Line l = SettlementLineParser.parse(c, values, fileBatch);
        identity.setLength(0);
        identity.append(l.merchantAccount()).append('\u001f').append(l.batch()).append('\u001f');
        for (int i = 0; i < values.length; i++) {
            (i == 0 ? identity : identity.append(',')).append(values[i]);
        }
        byte[] digest = md5.digest(identity.toString().getBytes(StandardCharsets.UTF_8));
        noteBatch(l.merchantAccount(), l.batch());
        out.row(FIELDS);
        key(digest, out);
        out.text(l.merchantAccount());
        out.text(l.batch());
        out.int4(lineNumber);
        out.text(l.psp());
        out.text(l.merchantReference());
        out.text(l.modification());
        out.text(l.method());
        out.text(l.type());
        out.timestamp(l.bookedAt());
        out.text(l.grossCurrency());
        out.int8(l.grossDebit());
        out.int8(l.grossCredit());
        out.text(l.netCurrency());
        out.int8(l.netDebit());
        out.int8(l.netCredit());
        out.int8(l.fees());
    }

    /** The plain-record path; false (nothing written) when a field is not in its usual shape. */
    private boolean encodePlain(FastCsvRecords r, int lineNumber, RowSink out) throws SQLException {
        byte[] b = r.bytes();
        int n = r.fieldCount();
        if (empty(r, n, c.account) || empty(r, n, c.type)) {
            return false;
        }
        int grossDigits = digits(r, n, c.grossCurrency);
        int netDigits = digits(r, n, c.netCurrency);
        if (grossDigits == -2 || netDigits == -2) {
            return false;
        }
        long fees = 0;
        for (int column : new int[] {c.commission, c.markup, c.schemeFees, c.interchange}) {
            long fee = amount(r, n, column, netDigits);
            if (fee == NOT_PLAIN) {
                return false;
            }
            fees += fee == NULL_AMOUNT ? 0 : fee;
        }
        long grossDebit = amount(r, n, c.grossDebit, grossDigits);
        long grossCredit = amount(r, n, c.grossCredit, grossDigits);
        long netDebit = amount(r, n, c.netDebit, netDigits);
        long netCredit = amount(r, n, c.netCredit, netDigits);
        if (grossDebit == NOT_PLAIN || grossCredit == NOT_PLAIN || netDebit == NOT_PLAIN || netCredit == NOT_PLAIN) {
            return false;
        }
        long booked = NULL_AMOUNT;
        if (!empty(r, n, c.created)) {
            Integer offset = zoneOffset(r, n);
            booked = offset == null ? NOT_PLAIN : epochSecond(b, r.start(c.created), r.end(c.created), offset);
            if (booked == NOT_PLAIN) {
                return false;
            }
        }
        String batch = batch(r, n);
        String account = account(b, r.start(c.account), r.end(c.account), batch);
        md5.update(prefix);
        md5.update(b, r.lineStart(), r.lineEnd() - r.lineStart());
        byte[] digest = md5.digest();
        out.row(FIELDS);
        key(digest, out);
        out.text(account);
        out.text(batch);
        out.int4(lineNumber);
        field(r, n, c.psp, out);
        field(r, n, c.merchantReference, out);
        field(r, n, c.modification, out);
        field(r, n, c.method, out);
        field(r, n, c.type, out);
        if (booked == NULL_AMOUNT) {
            out.nullField();
        } else {
            out.timestampSeconds(booked);
        }
        field(r, n, c.grossCurrency, out);
        amountField(grossDebit, out);
        amountField(grossCredit, out);
        field(r, n, c.netCurrency, out);
        amountField(netDebit, out);
        amountField(netCredit, out);
        out.int8(fees);
        plainRows++;
        return true;
    }

    /**
     * Forgets the remembered account, batch, zone and currency now and then: a new file starts with
     * values unlike the last file's, and the compiled code should have seen that happen before rather
     * than be thrown away at the first row of every file.
     */
    private void forgetLastValues() {
        lastAccountText = null;
        lastBatchText = null;
        lastZone = new byte[0];
        lastCurrency = new byte[0];
    }

    /** Writes the key of a digest: the first occurrence is the name-based UUID, a repeat one derived from it. */
    private void key(byte[] digest, RowSink out) throws SQLException {
        digest[6] = (byte) ((digest[6] & 0x0f) | 0x30);
        digest[8] = (byte) ((digest[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (digest[i] & 0xff);
            lsb = (lsb << 8) | (digest[8 + i] & 0xff);
        }
        if (!seen.add(msb, lsb)) {
            UUID hash = new UUID(msb, lsb);
            int occurrence = repeats.merge(hash, 2, (a, one) -> a + 1);
            UUID repeat = UUID.nameUUIDFromBytes((hash + "#" + occurrence).getBytes(StandardCharsets.UTF_8));
            msb = repeat.getMostSignificantBits();
            lsb = repeat.getLeastSignificantBits();
        }
        out.uuid(msb, lsb);
    }

    private void noteBatch(String account, @Nullable String batch) {
        batches.add(new Batch(account, batch));
    }

    /** The account as a string, reusing the last one (and its key prefix) while the account and batch repeat. */
    private String account(byte[] b, int from, int to, @Nullable String batch) {
        if (lastAccountText == null || !same(b, from, to, lastAccount)
                || batch != lastBatch && !java.util.Objects.equals(batch, lastBatch)) {
            lastAccount = Arrays.copyOfRange(b, from, to);
            lastAccountText = new String(lastAccount, StandardCharsets.ISO_8859_1);
            lastBatch = batch;
            prefix = (lastAccountText + '\u001f' + batch + '\u001f').getBytes(StandardCharsets.UTF_8);
            noteBatch(lastAccountText, batch);
        }
        return lastAccountText;
    }

    /** Fraction digits of the currency in {@code column}: -1 for an empty field, -2 for an unknown code. */
    private int digits(FastCsvRecords r, int n, int column) {
        if (empty(r, n, column)) {
            return -1;
        }
        byte[] b = r.bytes();
        int from = r.start(column);
        int to = r.end(column);
        if (!same(b, from, to, lastCurrency)) {
            lastCurrency = Arrays.copyOfRange(b, from, to);
            lastCurrencyDigits = currencyDigits.computeIfAbsent(new String(lastCurrency, StandardCharsets.ISO_8859_1), k -> {
                try {
                    return Math.max(MoneyParser.currency("currency", k).getDefaultFractionDigits(), 0);
                } catch (InvalidInputException e) {
                    return -2;
                }
            });
        }
        return lastCurrencyDigits;
    }

    /** The batch column's value (the last one's string while it repeats), or the file's batch when it is empty. */
    private @Nullable String batch(FastCsvRecords r, int n) {
        if (empty(r, n, c.batch)) {
            return fileBatch;
        }
        byte[] b = r.bytes();
        int from = r.start(c.batch);
        int to = r.end(c.batch);
        if (lastBatchText == null || !same(b, from, to, lastBatchBytes)) {
            lastBatchBytes = Arrays.copyOfRange(b, from, to);
            lastBatchText = new String(lastBatchBytes, StandardCharsets.ISO_8859_1);
        }
        return lastBatchText;
    }

    private static final long NULL_AMOUNT = Long.MIN_VALUE + 1;

    /** An amount in minor units; {@link #NULL_AMOUNT} for an empty field, {@link #NOT_PLAIN} for the parser to decide. */
    private static long amount(FastCsvRecords r, int n, int column, int digits) {
        if (empty(r, n, column)) {
            return NULL_AMOUNT;
        }
        return digits < 0 ? NOT_PLAIN : SettlementLineParser.plainMinor(r.bytes(), r.start(column), r.end(column), digits);
    }

    private static void amountField(long amount, RowSink out) throws SQLException {
        if (amount == NULL_AMOUNT) {
            out.nullField();
        } else {
            out.int8(amount);
        }
    }

    /** The offset of the record's time zone when it is one of the parser's fixed abbreviations or empty; else null. */
    private @Nullable Integer zoneOffset(FastCsvRecords r, int n) {
        if (empty(r, n, c.zone)) {
            return 0;
        }
        byte[] b = r.bytes();
        int from = r.start(c.zone);
        int to = r.end(c.zone);
        if (!same(b, from, to, lastZone) || lastZone.length == 0) {
            lastZone = Arrays.copyOfRange(b, from, to);
            ZoneId id = SettlementLineParser.ZONES.get(new String(lastZone, StandardCharsets.ISO_8859_1)
                    .toUpperCase(java.util.Locale.ROOT));
            lastZoneOffset = id instanceof ZoneOffset offset ? offset.getTotalSeconds() : null;
        }
        return lastZoneOffset;
    }

    /** {@code yyyy-MM-dd HH:mm:ss} at a fixed offset, in epoch seconds; {@link #NOT_PLAIN} for anything else. */
    private static long epochSecond(byte[] b, int from, int to, int offsetSeconds) {
        if (to - from != 19 || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 10] != ' ' || b[from + 13] != ':'
                || b[from + 16] != ':') {
            return NOT_PLAIN;
        }
        int year = number(b, from, 4);
        int month = number(b, from + 5, 2);
        int day = number(b, from + 8, 2);
        int hour = number(b, from + 11, 2);
        int minute = number(b, from + 14, 2);
        int second = number(b, from + 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return NOT_PLAIN;
        }
        try {
            return LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second
                    - offsetSeconds;
        } catch (DateTimeException e) {
            return NOT_PLAIN;
        }
    }

    private static int number(byte[] b, int from, int digits) {
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            value = value * 10 + (b[i] - '0');
        }
        return value;
    }

    /** Whether bytes {@code from} to {@code to} of {@code b} are {@code value} (a short field: a plain loop beats a call). */
    private static boolean same(byte[] b, int from, int to, byte[] value) {
        if (to - from != value.length) {
            return false;
        }
        for (int i = 0; i < value.length; i++) {
            if (b[from + i] != value[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean empty(FastCsvRecords r, int n, int column) {
        return column < 0 || column >= n || r.end(column) == r.start(column);
    }

    private static void field(FastCsvRecords r, int n, int column, RowSink out) throws SQLException {
        if (empty(r, n, column)) {
            out.nullField();
        } else {
            out.text(r.bytes(), r.start(column), r.end(column));
        }
    }

    /**
     * A set of 128-bit keys, never both halves zero (a name-based UUID has version bits), by open
     * addressing over one array of pairs: a million keys without a million objects, one cache line a probe.
     */
    static final class KeySet {
        private long[] pairs = new long[2 << 16];
        private int size;

        /** Adds the key; false when it was already there. */
        boolean add(long msb, long lsb) {
            if (size * 4 >= pairs.length) {
                grow();
            }
            int mask = (pairs.length >> 1) - 1;
            int i = (int) mix(msb ^ lsb) & mask;
            while (true) {
                long h = pairs[2 * i];
                long l = pairs[2 * i + 1];
                if (h == 0 && l == 0) {
                    pairs[2 * i] = msb;
                    pairs[2 * i + 1] = lsb;
                    size++;
                    return true;
                }
                if (h == msb && l == lsb) {
                    return false;
                }
                i = (i + 1) & mask;
            }
        }

        private void grow() {
            long[] old = pairs;
            pairs = new long[old.length * 2];
            size = 0;
            for (int i = 0; i < old.length; i += 2) {
                if (old[i] != 0 || old[i + 1] != 0) {
                    add(old[i], old[i + 1]);
                }
            }
        }

        private static long mix(long x) {
            x ^= x >>> 33;
            x *= 0xff51afd7ed558ccdL;
            x ^= x >>> 33;
            return x;
        }
    }
}
