package dev.paydesk.payments.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import dev.paydesk.shared.SharedStrings;

/**
 * Reads the rows of {@code COPY (select …) TO STDOUT} (PostgreSQL's text format: tab-separated,
 * {@code \N} for null, backslash escapes, one CopyData message per row) and decodes the fields
 * straight from the bytes, instead of a ResultSet's per-column decoding. Low-cardinality columns
 * (provider, currency, kind...) can be read as one shared String per distinct value.
 */
final class CopyRows {

    /** Receives one row at a time; the row's fields are valid only during the call. */
    interface RowHandler {
        void row(CopyRows row) throws SQLException;
    }

    private final int[] start;
    private final int[] end;
    private final SharedStrings strings = new SharedStrings(StandardCharsets.UTF_8);
    private byte[] data = new byte[0];

    private CopyRows(int columns) {
        this.start = new int[columns];
        this.end = new int[columns];
    }

    /** Runs {@code select} as a COPY on {@code connection} and hands each row to {@code handler}; returns the row count. */
    static long copy(Connection connection, String select, int columns, RowHandler handler) throws SQLException {
        CopyOut out = connection.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (" + select + ") to stdout");
        CopyRows row = new CopyRows(columns);
        long rows = 0;
        try {
            for (byte[] bytes = out.readFromCopy(); bytes != null; bytes = out.readFromCopy()) {
                row.split(bytes);
                handler.row(row);
                rows++;
            }
        } finally {
            if (out.isActive()) {
                out.cancelCopy();
            }
        }
        return rows;
    }

    private void split(byte[] bytes) {
        data = bytes;
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\n') {
            length--;
        }
        int column = 0;
        start[0] = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\t') {
                end[column++] = i;
                start[column] = i + 1;
            }
        }
        end[column] = length;
        if (column != start.length - 1) {
            throw new IllegalStateException("COPY row has " + (column + 1) + " fields, expected " + start.length);
        }
    }

    boolean isNull(int column) {
        return end[column] - start[column] == 2 && data[start[column]] == '\\' && data[start[column] + 1] == 'N';
    }

    @Nullable String text(int column) {
        if (isNull(column)) {
            return null;
        }
        int from = start[column];
        int to = end[column];
        for (int i = from; i < to; i++) {
            if (data[i] == '\\') {
                return unescape(from, to);
            }
        }
        return new String(data, from, to - from, StandardCharsets.UTF_8);
    }

    String required(int column) {
        String value = text(column);
        if (value == null) {
            throw new IllegalStateException("COPY field " + column + " is null");
        }
        return value;
    }

    /** Low-cardinality text (provider, currency, status...): one String per distinct value, found without allocating. */
    @Nullable String shared(int column) {
        if (isNull(column)) {
            return null;
        }
        for (int i = start[column]; i < end[column]; i++) {
            if (data[i] == '\\') {
                return text(column);
            }
        }
        return strings.get(data, start[column], end[column] - start[column]);
    }

    boolean bool(int column) {
        return end[column] - start[column] == 1 && data[start[column]] == 't';
    }

    long number(int column) {
        int from = start[column];
        int to = end[column];
        boolean negative = data[from] == '-';
        long value = 0;
        for (int i = negative ? from + 1 : from; i < to; i++) {
            value = value * 10 + (data[i] - '0');
        }
        return negative ? -value : value;
    }

    @Nullable Long numberOrNull(int column) {
        return isNull(column) ? null : number(column);
    }

    long numberOrZero(int column) {
        return isNull(column) ? 0 : number(column);
    }

    /** A time sent as microseconds since the epoch (see {@link #MICROS}). */
    @Nullable Instant instant(int column) {
        if (isNull(column)) {
            return null;
        }
        long micros = number(column);
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** SQL that sends timestamptz column {@code column} as microseconds since the epoch, for {@link #instant}. */
    static String micros(String column) {
        return "(extract(epoch from " + column + ") * 1000000)::bigint";
    }

    UUID uuid(int column) {
        int from = start[column];
        if (end[column] - from != 36) {
            return UUID.fromString(required(column));
        }
        long most = (hex(from, 8) << 32) | (hex(from + 9, 4) << 16) | hex(from + 14, 4);
        long least = (hex(from + 19, 4) << 48) | hex(from + 24, 12);
        return new UUID(most, least);
    }

    private long hex(int from, int digits) {
        long value = 0;
        for (int i = from; i < from + digits; i++) {
            int c = data[i];
            int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
            value = (value << 4) | d;
        }
        return value;
    }

    private String unescape(int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = data[i];
            if (b != '\\' || i + 1 >= to) {
                out.write(b);
                continue;
            }
            byte next = data[++i];
            switch (next) {
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(0x0b);
                case 'x' -> {
                    int value = 0;
                    int digits = 0;
                    while (digits < 2 && i + 1 < to && Character.digit(data[i + 1], 16) >= 0) {
                        value = value * 16 + Character.digit(data[++i], 16);
                        digits++;
                    }
                    out.write(value);
                }
                default -> {
                    if (next >= '0' && next <= '7') {
                        int value = next - '0';
                        int digits = 1;
                        while (digits < 3 && i + 1 < to && data[i + 1] >= '0' && data[i + 1] <= '7') {
                            value = value * 8 + (data[++i] - '0');
                            digits++;
                        }
                        out.write(value);
                    } else {
                        out.write(next);
                    }
                }
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
