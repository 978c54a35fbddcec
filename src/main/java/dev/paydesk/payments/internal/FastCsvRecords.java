package dev.paydesk.payments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads RFC 4180 records with a header from UTF-8 bytes, giving exactly the values Commons CSV gives
 * with {@code RFC4180, header, ignoreSurroundingSpaces} (settlement line keys are hashes of those
 * values, so they must not change), but far faster for the common case.
 *
 * <p>A record that is one line of printable ASCII without quotes and without spaces around its
 * fields is <em>plain</em>: its fields are byte ranges of the line, read without making strings, and
 * its values joined by commas are the line's bytes themselves. Any other record is decoded and split
 * like Commons CSV does (quoted records by Commons CSV itself, joining physical lines while a quoted
 * field is still open, with the line break that was in the file). Lines end at {@code \n},
 * {@code \r\n} or a lone {@code \r}, as {@link java.io.BufferedReader#readLine()} has them.
 */
final class FastCsvRecords implements AutoCloseable {

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true)
            .setAllowMissingColumnNames(true).get();

    private final InputStream in;
    private byte[] buffer;
    private int position;
    private int limit;
    private boolean eof;

    private int lineStart;
    private int lineEnd;
    private boolean plain;
    private boolean printable;
    private int[] commas = new int[64];
    private int fieldCount;
    private String[] values;
    private final Map<String, Integer> header;
    private long recordNumber;

    FastCsvRecords(InputStream in) throws IOException {
        this(in, 1 << 20);
    }

    /** With a given first buffer size (it grows to hold the longest line). */
    FastCsvRecords(InputStream in, int bufferSize) throws IOException {
        this.in = in;
        this.buffer = new byte[Math.max(bufferSize, 1)];
        String[] first = next();
        recordNumber = 0;
        if (first == null) {
            header = Map.of();
        } else {
            try (CSVParser p = FORMAT.builder().setHeader(first).get().parse(new StringReader(""))) {
                header = Collections.unmodifiableMap(p.getHeaderMap());
            }
        }
    }

    Map<String, Integer> header() {
        return header;
    }

    /** The number of the record last returned, 1 for the first after the header (as Commons CSV counts). */
    long recordNumber() {
        return recordNumber;
    }

    /** The next record's values, or null at the end. */
    String[] next() throws IOException {
        return advance() ? values() : null;
    }

    /** Moves to the next record; false at the end. */
    boolean advance() throws IOException {
        if (!nextLine()) {
            return false;
        }
        recordNumber++;
        values = null;
        plain = printable && noSpacesAroundFields();
        if (!plain) {
            String line = new String(buffer, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
            values = line.indexOf('"') >= 0 ? quoted(line) : split(line);
        }
        return true;
    }

    /** Whether the current record is plain (see the class comment) and its fields can be read as bytes. */
    boolean plain() {
        return plain;
    }

    /** The current record's values. */
    String[] values() {
        if (values == null) {
            String[] v = new String[fieldCount];
            for (int i = 0; i < fieldCount; i++) {
                v[i] = new String(buffer, start(i), end(i) - start(i), StandardCharsets.ISO_8859_1);
            }
            values = v;
        }
        return values;
    }

    /** For a plain record: the bytes holding the line (valid until the next {@link #advance()}). */
    byte[] bytes() {
        return buffer;
    }

    int lineStart() {
        return lineStart;
    }

    int lineEnd() {
        return lineEnd;
    }

    /** For a plain record: the number of fields. */
    int fieldCount() {
        return fieldCount;
    }

    /** For a plain record: where field {@code i} starts in {@link #bytes()}. */
    int start(int i) {
        return i == 0 ? lineStart : lineStart + commas[i - 1] + 1;
    }

    /** For a plain record: where field {@code i} ends (exclusive) in {@link #bytes()}. */
    int end(int i) {
        return i == fieldCount - 1 ? lineEnd : lineStart + commas[i];
    }

    /** Whether no field of the current line (printable ASCII) starts or ends with a space. */
    private boolean noSpacesAroundFields() {
        byte[] b = buffer;
        for (int f = 0; f < fieldCount; f++) {
            int s = start(f);
            int e = end(f);
            if (e > s && (b[s] == ' ' || b[e - 1] == ' ')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Finds the next physical line in the buffer, reading more as needed; false at the end of the input.
     * The same pass notes where the commas are and whether the line is printable ASCII without quotes.
     */
    private boolean nextLine() throws IOException {
        int scan = position;
        int n = 0;
        boolean ok = true;
        while (true) {
            byte[] b = buffer;
            int[] at = commas;
            int end = limit;
            int i = scan;
            for (; i < end; i++) {
                // eight bytes at a time while none of them is a quote, a control or a non-ASCII byte
                while (i + 8 <= end) {
                    long w = (long) LITTLE_ENDIAN_LONG.get(b, i);
                    long special = (w & HIGH) | (~((w & LOW7) + BELOW_SPACE) & HIGH) | zeroBytes(w ^ QUOTES)
                            | zeroBytes(w ^ DELETES);
                    long found = zeroBytes(w ^ COMMAS);
                    if (special != 0) {
                        found &= special ^ (special - 1); // only commas before the first special byte
                    }
                    while (found != 0) {
                        if (n == at.length) {
                            at = commas = Arrays.copyOf(at, n * 2);
                        }
                        at[n++] = i + (Long.numberOfTrailingZeros(found) >>> 3) - position;
                        found &= found - 1;
                    }
                    if (special != 0) {
                        i += Long.numberOfTrailingZeros(special) >>> 3;
                        break;
                    }
                    i += 8;
                }
                if (i == end) {
                    break;
                }
                byte c = b[i];
                if (c >= 0x20) { // bytes from 0x80 up are negative
                    if (c == ',') {
                        if (n == at.length) {
                            at = commas = Arrays.copyOf(at, n * 2);
                        }
                        at[n++] = i - position;
                    } else if (c == '"' || c == 0x7f) {
                        ok = false;
                    }
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 == end && !eof) {
                        break; // a \n may follow in the next read: look at this \r again after it
                    }
                    return line(i, c == '\r' && i + 1 < end && b[i + 1] == '\n' ? i + 2 : i + 1, n, ok);
                } else {
                    ok = false;
                }
            }
            scan = i;
            if (eof) {
                return position < limit && line(limit, limit, n, ok);
            }
            scan -= fill();
        }
    }

    private static final java.lang.invoke.VarHandle LITTLE_ENDIAN_LONG = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH = 0x8080808080808080L;
    private static final long LOW7 = 0x7f7f7f7f7f7f7f7fL;
    /** Added to each byte's low seven bits, sets the high bit exactly for those from 0x20 (space) up. */
    private static final long BELOW_SPACE = 0x6060606060606060L;
    private static final long COMMAS = 0x2c2c2c2c2c2c2c2cL;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long DELETES = 0x7f7f7f7f7f7f7f7fL;

    /** The high bit of each byte of {@code x} that is zero, and no other bit. */
    private static long zeroBytes(long x) {
        return ~(((x & LOW7) + LOW7) | x | LOW7);
    }

    private boolean line(int end, int next, int commaCount, boolean printable) {
        lineStart = position;
        lineEnd = end;
        position = next;
        fieldCount = commaCount + 1;
        this.printable = printable;
        return true;
    }

    /** Reads more input, moving the unread rest to the front first; returns how far that moved the bytes. */
    private int fill() throws IOException {
        int shift = position;
        if (shift > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
        return shift;
    }

    private static String[] split(String line) {
        java.util.ArrayList<String> fields = new java.util.ArrayList<>(32);
        int start = 0;
        int length = line.length();
        while (true) {
            int comma = line.indexOf(',', start);
            int end = comma < 0 ? length : comma;
            fields.add(trimmed(line, start, end));
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        return fields.toArray(new String[0]);
    }

    private static String trimmed(String line, int start, int end) {
        while (start < end && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return start == end ? "" : line.substring(start, end);
    }

    /** How many physical lines one quoted record may span before the file is taken as broken. */
    static final int MAX_LINES_PER_RECORD = 200;

    private String[] quoted(String firstLine) throws IOException {
        StringBuilder text = new StringBuilder(firstLine);
        for (int lines = 1; ; lines++) {
            if (lines > MAX_LINES_PER_RECORD) {
                // a stray quote would otherwise swallow (and re-read) the rest of the file
                throw new MalformedCsvException("a quoted field opened in record " + recordNumber + " is not closed within "
                        + MAX_LINES_PER_RECORD + " lines");
            }
            try (CSVParser p = FORMAT.parse(new StringReader(text.toString()))) {
                List<CSVRecord> records = p.getRecords();
                if (records.size() == 1) {
                    return records.get(0).values();
                }
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                // a quoted field is still open: the record continues on the next line
            }
            // the line break belongs to the quoted value, as it was in the file
            String lineBreak = new String(buffer, lineEnd, position - lineEnd, StandardCharsets.ISO_8859_1);
            if (!nextLine()) {
                throw new MalformedCsvException("unterminated quoted field starting at record " + recordNumber);
            }
            text.append(lineBreak).append(new String(buffer, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A file that cannot be split into records at all. */
    static final class MalformedCsvException extends IOException {
        MalformedCsvException(String message) {
            super(message);
        }
    }
}
