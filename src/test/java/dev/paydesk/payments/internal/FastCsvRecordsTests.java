package dev.paydesk.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The fast settlement reader must give exactly what Commons CSV gives (line keys are hashes of the
 * values): checked against Commons CSV itself on awkward input.
 */
class FastCsvRecordsTests {

    private static final String FILE = "A, B ,C,D\n"
            + "1,2,3,4\n"
            + "  spaced  ,\ttabbed\t,,\n"
            + "short,row\n"
            + "\n"
            + "\"quoted, with comma\",\"say \"\"hi\"\"\", plain ,\"\"\n"
            + "ab\"c,d,e,f\n"
            + "\"two\nlines\",x,y,z\n"
            + "last,1.00,-2.5,7\n";

    @Test
    void givesTheSameRecordsHeaderAndNumbersAsCommonsCsv() throws Exception {
        String crlf = FILE.replace("\n", "\r\n");
        String mixed = "A,B,C\r1,2,3\r\n\u00e9t\u00e9,\u20ac 5 ,x\n\r\nlast,\"q\r\nr\",9";
        for (String file : List.of(FILE, crlf, mixed, FILE + "no,newline,at,end")) {
            // every buffer size, fed a few bytes per read, so lines and \r\n pairs straddle reads
            for (int buffer : new int[] {1, 2, 3, 7, 64, 1 << 20}) {
                assertSameAsCommonsCsv(file, buffer);
            }
        }
    }

    private static void assertSameAsCommonsCsv(String file, int bufferSize) throws Exception {
        // a few bytes per read (lines straddle reads) and all at once (whole words for the fast scan)
        assertSameAsCommonsCsv(file, bufferSize, trickle(file));
        assertSameAsCommonsCsv(file, bufferSize,
                new java.io.ByteArrayInputStream(file.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static void assertSameAsCommonsCsv(String file, int bufferSize, java.io.InputStream in) throws Exception {
        List<String[]> fast = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        java.util.Map<String, Integer> header;
        try (FastCsvRecords records = new FastCsvRecords(in, bufferSize)) {
            header = records.header();
            for (String[] v = records.next(); v != null; v = records.next()) {
                fast.add(v);
                numbers.add(records.recordNumber());
            }
        }
        List<String[]> reference = new ArrayList<>();
        List<Long> referenceNumbers = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = format.parse(new StringReader(file))) {
            assertThat(header).isEqualTo(parser.getHeaderMap());
            for (CSVRecord r : parser) {
                reference.add(r.values());
                referenceNumbers.add(r.getRecordNumber());
            }
        }
        assertThat(fast).as("buffer %d", bufferSize).hasSameSizeAs(reference);
        for (int i = 0; i < fast.size(); i++) {
            assertThat(fast.get(i)).as("record %d, buffer %d", i + 1, bufferSize).containsExactly(reference.get(i));
        }
        assertThat(numbers).isEqualTo(referenceNumbers);
    }

    @Test
    void randomLinesOfCommasSpacesControlsAndNonAsciiReadAsCommonsCsvReadsThem() throws Exception {
        // no quotes (random ones make files Commons CSV itself rejects); every other kind of byte the
        // eight-at-a-time scan must notice, at every offset within a word
        String[] pieces = {",", ",", " ", "\t", "a", "1", "-", "\u00e9", "\u20ac", "\u0001", "\u007f", "xyz", "12.50"};
        String[] breaks = {"\n", "\r\n", "\r"};
        java.util.Random random = new java.util.Random(7);
        for (int file = 0; file < 60; file++) {
            // each file draws from some of the pieces, so that a line with only one odd kind of byte is common
            List<String> drawn = new ArrayList<>(List.of(",", "a"));
            for (String piece : pieces) {
                if (random.nextInt(3) == 0) {
                    drawn.add(piece);
                }
            }
            StringBuilder text = new StringBuilder("A,B,C\n");
            for (int line = 0; line < 30; line++) {
                int length = random.nextInt(40);
                for (int i = 0; i < length; i++) {
                    text.append(drawn.get(random.nextInt(drawn.size())));
                }
                text.append(breaks[random.nextInt(breaks.length)]);
            }
            assertSameAsCommonsCsv(text.toString(), 1 << 20);
            assertSameAsCommonsCsv(text.toString(), 5);
        }
    }

    /** UTF-8 bytes handed out one to three at a time. */
    private static java.io.InputStream trickle(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new java.io.InputStream() {
            private int position;

            @Override
            public int read() {
                return position < bytes.length ? bytes[position++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= bytes.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, 1 + position % 3), bytes.length - position);
                System.arraycopy(bytes, position, b, off, n);
                position += n;
                return n;
            }
        };
    }

    @Test
    void aPlainRecordsFieldsAreItsBytesAndJoinedTheyAreTheLine() throws Exception {
        String file = "A,B,C\n1,,three\n x,y,z\nq,\"u\",v\n";
        try (FastCsvRecords records = new FastCsvRecords(new java.io.ByteArrayInputStream(file.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)))) {
            assertThat(records.advance()).isTrue();
            assertThat(records.plain()).isTrue();
            assertThat(records.fieldCount()).isEqualTo(3);
            String line = new String(records.bytes(), records.lineStart(), records.lineEnd() - records.lineStart(),
                    java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(line).isEqualTo(String.join(",", records.values())).isEqualTo("1,,three");
            assertThat(new String(records.bytes(), records.start(2), records.end(2) - records.start(2),
                    java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("three");
            assertThat(records.advance()).isTrue();
            assertThat(records.plain()).as("a leading space is trimmed, so the line is not its values").isFalse();
            assertThat(records.values()).containsExactly("x", "y", "z");
            assertThat(records.advance()).isTrue();
            assertThat(records.plain()).as("quotes").isFalse();
            assertThat(records.values()).containsExactly("q", "u", "v");
            assertThat(records.advance()).isFalse();
        }
    }

    @Test
    void anUnterminatedQuoteIsAnError() {
        assertThatThrownBy(() -> {
            try (FastCsvRecords records = new FastCsvRecords(trickle("A,B\n\"open,1\n2,3\n"), 4)) {
                while (records.next() != null) {
                    // read to the end
                }
            }
        }).isInstanceOf(FastCsvRecords.MalformedCsvException.class);
    }

    @Test
    void plainAmountsGiveWhatBigDecimalGives() {
        String[][] cases = {{"5.00", "GBP"}, {"12.3", "EUR"}, {"0.07", "EUR"}, {"-2.5", "EUR"}, {"100", "JPY"},
            {"100.0", "JPY"}, {"1.230", "EUR"}, {"7.5", "BHD"}};
        for (String[] c : cases) {
            java.math.BigDecimal expected = new java.math.BigDecimal(c[0]).movePointRight(
                    java.util.Currency.getInstance(c[1]).getDefaultFractionDigits());
            assertThat(SettlementLineParser.minor(c[0], c[1], "amount")).as(c[0] + " " + c[1])
                    .isEqualTo(expected.longValueExact());
        }
        assertThatThrownBy(() -> SettlementLineParser.minor("12.345", "EUR", "Gross Credit (GC)"))
                .isInstanceOf(MalformedPayloadException.class);
        // not canonical decimals (MoneyParser): quarantined rather than guessed
        for (String odd : new String[] {"1,5", "1.", ".5", "+3"}) {
            assertThatThrownBy(() -> SettlementLineParser.minor(odd, "EUR", "amount")).as(odd)
                    .isInstanceOf(MalformedPayloadException.class);
        }
    }
}
