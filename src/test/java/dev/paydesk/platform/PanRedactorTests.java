package dev.paydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PanRedactorTests {

    /** Scheme prefixes and lengths from the schemes' public BIN ranges. */
    private record Scheme(String name, String[] prefixes, int[] lengths, int[] grouping) {
    }

    private static final List<Scheme> SCHEMES = List.of(
            new Scheme("visa", new String[] {"4", "411111", "4539", "4916"}, new int[] {13, 16, 19}, null),
            new Scheme("mastercard", new String[] {"51", "52", "53", "54", "55", "2221", "2500", "2720"}, new int[] {16}, null),
            new Scheme("amex", new String[] {"34", "37"}, new int[] {15}, new int[] {4, 6, 5}),
            new Scheme("discover", new String[] {"6011", "644", "649", "65"}, new int[] {16, 19}, null),
            new Scheme("jcb", new String[] {"3528", "3589", "3530"}, new int[] {16}, null),
            new Scheme("diners", new String[] {"300", "305", "36", "38", "39"}, new int[] {14, 16}, new int[] {4, 6, 4}),
            new Scheme("maestro", new String[] {"5018", "5020", "5893", "6304", "6759", "6761"}, new int[] {13, 16, 19}, null),
            new Scheme("unionpay", new String[] {"62", "6212"}, new int[] {16, 19}, null));

    private static final String[] TEMPLATES = {
        "%s", "My card is %s, please help.", "card: %s", "(%s)", "Karte %s wurde belastet.",
        "numéro\n%s\nmerci", "Charged twice on %s.", "PAN=%s;", "\"%s\"", "kaart %s\tbedankt"};

    private final Random random = new Random(20261123);

    @Test
    void masksThousandsOfGeneratedCardNumbersInVariedFormats() {
        int checked = 0;
        for (int round = 0; round < 400; round++) {
            for (Scheme scheme : SCHEMES) {
                String pan = generate(scheme);
                String written = format(pan, scheme);
                String template = TEMPLATES[random.nextInt(TEMPLATES.length)];
                String text = template.formatted(written);

                String redacted = PanRedactor.redact(text);

                String expected = template.formatted(expectedMask(written));
                assertThat(redacted).as("%s %s", scheme.name(), text).isEqualTo(expected);
                assertThat(redacted.replaceAll("\\D", "")).doesNotContain(pan);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(3200);
    }

    /** Found by the card-number sweep (seed 44531332798434): a 13-digit Visa written 4-4-5 in a camt.053 statement id. */
    @Test
    void masksThirteenDigitVisaNumbersInTheirPrintedLayouts() {
        // 4222222222222 is Visa's published 13-digit test number
        assertThat(PanRedactor.redact("card 4222 2222 22222")).isEqualTo("card 4222 22** *2222");
        assertThat(PanRedactor.redact("card 4222 222 222 222")).isEqualTo("card 4222 22* **2 222");
        assertThat(PanRedactor.redact("STMT-66e9d79c 4222 2222 22222-1")).isEqualTo("STMT-66e9d79c 4222 22** *2222-1");
    }

    @Test
    void masksToFirstSixLastFour() {
        assertThat(PanRedactor.redact("4111111111111111")).isEqualTo("411111******1111");
        assertThat(PanRedactor.redact("card 4111 1111 1111 1111 expired"))
                .isEqualTo("card 4111 11** **** 1111 expired");
        assertThat(PanRedactor.redact("amex 3782-822463-10005")).isEqualTo("amex 3782-82****-*0005");
    }

    @Test
    void masksSeveralNumbersInOneTextAndReportsTheCount() {
        var result = PanRedactor.scan("old 4111111111111111 new 5555 5555 5555 4444 on 2026-11-23");
        assertThat(result.masked()).isEqualTo(2);
        assertThat(result.text()).isEqualTo("old 411111******1111 new 5555 55** **** 4444 on 2026-11-23");
    }

    @Test
    void findsCardNumberNextToDateInOneRun() {
        assertThat(PanRedactor.redact("on 23.11.2026 4111 1111 1111 1111"))
                .isEqualTo("on 23.11.2026 4111 11** **** 1111");
    }

    @Test
    void findsCardNumbersAfterAWordBeforeASuffixAndAsAnEmailLocalPart() {
        assertThat(PanRedactor.redact("camt053 4111 1111 1111 1111.xml")).isEqualTo("camt053 4111 11** **** 1111.xml");
        assertThat(PanRedactor.redact("STMT-1 4111111111111111-1")).isEqualTo("STMT-1 411111******1111-1");
        assertThat(PanRedactor.redact("E2E 4111 1111 1111 1111-3a")).isEqualTo("E2E 4111 11** **** 1111-3a");
        assertThat(PanRedactor.redact("4111111111111111@example.com")).isEqualTo("411111******1111@example.com");
        assertThat(PanRedactor.redact("<4111111111111111@mail.example>")).isEqualTo("<411111******1111@mail.example>");
        assertThat(PanRedactor.redact("IBAN DE89 3704 0044 0532 0130 00 4111111111111111"))
                .isEqualTo("IBAN DE89 3704 0044 0532 0130 00 411111******1111");
    }

    @Test
    void findsCardNumberAfterAPhoneNumberOrFollowedByAStrayDigit() {
        // found by PanRedactorFuzzTests: a + swallowed the whole run, a short run was judged only as a whole
        assertThat(PanRedactor.redact("order +026-11-02 4111111111111111 ORD-1"))
                .isEqualTo("order +026-11-02 411111******1111 ORD-1");
        assertThat(PanRedactor.redact("Tel +49 30 1234567 4111 1111 1111 1111"))
                .isEqualTo("Tel +49 30 1234567 4111 11** **** 1111");
        assertThat(PanRedactor.redact("card 4111111111111111 1 item")).isEqualTo("card 411111******1111 1 item");
    }

    @Test
    void masksTwoCardNumbersThatShareAGroup() {
        // found by PanRedactorFuzzTests: 4111 1115 1111 4111 and 4111 1111 1111 1111 overlap; the second stayed readable
        assertThat(PanRedactor.redact("card 4111 1115 1111 4111 1111 1111 1111 refund"))
                .isEqualTo("card 4111 11** **** 4111 11** **** 1111 refund");
    }

    @Test
    void leavesLuhnInvalidNumbersAlone() {
        for (int i = 0; i < 2000; i++) {
            Scheme scheme = SCHEMES.get(random.nextInt(SCHEMES.size()));
            String pan = generate(scheme);
            int last = pan.charAt(pan.length() - 1) - '0';
            String broken = pan.substring(0, pan.length() - 1) + ((last + 1 + random.nextInt(9)) % 10);
            String text = "card " + format(broken, scheme) + " declined";
            assertThat(PanRedactor.redact(text)).as(text).isEqualTo(text);
        }
    }

    @Test
    void leavesLuhnValidNumbersWithImplausibleIssuerAlone() {
        for (int i = 0; i < 1000; i++) {
            String prefix = String.valueOf(random.nextBoolean() ? 1 : 7) + random.nextInt(10);
            String number = withLuhnDigit(prefix + digits(13 + random.nextInt(3)));
            assertThat(PanRedactor.redact("ref " + number)).isEqualTo("ref " + number);
        }
    }

    @Test
    void leavesGeneratedIbansAlone() {
        for (int i = 0; i < 1000; i++) {
            String iban = germanIban(digits(8), digits(10));
            String spaced = iban.replaceAll("(.{4})", "$1 ").trim();
            for (String text : List.of("IBAN " + iban, "IBAN: " + spaced, spaced + " please refund")) {
                assertThat(PanRedactor.redact(text)).as(text).isEqualTo(text);
            }
        }
        assertThat(PanRedactor.redact("DE89 3704 0044 0532 0130 00")).isEqualTo("DE89 3704 0044 0532 0130 00");
    }

    @Test
    void leavesPhoneNumbersOrderNumbersDatesAndEmbeddedDigitsAlone() {
        List<String> lookAlikes = List.of(
                "+49 30 1234567", "call +49 151 41111111 1111", "+44 20 7946 0958", "Tel. 030 1234567",
                "order 100234987", "ORD-4111111111111111", "order #2026-11-23-000123", "invoice 2026/4111111111111111",
                "x4111111111111111", "4111111111111111abc", "ref_4111111111111111", "tracking 1Z999AA10123456784",
                "2026-11-23", "23.11.2026 14:30", "2026-11-23T10:15:30Z", "amount 1.234.567,89 EUR",
                "4111 1111 1111", "41111111111111111111111", "user@4111111111111111.example",
                "sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        for (String text : lookAlikes) {
            assertThat(PanRedactor.redact(text)).as(text).isEqualTo(text);
        }
    }

    @Test
    void generatedOrderNumbersPhoneNumbersAndDatesStayUntouched() {
        for (int i = 0; i < 2000; i++) {
            String text = switch (i % 4) {
                case 0 -> "order " + digits(6 + random.nextInt(7));
                case 1 -> "+" + (1 + random.nextInt(98)) + " " + digits(2 + random.nextInt(3)) + " " + digits(7 + random.nextInt(5));
                case 2 -> "%04d-%02d-%02d %02d:%02d".formatted(1990 + random.nextInt(50), 1 + random.nextInt(12),
                        1 + random.nextInt(28), random.nextInt(24), random.nextInt(60));
                default -> "AB" + digits(14 + random.nextInt(4));
            };
            assertThat(PanRedactor.redact(text)).as(text).isEqualTo(text);
        }
    }

    @Test
    void scansALargeTextInLinearTime() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("customer writes about order ").append(digits(8)).append(" and card 4111111111111111. ");
        }
        long start = System.nanoTime();
        var result = PanRedactor.scan(text.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(result.masked()).isEqualTo(20_000);
        assertThat(millis).isLessThan(2_000);
    }

    private String generate(Scheme scheme) {
        String prefix = scheme.prefixes()[random.nextInt(scheme.prefixes().length)];
        int length = scheme.lengths()[random.nextInt(scheme.lengths().length)];
        return withLuhnDigit(prefix + digits(length - prefix.length() - 1));
    }

    private String format(String pan, Scheme scheme) {
        int style = random.nextInt(5);
        if (style == 0) {
            return pan;
        }
        String separator = switch (style) {
            case 1, 2 -> " ";
            case 3 -> "-";
            default -> ".";
        };
        int[] grouping = scheme.grouping() != null && pan.length() == 15 || scheme.grouping() != null && pan.length() == 14
                ? scheme.grouping() : null;
        StringBuilder out = new StringBuilder();
        int position = 0;
        int group = 0;
        while (position < pan.length()) {
            int size = grouping != null ? grouping[group++] : 4;
            int end = Math.min(pan.length(), position + size);
            if (position > 0) {
                out.append(separator);
            }
            out.append(pan, position, end);
            position = end;
        }
        return out.toString();
    }

    /** Independent of the redactor: masks digits 7..n-4 in the written form. */
    private static String expectedMask(String written) {
        int total = written.replaceAll("\\D", "").length();
        StringBuilder out = new StringBuilder();
        int seen = 0;
        for (char c : written.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                out.append(seen > 6 && seen <= total - 4 ? '*' : c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    /** Appends the Luhn check digit (ISO/IEC 7812-1 Annex B). */
    private static String withLuhnDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return body + (10 - sum % 10) % 10;
    }

    /** A German IBAN with the ISO 13616 mod-97 check digits. */
    private static String germanIban(String bankCode, String account) {
        String bban = bankCode + account;
        BigInteger numeric = new BigInteger(bban + "131400");
        int check = 98 - numeric.mod(BigInteger.valueOf(97)).intValue();
        return "DE%02d%s".formatted(check, bban);
    }
}
