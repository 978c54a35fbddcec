package dev.paydesk.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.paydesk.Fuzzing;

/**
 * An Adyen Settlement details report of any bytes: the reader refuses the file only with
 * {@link FastCsvRecords.MalformedCsvException} (which the import turns into a 400), refuses a line
 * only with {@link MalformedPayloadException} (the quarantine), and the byte-level path gives exactly
 * the rows, keys and refusals of the string parser. Without quotes the records are Commons CSV's.
 */
class AdyenSettlementFuzzTests {

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET, maxExecutions = Fuzzing.MAX_EXECUTIONS)
    void bytePathAgreesWithTheParser(byte[] file) throws Exception {
        AdyenEncoding.Encoded bytes;
        try {
            bytes = AdyenEncoding.encode(file, false);
        } catch (FastCsvRecords.MalformedCsvException refused) {
            return;
        }
        AdyenEncoding.Encoded strings = AdyenEncoding.encode(file, true);
        assertThat(bytes.rows()).hasSameSizeAs(strings.rows());
        for (int i = 0; i < bytes.rows().size(); i++) {
            assertThat(bytes.rows().get(i)).as("row %d", i).containsExactlyElementsOf(strings.rows().get(i));
        }
        assertThat(bytes.errors()).containsExactlyElementsOf(strings.errors());
        if (indexOf(file, (byte) '"') < 0) {
            assertSameRecordsAsCommonsCsv(file);
        }
    }

    private static void assertSameRecordsAsCommonsCsv(byte[] file) throws Exception {
        List<List<String>> fast = new ArrayList<>();
        try (FastCsvRecords records = new FastCsvRecords(new ByteArrayInputStream(file), 7)) {
            for (String[] v = records.next(); v != null; v = records.next()) {
                fast.add(List.of(v));
            }
        }
        List<List<String>> reference = new ArrayList<>();
        try (CSVParser parser = FastCsvRecords.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(file, StandardCharsets.UTF_8)))) {
            for (CSVRecord r : parser) {
                reference.add(r.toList());
            }
        }
        assertThat(fast).isEqualTo(reference);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
