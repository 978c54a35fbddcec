package dev.paydesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

/** {@code bin/paydesk retention run} and {@code bin/paydesk privacy erase} as an operator runs them. */
class PrivacyCliTests {

    @Test
    void aRetentionDryRunPrintsOneJsonObject() {
        String out = run(0, "retention", "run", "--dry-run", "--json");
        String json = out.substring(out.indexOf('{'));
        assertThat((Boolean) JsonPath.read(json, "$.dry_run")).isTrue();
        assertThat((Integer) JsonPath.read(json, "$.total_records")).isNotNegative();
    }

    @Test
    void anErasureOfAnUnknownCustomerIsRefusedAndOneWithoutASecondPersonToo() {
        String unknown = run(1, "privacy", "erase", "--customer", "CUST-CLI-NOBODY", "--dry-run", "--json");
        assertThat(unknown).contains("\"refused\"").contains("holds no data about customer CUST-CLI-NOBODY");
        String alone = run(1, "privacy", "erase", "--customer", "CUST-CLI-NOBODY", "--json");
        assertThat(alone).contains("four eyes").contains("--request");
    }

    private static String run(int expectedExit, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int exit = PaydeskCli.run(args);
            String out = buffer.toString(StandardCharsets.UTF_8);
            assertThat(exit).as(out).isEqualTo(expectedExit);
            return out;
        } finally {
            System.setOut(original);
        }
    }
}
