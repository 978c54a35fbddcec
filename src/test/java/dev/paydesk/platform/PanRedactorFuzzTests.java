package dev.paydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.paydesk.Fuzzing;

/**
 * Card-number redaction on any text: it never fails, keeps the text's length, finds nothing left to
 * mask in its own output, and leaves no standalone run of 13 to 19 digits that is Luhn-valid with a
 * scheme's issuer prefix (checked here with an independent Luhn sum).
 */
class PanRedactorFuzzTests {

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET)
    void leavesNoCardNumber(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        PanRedactor.Redaction redaction = PanRedactor.scan(text);
        String out = redaction.text();
        assertThat(out).hasSameSizeAs(text);
        assertThat(redaction.masked() == 0).isEqualTo(out.equals(text));
        assertThat(PanRedactor.containsPan(out)).as("a card number is left in %s", out).isFalse();
        int i = 0;
        while (i < out.length()) {
            if (!digit(out.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < out.length() && digit(out.charAt(end))) {
                end++;
            }
            String run = out.substring(i, end);
            boolean standalone = (i == 0 || Character.isWhitespace(out.charAt(i - 1)))
                    && (end == out.length() || Character.isWhitespace(out.charAt(end)));
            if (standalone && run.length() >= 13 && run.length() <= 19 && luhn(run)) {
                assertThat(PanRedactor.isPlausiblePan(run)).as("unmasked card number %s in %s", run, out).isFalse();
            }
            i = end;
        }
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? d : (2 * d) / 10 + (2 * d) % 10;
        }
        return sum % 10 == 0;
    }
}
