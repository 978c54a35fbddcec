package dev.paydesk.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/** A character stream with card numbers redacted line by line ({@link PanBoundary#file}). */
final class PanRedactingReader extends Reader {

    private final BufferedReader in;
    private final PanBoundary boundary;
    private String line = "";
    private int pos;
    private boolean eof;

    PanRedactingReader(Reader in, PanBoundary boundary) {
        this.in = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in, 1 << 16);
        this.boundary = boundary;
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pos >= line.length()) {
            if (eof || !next()) {
                return -1;
            }
        }
        int n = Math.min(len, line.length() - pos);
        line.getChars(pos, pos + n, buffer, off);
        pos += n;
        return n;
    }

    /** The next line with its own line break (a final line without one stays without). */
    private boolean next() throws IOException {
        StringBuilder raw = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            raw.append((char) c);
            if (c == '\n') {
                break;
            }
        }
        if (c < 0) {
            eof = true;
        }
        if (raw.isEmpty()) {
            return false;
        }
        line = boundary.file(raw.toString());
        pos = 0;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
