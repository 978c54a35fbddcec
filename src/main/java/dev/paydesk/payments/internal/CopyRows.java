package dev.paydesk.payments.internal;

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
 * Reads the rows of {@code COPY (select …) TO STDOUT (FORMAT binary)} and decodes the fields straight
 * from the bytes, instead of a ResultSet's per-column decoding. The binary format costs the server
 * no output function per field (a time is its 8-byte microsecond count, a UUID its 16 bytes, text
 * its bytes without escapes), which for a million wide rows is most of the read's time in the
 * database. Each message holds one or more tuples: a 16-bit field count (-1 ends the copy), then per
 * field a 32-bit length (-1 for null) and the bytes; the first message starts with the format's
 * header. Low-cardinality columns (provider, currency, kind...) can be read as one shared String per
 * distinct value.
 * <p>
 * Field types the accessors read: {@code text}/{@code char}/{@code varchar} ({@link #text},
 * {@link #shared}), {@code bigint}/{@code integer} ({@link #number}), {@code timestamptz}
 * ({@link #instant}), {@code uuid} ({@link #uuid}) and {@code boolean} ({@link #bool}); any other
 * type (numeric) must be cast to one of them in the select.
 */
final class CopyRows {

    /** Receives one row at a time; the row's fields are valid only during the call. */
    interface RowHandler {
        void row(CopyRows row) throws SQLException;
    }

    /** "PGCOPY\n\377\r\n\0", then 32-bit flags and the 32-bit length of a header extension. */
    private static final int HEADER = 11 + 4 + 4;
    /** Microseconds from 1970-01-01 (Java's epoch) to 2000-01-01 (PostgreSQL's). */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private final int[] start;
    private final int[] length;
    private final SharedStrings strings = new SharedStrings(StandardCharsets.UTF_8);
    private byte[] data = new byte[0];

    private CopyRows(int columns) {
        this.start = new int[columns];
        this.length = new int[columns];
    }

    /** Runs {@code select} as a binary COPY on {@code connection} and hands each row to {@code handler}; returns the row count. */
    static long copy(Connection connection, String select, int columns, RowHandler handler) throws SQLException {
        CopyOut out = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyOut("copy (" + select + ") to stdout (format binary)");
        CopyRows row = new CopyRows(columns);
        long rows = 0;
        boolean first = true;
        try {
            for (byte[] bytes = out.readFromCopy(); bytes != null; bytes = out.readFromCopy()) {
                int at = 0;
                if (first) {
                    at = HEADER + int32(bytes, HEADER - 4);
                    first = false;
                }
                row.data = bytes;
                while (at < bytes.length) {
                    at = row.split(at);
                    if (at < 0) {
                        break;
                    }
                    handler.row(row);
                    rows++;
                }
            }
        } finally {
            if (out.isActive()) {
                out.cancelCopy();
            }
        }
        return rows;
    }

    /** Reads the tuple at {@code at}; returns where the next one starts, or -1 at the copy's trailer. */
    private int split(int at) {
        int fields = (short) (((data[at] & 0xff) << 8) | (data[at + 1] & 0xff));
        if (fields == -1) {
            return -1;
        }
        if (fields != start.length) {
            throw new IllegalStateException("COPY row has " + fields + " fields, expected " + start.length);
        }
        at += 2;
        for (int column = 0; column < fields; column++) {
            int size = int32(data, at);
            at += 4;
            start[column] = at;
            length[column] = size;
            if (size > 0) {
                at += size;
            }
        }
        return at;
    }

    private static int int32(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8)
                | (bytes[at + 3] & 0xff);
    }

    private long int64(int at) {
        return ((long) int32(data, at) << 32) | (int32(data, at + 4) & 0xffffffffL);
    }

    boolean isNull(int column) {
        return length[column] < 0;
    }

    @Nullable String text(int column) {
        if (isNull(column)) {
            return null;
        }
        return new String(data, start[column], length[column], StandardCharsets.UTF_8);
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
        return strings.get(data, start[column], length[column]);
    }

    boolean bool(int column) {
        return length[column] == 1 && data[start[column]] != 0;
    }

    /** A {@code bigint} or {@code integer} field. */
    long number(int column) {
        return switch (length[column]) {
            case 8 -> int64(start[column]);
            case 4 -> int32(data, start[column]);
            case 2 -> (short) (((data[start[column]] & 0xff) << 8) | (data[start[column] + 1] & 0xff));
            default -> throw new IllegalStateException("COPY field " + column + " is not an integer ("
                    + length[column] + " bytes)");
        };
    }

    @Nullable Long numberOrNull(int column) {
        return isNull(column) ? null : number(column);
    }

    long numberOrZero(int column) {
        return isNull(column) ? 0 : number(column);
    }

    /** A {@code timestamptz} field: microseconds since 2000-01-01 UTC. */
    @Nullable Instant instant(int column) {
        if (isNull(column)) {
            return null;
        }
        long micros = int64(start[column]) + POSTGRES_EPOCH_MICROS;
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** A {@code uuid} field: its 16 bytes. */
    UUID uuid(int column) {
        if (length[column] != 16) {
            throw new IllegalStateException("COPY field " + column + " is not a uuid");
        }
        return new UUID(int64(start[column]), int64(start[column] + 8));
    }
}
