package dev.paydesk.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.mockito.Mockito;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.paydesk.Fuzzing;
import dev.paydesk.payments.ImportResult;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.shared.InvalidInputException;

/**
 * The Stripe, PayPal and Klarna settlement reports and the merchant's orders and refund-request
 * feeds, read from any bytes through {@link FileImportService#importFile} (statements answered by a
 * fake database): a file is refused whole only with an {@link InvalidInputException} (a 400 on
 * upload), a line only into the quarantine, and every line read is counted as added or bad.
 *
 * <p>Input: the first byte picks the kind of file, the rest is the file.
 */
class FileImportFuzzTests {

    private static final List<String> KINDS = List.of("stripe-balance", "paypal-settlement", "klarna-settlement",
            "orders", "refund-requests", "captures");

    private static final FileImportService IMPORTS = imports();

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET, maxExecutions = Fuzzing.MAX_EXECUTIONS)
    void refusesWholeFilesOnlyAsInvalidInput(byte[] input) {
        if (input.length == 0) {
            return;
        }
        String kind = KINDS.get((input[0] & 0xff) % KINDS.size());
        ImportResult result;
        try {
            result = IMPORTS.importFile(kind, "fuzz.csv", new ByteArrayInputStream(input, 1, input.length - 1));
        } catch (InvalidInputException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(result.rowsNew() + result.rowsQuarantined()).as("lines added or quarantined").isEqualTo(result.rowsRead());
    }

    private static FileImportService imports() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
        PaymentsStore store = new PaymentsStore(FakeJdbc.client());
        ReportImports reports = new ReportImports(FakeJdbc.client(), store, clock);
        return new FileImportService(FakeJdbc.client(), store, Mockito.mock(AuditLog.class), clock, reports, null, null,
                new dev.paydesk.platform.PanBoundary("fuzz-pan-hash-key-not-a-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new MerchantFeedImport(columns -> new CountingStage(), store, clock));
    }

    /** Takes the staged rows without a database; every row staged counts as added. */
    private static final class CountingStage implements FeedStage {
        private int rows;

        @Override
        public void write(byte[] bytes, int length) {
            for (int i = 0; i < length; i++) {
                rows += bytes[i] == '\n' ? 1 : 0;
            }
        }

        @Override
        public void end() {
        }

        @Override
        public void cancel() {
        }

        @Override
        public int moveInto(String statement) {
            return rows;
        }
    }
}
