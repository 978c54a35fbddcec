package dev.paydesk.payments.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads RFC 4180 records with a header, giving exactly the values Commons CSV gives with
 * {@code RFC4180, header, ignoreSurroundingSpaces} (settlement line keys are hashes of those values, so
 * they must not change), but several times faster for the common case: a record on one line without
 * quotes is split on commas here; any record with a quote is handed to Commons CSV, joining physical
 * lines while a quoted field is still open.
 */
final class FastCsvRecords implements AutoCloseable {

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true)
            .setAllowMissingColumnNames(true).get();

    private final BufferedReader reader;
    private final Map<String, Integer> header;
    private final ArrayList<String> scratch = new ArrayList<>(32);
    private long recordNumber;

    FastCsvRecords(Reader in) throws IOException {
        this.reader = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
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
    String @Nullable [] next() throws IOException {
        String line = reader.readLine();
        if (line == null) {
            return null;
        }
        recordNumber++;
        if (line.indexOf('"') >= 0) {
            return quoted(line);
        }
        scratch.clear();
        int start = 0;
        int length = line.length();
        while (true) {
            int comma = line.indexOf(',', start);
            int end = comma < 0 ? length : comma;
            scratch.add(trimmed(line, start, end));
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        return scratch.toArray(new String[0]);
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

    private String[] quoted(String firstLine) throws IOException {
        StringBuilder text = new StringBuilder(firstLine);
        while (true) {
            try (CSVParser p = FORMAT.parse(new StringReader(text.toString()))) {
                List<CSVRecord> records = p.getRecords();
                if (records.size() == 1) {
                    return records.get(0).values();
                }
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                // a quoted field is still open: the record continues on the next line
            }
            String more = reader.readLine();
            if (more == null) {
                throw new MalformedCsvException("unterminated quoted field starting at record " + recordNumber);
            }
            text.append('\n').append(more);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** A file that cannot be split into records at all. */
    static final class MalformedCsvException extends IOException {
        MalformedCsvException(String message) {
            super(message);
        }
    }
}
