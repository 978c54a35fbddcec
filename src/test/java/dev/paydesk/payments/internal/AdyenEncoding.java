package dev.paydesk.payments.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Runs an Adyen settlement file through {@link FastCsvRecords} and {@link AdyenLineEncoder} into rows of values. */
final class AdyenEncoding {

    /** The rows written, the lines refused (number: message) and how many rows took the byte path. */
    record Encoded(List<List<Object>> rows, List<String> errors, long plainRows) {
    }

    private AdyenEncoding() {
    }

    /** Encodes every record of {@code file} (batch "42" for the file), through the strings only when asked. */
    static Encoded encode(byte[] file, boolean stringsOnly) throws Exception {
        ListSink sink = new ListSink();
        List<String> errors = new ArrayList<>();
        try (FastCsvRecords records = new FastCsvRecords(new ByteArrayInputStream(file))) {
            AdyenLineEncoder encoder = new AdyenLineEncoder(records.header(), "42");
            if (stringsOnly) {
                encoder.stringsOnly();
            }
            while (records.advance()) {
                int line = (int) records.recordNumber() + 1;
                try {
                    encoder.encode(records, line, sink);
                } catch (MalformedPayloadException e) {
                    errors.add(line + ": " + e.getMessage());
                }
            }
            return new Encoded(sink.rows, errors, encoder.plainRows());
        }
    }

    /** Keeps each row's fields as values. */
    private static final class ListSink implements RowSink {
        final List<List<Object>> rows = new ArrayList<>();
        private List<Object> row;

        @Override
        public void row(int fields) {
            row = new ArrayList<>(fields);
            rows.add(row);
        }

        @Override
        public void nullField() {
            row.add(null);
        }

        @Override
        public void text(byte[] bytes, int from, int to) {
            row.add(new String(Arrays.copyOfRange(bytes, from, to), StandardCharsets.UTF_8));
        }

        @Override
        public void text(@Nullable String value) {
            row.add(value);
        }

        @Override
        public void int4(int value) {
            row.add(value);
        }

        @Override
        public void int8(long value) {
            row.add(value);
        }

        @Override
        public void uuid(long mostSignificant, long leastSignificant) {
            row.add(new UUID(mostSignificant, leastSignificant));
        }

        @Override
        public void timestampSeconds(long epochSecond) {
            row.add(Instant.ofEpochSecond(epochSecond));
        }

        @Override
        public void timestamp(@Nullable Instant value) {
            row.add(value);
        }
    }
}
