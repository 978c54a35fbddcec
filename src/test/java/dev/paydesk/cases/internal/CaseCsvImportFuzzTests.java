package dev.paydesk.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.mockito.Mockito;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.paydesk.Fuzzing;
import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseImport;

/**
 * The case CSV import on any text (the desk itself is a stand-in that takes every case): it never
 * throws, and each problem is an error with a line number and a message.
 */
class CaseCsvImportFuzzTests {

    private static final CaseCsvImport IMPORT = new CaseCsvImport(Mockito.mock(CaseDesk.class), new TransactionTemplate() {
        @Override
        public <T> T execute(TransactionCallback<T> action) {
            return action.doInTransaction(null);
        }
    }, new dev.paydesk.platform.PanBoundary("fuzz-pan-hash-key-not-a-secret".getBytes(StandardCharsets.UTF_8)));

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET, maxExecutions = Fuzzing.MAX_EXECUTIONS)
    void reportsBadRowsByLine(byte[] input) {
        CaseImport.Result result = IMPORT.importCsv(new StringReader(new String(input, StandardCharsets.UTF_8)));
        assertThat(result.created()).isZero(); // the stand-in desk answers no new case
        assertThat(result.errors()).allSatisfy(e -> {
            assertThat(e.line()).isNotNegative();
            assertThat(e.message()).isNotBlank();
        });
    }
}
