package dev.paydesk.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A text file's bytes with card numbers redacted line by line ({@link PanBoundary#file}). A card
 * number never spans a line, so each complete line is judged on its own; a line longer than the
 * window is cut where no digit run is open. Lines without 13 digits are copied as they are.
 */
final class PanRedactingInputStream extends InputStream {

    private static final int WINDOW = 1 << 16;
    private static final int LONGEST_LINE = 1 << 22;

    private final InputStream in;
    private final PanBoundary boundary;
    private byte[] pending = new byte[0];
    private int pendingLength;
    private byte[] out = new byte[0];
    private int outPos;
    private boolean eof;

    PanRedactingInputStream(InputStream in, PanBoundary boundary) {
        this.in = in;
        this.boundary = boundary;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (outPos >= out.length) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, out.length - outPos);
        System.arraycopy(out, outPos, b, off, n);
        outPos += n;
        return n;
    }

    /** Reads on until there is output; false at the end. */
    private boolean fill() throws IOException {
        if (eof && pendingLength == 0) {
            return false;
        }
        if (!eof) {
            if (pending.length - pendingLength < WINDOW) {
                pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + WINDOW));
            }
            int n = in.read(pending, pendingLength, WINDOW);
            if (n < 0) {
                eof = true;
            } else {
                pendingLength += n;
            }
        }
        int cut = eof ? pendingLength : cut();
        if (cut <= 0) {
            out = new byte[0];
            outPos = 0;
            return true;
        }
        out = redact(pending, cut);
        outPos = 0;
        System.arraycopy(pending, cut, pending, 0, pendingLength - cut);
        pendingLength -= cut;
        return true;
    }

    /** After the last line break; in an overlong line, before the last byte that cannot be part of a card number. */
    private int cut() {
        for (int i = pendingLength - 1; i >= 0; i--) {
            if (pending[i] == '\n') {
                return i + 1;
            }
        }
        if (pendingLength < LONGEST_LINE) {
            return 0;
        }
        for (int i = pendingLength - 1; i >= 0; i--) {
            byte c = pending[i];
            if (!(c >= '0' && c <= '9') && c != ' ' && c != '-' && c != '.') {
                return i + 1;
            }
        }
        return pendingLength;
    }

    private byte[] redact(byte[] bytes, int length) {
        int digits = 0;
        for (int i = 0; i < length && digits < 13; i++) {
            if (bytes[i] >= '0' && bytes[i] <= '9') {
                digits++;
            }
        }
        if (digits < 13) {
            return Arrays.copyOf(bytes, length);
        }
        String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        String redacted = boundary.file(text);
        return redacted == text ? Arrays.copyOf(bytes, length) : redacted.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
