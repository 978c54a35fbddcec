package dev.paydesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.paydesk.Fuzzing;

/**
 * Money input from any text: the parser accepts it or refuses it with an {@link InvalidInputException},
 * never another exception; what it accepts is in range, has the sign the field asks for, and reads
 * back to the same money when written out as a canonical decimal.
 *
 * <p>Input: the first byte picks the entry point and the sign, the rest is {@code amount\ncurrency}.
 */
class MoneyParserFuzzTests {

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET, maxExecutions = Fuzzing.MAX_EXECUTIONS)
    void parsesOrRefusesWithTheFieldNamed(byte[] input) {
        if (input.length == 0) {
            return;
        }
        MoneyParser.Sign sign = MoneyParser.Sign.values()[(input[0] & 0xff) / 3 % 3];
        String text = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String amount = newline < 0 ? text : text.substring(0, newline);
        String code = newline < 0 ? "EUR" : text.substring(newline + 1);
        try {
            switch ((input[0] & 0xff) % 3) {
                case 0 -> accepted(MoneyParser.decimal("amount", amount, "currency", code, sign), sign);
                case 1 -> {
                    Money money = MoneyParser.minorUnits("amount", amount, MoneyParser.currency("currency", code), sign);
                    accepted(money, sign);
                    assertThat(money.minor()).isEqualTo(Long.parseLong(amount));
                }
                default -> assertThat(MoneyParser.currency("currency", code).getCurrencyCode()).isEqualTo(code);
            }
        } catch (InvalidInputException refused) {
            assertThat(refused.field()).isIn("amount", "currency");
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    private static void accepted(Money money, MoneyParser.Sign sign) {
        assertThat(Math.abs(money.minor())).isLessThanOrEqualTo(MoneyParser.MAX_MINOR);
        switch (sign) {
            case POSITIVE -> assertThat(money.minor()).isPositive();
            case NON_NEGATIVE -> assertThat(money.minor()).isNotNegative();
            case ANY -> {
            }
        }
        String canonical = BigDecimal.valueOf(money.minor(), money.currency().getDefaultFractionDigits()).toPlainString();
        assertThat(MoneyParser.decimal("amount", canonical, money.currency(), sign)).isEqualTo(money);
    }
}
