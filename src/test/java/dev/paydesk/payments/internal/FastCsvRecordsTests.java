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
        List<String[]> fast = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        java.util.Map<String, Integer> header;
        try (FastCsvRecords records = new FastCsvRecords(new StringReader(FILE))) {
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
        try (CSVParser parser = format.parse(new StringReader(FILE))) {
            assertThat(header).isEqualTo(parser.getHeaderMap());
            for (CSVRecord r : parser) {
                reference.add(r.values());
                referenceNumbers.add(r.getRecordNumber());
            }
        }
        assertThat(fast).hasSameSizeAs(reference);
        for (int i = 0; i < fast.size(); i++) {
            assertThat(fast.get(i)).as("record %d", i + 1).containsExactly(reference.get(i));
        }
        assertThat(numbers).isEqualTo(referenceNumbers);
    }

    @Test
    void anUnterminatedQuoteIsAnError() {
        assertThatThrownBy(() -> {
            try (FastCsvRecords records = new FastCsvRecords(new StringReader("A,B\n\"open,1\n2,3\n"))) {
                while (records.next() != null) {
                    // read to the end
                }
            }
        }).isInstanceOf(FastCsvRecords.MalformedCsvException.class);
    }

    @Test
    void plainAmountsGiveWhatBigDecimalGives() {
        String[][] cases = {{"5.00", "GBP"}, {"12.3", "EUR"}, {"0.07", "EUR"}, {"-2.5", "EUR"}, {"100", "JPY"},
            {"100.0", "JPY"}, {"1.", "EUR"}, {".5", "EUR"}, {"1.230", "EUR"}, {"7.5", "BHD"}, {"+3", "EUR"}};
        for (String[] c : cases) {
            java.math.BigDecimal expected = new java.math.BigDecimal(c[0]).movePointRight(
                    java.util.Currency.getInstance(c[1]).getDefaultFractionDigits());
            assertThat(SettlementLineParser.minor(c[0], c[1], "amount")).as(c[0] + " " + c[1])
                    .isEqualTo(expected.longValueExact());
        }
        assertThatThrownBy(() -> SettlementLineParser.minor("12.345", "EUR", "Gross Credit (GC)"))
                .isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> SettlementLineParser.minor("1,5", "EUR", "amount"))
                .isInstanceOf(MalformedPayloadException.class);
    }
}
