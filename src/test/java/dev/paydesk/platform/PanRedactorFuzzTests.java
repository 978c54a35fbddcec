package dev.paydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.paydesk.Fuzzing;

/**
 * Card-number redaction on any text: it never fails, keeps the text's length, finds nothing left to
 * mask in its own output, and leaves no group of 13 to 19 digits that is Luhn-valid (checked here
 * with an independent Luhn sum) with a scheme's issuer prefix, outside the documented exceptions.
 */
class PanRedactorFuzzTests {

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET, maxExecutions = Fuzzing.MAX_EXECUTIONS)
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
            List<String> groups = new ArrayList<>();
            int end = i;
            while (true) {
                int group = end;
                while (end < out.length() && digit(out.charAt(end))) {
                    end++;
                }
                groups.add(out.substring(group, end));
                if (end + 1 < out.length() && " -.".indexOf(out.charAt(end)) >= 0 && digit(out.charAt(end + 1))) {
                    end++;
                } else {
                    break;
                }
            }
            if (!exempt(out, i, end)) {
                for (String run : groups.subList(i > 0 && out.charAt(i - 1) == '+' ? 1 : 0, groups.size())) {
                    if (run.length() >= 13 && run.length() <= 19 && luhn(run)) {
                        assertThat(PanRedactor.isPlausiblePan(run)).as("unmasked card number %s in %s", run, out).isFalse();
                    }
                }
            }
            i = end;
        }
    }

    /**
     * The documented exceptions: digits joined to a word (IBANs, order ids, e-mail addresses) are left
     * alone; after a {@code +} the first group is a phone number's country code.
     */
    private static boolean exempt(String text, int start, int end) {
        char before = start == 0 ? ' ' : text.charAt(start - 1);
        char beforeThat = start < 2 ? ' ' : text.charAt(start - 2);
        char after = end == text.length() ? ' ' : text.charAt(end);
        return Character.isLetterOrDigit(before) || "_*@".indexOf(before) >= 0
                || "-/.".indexOf(before) >= 0 && Character.isLetterOrDigit(beforeThat)
                || Character.isLetter(after) || "_*@".indexOf(after) >= 0;
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
