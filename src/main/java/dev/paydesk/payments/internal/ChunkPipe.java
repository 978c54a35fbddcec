package dev.paydesk.payments.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands text from a producer thread to a consumer as whole chunks (java.io's piped streams move one
 * character at a time under a lock, far too slow for a million-row COPY).
 */
final class ChunkPipe extends Reader {

    private static final String END = new String("END");

    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(16);
    private String current = "";
    private int position;
    private boolean finished;
    private volatile boolean closed;

    /** Hands over a chunk; fails instead of waiting forever when the consumer has given up. */
    void put(String chunk) throws IOException {
        try {
            while (!queue.offer(chunk, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new IOException("the consumer stopped reading");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing over a chunk");
        }
    }

    private boolean ended;

    /** Marks the end of the text (once; later calls do nothing). */
    void finish() throws IOException {
        if (!closed && !ended) {
            ended = true;
            put(END);
        }
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (finished) {
            return -1;
        }
        while (position >= current.length()) {
            String next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for a chunk");
            }
            if (next == END) {
                finished = true;
                return -1;
            }
            current = next;
            position = 0;
        }
        int n = Math.min(length, current.length() - position);
        current.getChars(position, position + n, buffer, offset);
        position += n;
        return n;
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
    }
}
