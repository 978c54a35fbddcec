package dev.paydesk.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.paydesk.Fuzzing;
import dev.paydesk.shared.InvalidInputException;

/**
 * A camt.053 bank statement of any bytes: refused whole only as {@link InvalidInputException} (not a
 * camt.053 statement), an entry only as a bad entry with its reason; every entry is read or bad.
 */
class Camt053FuzzTests {

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET, maxExecutions = Fuzzing.MAX_EXECUTIONS)
    void readsEntriesOrReportsThemBad(byte[] xml) {
        Camt053Reader.Document document;
        try {
            document = Camt053Reader.read(xml);
        } catch (InvalidInputException refused) {
            return;
        }
        assertThat(document.bad()).allSatisfy(bad -> assertThat(bad.reason()).isNotBlank());
        assertThat(document.bad().size()).isLessThanOrEqualTo(document.entries());
        assertThat(document.movements()).allSatisfy(m -> assertThat(m.entryNumber()).isBetween(1, document.entries()));
    }
}
