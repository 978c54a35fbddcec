package dev.paydesk.payments.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows in PostgreSQL's binary COPY format (a signature header, then per row a field count and
 * each field as a length and its bytes, then a -1 trailer) to a running {@code COPY ... FROM STDIN
 * (FORMAT binary)}, in large writes. Binary rows spare the server the text parsing of every number,
 * key and timestamp, which is most of a text COPY's cost.
 *
 * <p>Full buffers go to a sender thread that writes them to the connection, so the producer goes on
 * encoding while the socket is full and the server catches up; a few buffers in flight keep both busy.
 */
final class BinaryCopyWriter implements RowSink {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** Microseconds from the Unix epoch to PostgreSQL's, 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800L * 1_000_000L;

    private static final int BUFFER = 1 << 18;
    private static final int IN_FLIGHT = 8;
    private static final Chunk END = new Chunk(new byte[0], 0);

    private record Chunk(byte[] bytes, int length) {
    }

    private final CopyIn copy;
    private final java.util.concurrent.BlockingQueue<Chunk> full = new java.util.concurrent.ArrayBlockingQueue<>(IN_FLIGHT);
    private final java.util.concurrent.BlockingQueue<byte[]> free = new java.util.concurrent.ArrayBlockingQueue<>(IN_FLIGHT + 1);
    private final Thread sender;
    private volatile @Nullable SQLException failure;
    private volatile boolean abandoned;
    private byte[] buffer = new byte[BUFFER];
    private int position;

    BinaryCopyWriter(CopyIn copy) throws SQLException {
        this.copy = copy;
        for (int i = 0; i < IN_FLIGHT; i++) {
            free.add(new byte[BUFFER]);
        }
        this.sender = Thread.ofPlatform().name("copy-sender").daemon().start(this::send);
        raw(SIGNATURE, 0, SIGNATURE.length);
    }

    /**
     * The sender thread: writes chunks to the connection until the end marker. After a failure it
     * keeps taking chunks (and handing their buffers back) without writing, so the producer never
     * waits for a buffer that will not come back; the producer sees the failure at its next flush.
     */
    private void send() {
        while (true) {
            Chunk chunk;
            try {
                chunk = full.take();
            } catch (InterruptedException e) {
                failure = new SQLException("the COPY sender was interrupted", e);
                return;
            }
            if (chunk == END) {
                return;
            }
            if (failure == null && !abandoned) {
                try {
                    copy.writeToCopy(chunk.bytes(), 0, chunk.length());
                } catch (SQLException e) {
                    failure = e;
                } catch (RuntimeException | Error e) {
                    failure = new SQLException("writing to the COPY failed: " + e, e);
                }
            }
            free.add(chunk.bytes());
        }
    }

    /** Starts a row of {@code fields} fields. */
    @Override
    public void row(int fields) throws SQLException {
        room(2);
        buffer[position++] = (byte) (fields >>> 8);
        buffer[position++] = (byte) fields;
    }

    @Override
    public void nullField() throws SQLException {
        room(4);
        INT.set(buffer, position, -1);
        position += 4;
    }

    /** A text value given as bytes that are already UTF-8. */
    @Override
    public void text(byte[] bytes, int from, int to) throws SQLException {
        int length = to - from;
        room(4);
        INT.set(buffer, position, length);
        position += 4;
        raw(bytes, from, length);
    }

    @Override
    public void text(@Nullable String value) throws SQLException {
        if (value == null) {
            nullField();
        } else {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            text(bytes, 0, bytes.length);
        }
    }

    @Override
    public void int4(int value) throws SQLException {
        room(8);
        INT.set(buffer, position, 4);
        INT.set(buffer, position + 4, value);
        position += 8;
    }

    @Override
    public void int8(long value) throws SQLException {
        room(12);
        INT.set(buffer, position, 8);
        LONG.set(buffer, position + 4, value);
        position += 12;
    }

    @Override
    public void uuid(long mostSignificant, long leastSignificant) throws SQLException {
        room(20);
        INT.set(buffer, position, 16);
        LONG.set(buffer, position + 4, mostSignificant);
        LONG.set(buffer, position + 12, leastSignificant);
        position += 20;
    }

    /** A {@code timestamptz} at {@code epochSecond} (whole seconds). */
    @Override
    public void timestampSeconds(long epochSecond) throws SQLException {
        int8(epochSecond * 1_000_000L - POSTGRES_EPOCH_MICROS);
    }

    @Override
    public void timestamp(@Nullable Instant value) throws SQLException {
        if (value == null) {
            nullField();
        } else {
            int8(value.getEpochSecond() * 1_000_000L + value.getNano() / 1_000 - POSTGRES_EPOCH_MICROS);
        }
    }

    /** Ends the COPY; returns the rows the server stored. */
    long finish() throws SQLException {
        room(2);
        buffer[position++] = (byte) 0xff;
        buffer[position++] = (byte) 0xff;
        flush();
        stopSender(false);
        if (failure != null) {
            throw failure;
        }
        return copy.endCopy();
    }

    /** Abandons the COPY (the transaction is rolled back by the caller). */
    void cancel() {
        abandoned = true;
        stopSender(true);
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the connection is being given up on anyway
        }
    }

    /**
     * Sends the end marker (after the chunks in flight, or instead of them when {@code discard}) and
     * waits for the sender to finish, even when this thread is interrupted.
     */
    private void stopSender(boolean discard) {
        boolean interrupted = false;
        while (sender.isAlive()) {
            if (discard) {
                full.clear();
            }
            try {
                if (full.offer(END, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
                discard = true;
            }
        }
        while (sender.isAlive()) {
            try {
                sender.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void raw(byte[] bytes, int from, int length) throws SQLException {
        while (length > buffer.length - position) {
            int part = buffer.length - position;
            System.arraycopy(bytes, from, buffer, position, part);
            position += part;
            from += part;
            length -= part;
            flush();
        }
        System.arraycopy(bytes, from, buffer, position, length);
        position += length;
    }

    private void room(int bytes) throws SQLException {
        if (buffer.length - position < bytes) {
            flush();
        }
    }

    /** Hands the buffer to the sender and takes a free one (waiting while all are in flight). */
    private void flush() throws SQLException {
        if (failure != null) {
            throw failure;
        }
        if (position > 0) {
            try {
                Chunk chunk = new Chunk(buffer, position);
                while (!full.offer(chunk, 1, java.util.concurrent.TimeUnit.SECONDS)) {
                    if (!sender.isAlive()) {
                        throw failure != null ? failure : new SQLException("the COPY sender stopped");
                    }
                }
                byte[] next;
                while ((next = free.poll(1, java.util.concurrent.TimeUnit.SECONDS)) == null) {
                    if (!sender.isAlive()) {
                        throw failure != null ? failure : new SQLException("the COPY sender stopped");
                    }
                }
                buffer = next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while handing rows to the COPY", e);
            }
            position = 0;
        }
    }
}
