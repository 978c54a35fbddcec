package dev.paydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/** The boundary's two rules (mask for text, mask plus keyed hash for keys) and its readers. */
class PanBoundaryTests {

    private static final String KEY = "pan-boundary-test-key-0123456789";
    private final PanBoundary boundary = new PanBoundary(KEY.getBytes(StandardCharsets.UTF_8));

    @Test
    void aKeyIsTheMaskPlusTheFirstEightHexOfTheHmacOverTheDigits() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "411111******1111#" + HexFormat.of().formatHex(mac.doFinal(
                "4111111111111111".getBytes(StandardCharsets.US_ASCII))).substring(0, 8);

        assertThat(boundary.key("4111111111111111")).isEqualTo(expected);
        assertThat(boundary.key("4111 1111 1111 1111")).as("any separator form, one identity").isEqualTo(expected);
        assertThat(boundary.key("4111-1111-1111-1111")).isEqualTo(expected);
        assertThat(boundary.key("<4111111111111111@mail.example>")).isEqualTo("<" + expected + "@mail.example>");
    }

    @Test
    void twoCardNumbersWithTheSameMaskStayDifferentKeys() {
        // 5555 55xx xxxx 4444 with another middle: Luhn-valid as well (check digit 4 kept, middle adjusted)
        String first = "5555555555554444";
        String second = sameMaskTwin(first);
        assertThat(PanRedactor.containsPan(second)).isTrue();
        assertThat(boundary.key(first).substring(0, 16)).isEqualTo(boundary.key(second).substring(0, 16));
        assertThat(boundary.key(first)).isNotEqualTo(boundary.key(second));
        assertThat(boundary.key("4111110000001111")).as("Luhn-invalid: not a card number").isEqualTo("4111110000001111");
    }

    /** The first other number with the same first six and last four that is Luhn-valid. */
    private static String sameMaskTwin(String pan) {
        for (int middle = 0; middle < 1_000_000; middle++) {
            String candidate = pan.substring(0, 6) + "%06d".formatted(middle) + pan.substring(12);
            if (!candidate.equals(pan) && PanRedactor.luhnValid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no twin for " + pan);
    }

    @Test
    void anotherHashKeyGivesAnotherIdentity() {
        PanBoundary other = new PanBoundary("another-key-of-sixteen-bytes-or-more".getBytes(StandardCharsets.UTF_8));
        assertThat(other.key("4111111111111111")).isNotEqualTo(boundary.key("4111111111111111"));
    }

    @Test
    void freeTextIsMaskedAndAValueThatIsOnlyACardNumberIsAKey() {
        assertThat(boundary.text("card 4111 1111 1111 1111, order 12345678"))
                .isEqualTo("card 4111 11** **** 1111, order 12345678");
        assertThat(boundary.text(" 4111 1111 1111 1111 ")).isEqualTo(" " + boundary.key("4111111111111111") + " ");
        assertThat(boundary.text("no card here, IBAN DE89 3704 0044 0532 0130 00")).isSameAs(
                "no card here, IBAN DE89 3704 0044 0532 0130 00");
    }

    @Test
    void namesDecideKeysAndSecretsAreLeftAlone() {
        assertThat(boundary.named("customerRef", "ref 4111111111111111")).isEqualTo("ref " + boundary.key("4111111111111111"));
        assertThat(boundary.named("merchantReference", "A 4111111111111111")).contains("#");
        assertThat(boundary.named("customer_email", "4111111111111111@example.com")).contains("#");
        assertThat(boundary.named("description", "A 4111111111111111")).isEqualTo("A 411111******1111");
        assertThat(boundary.named("newPassword", "4111111111111111")).isEqualTo("4111111111111111");
        assertThat(boundary.named("_csrf", "4111111111111111")).isEqualTo("4111111111111111");
    }

    @Test
    void aJsonDocumentIsRedactedValueByValueAndKeepsItsNumbers() {
        String body = """
                {"id": "4111111111111111", "amount": 1050, "fee": 10.50, "rate": 1.0E+3,
                 "data": {"object": {"customer": "cus 5555 5555 5555 4444", "description": "card 4111-1111-1111-1111",
                   "metadata": {"4111111111111111": "x", "order_id": "ORD-1"}, "card": 4012888888881881,
                   "items": ["4111111111111111", "fine"]}}}""";
        String redacted = boundary.json(body);
        assertThat(redacted).doesNotContain("4111111111111111", "5555 5555 5555 4444", "4111-1111-1111-1111",
                "4012888888881881");
        assertThat(redacted).contains("\"id\":\"" + boundary.key("4111111111111111") + "\"")
                .contains("\"customer\":\"cus " + boundary.key("5555555555554444") + "\"")
                .contains("\"description\":\"card 4111-11**-****-1111\"")
                .contains("\"card\":\"" + boundary.key("4012888888881881") + "\"")
                .contains("\"fee\":10.50").contains("\"amount\":1050").contains("\"order_id\":\"ORD-1\"");
    }

    @Test
    void aJsonDocumentWithoutCardNumbersStaysByteForByte() {
        String body = "{ \"id\" : \"evt_1\",\n  \"amount\": 10.50, \"ref\": \"ORD-4111111111111111\" }";
        assertThat(boundary.json(body)).isSameAs(body);
    }

    @Test
    void aDocumentThatSkipsTheParseIsOneTheParseWouldLeaveAlone() {
        // random documents from fragments that build or break digit runs; whenever the first look lets a
        // document through unparsed, the full walk must leave it unchanged too
        String[] fragments = {"4111", "1111", "0000", "4012888888881881", "5555 5555", "-", " ", ".", ",", ":", "\"",
                "{", "}", "[", "]", "ab", "x9", "+", "@", "*", "\\u0034", "\\n", "DE89", "12", "7"};
        java.util.Random random = new java.util.Random(7);
        int skipped = 0;
        int walked = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder value = new StringBuilder();
            for (int k = random.nextInt(8); k >= 0; k--) {
                value.append(fragments[random.nextInt(fragments.length)]);
            }
            String body = random.nextBoolean()
                    ? "{\"note\": \"" + value.toString().replace("\"", "") + "\", \"n\": " + (random.nextInt(5) == 0 ? "4111111111111111" : "42") + "}"
                    : value.toString();
            if (PanJson.mayHidePan(body)) {
                walked++;
            } else {
                skipped++;
                assertThat(PanJson.walk(boundary, body)).as(body).isEqualTo(body);
            }
        }
        assertThat(skipped).isGreaterThan(1_000);
        assertThat(walked).isGreaterThan(1_000);
    }

    @Test
    void escapedDigitsAreFoundAndAnUnreadableBodyIsRedactedAsText() {
        assertThat(boundary.json("{\"note\": \"card \\u0034111111111111111\"}")).contains("411111******1111")
                .doesNotContain("u0034");
        assertThat(boundary.json("{not json 4111111111111111")).isEqualTo("{not json 411111******1111");
    }

    @Test
    void aFileIsRedactedLineByLineWithWholeFieldsAsKeys() throws IOException {
        String csv = "merchant_reference,market,note\n"
                + "4111111111111111,DE,\"paid with 5555 5555 5555 4444\"\n"
                + "ORD-1,DE,Grüße\n";
        String expected = "merchant_reference,market,note\n"
                + boundary.key("4111111111111111") + ",DE,\"paid with 5555 55** **** 4444\"\n"
                + "ORD-1,DE,Grüße\n";
        byte[] out = boundary.stream(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))).readAllBytes();
        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(expected);
        StringBuilder read = new StringBuilder();
        try (var reader = boundary.reader(new StringReader(csv))) {
            reader.transferTo(new java.io.StringWriter() {
                @Override
                public void write(char[] cbuf, int off, int len) {
                    read.append(cbuf, off, len);
                }
            });
        }
        assertThat(read.toString()).isEqualTo(expected);
        assertThat(new String(boundary.bytes("<Ustrd>4111111111111111</Ustrd>".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8)).isEqualTo("<Ustrd>" + boundary.key("4111111111111111") + "</Ustrd>");
    }

    @Test
    void aLongFileStreamsThroughWithEveryLineJudged() throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            csv.append(i).append(",plain row without a card,").append(i % 7 == 0 ? "4111111111111111" : "x").append('\n');
        }
        csv.append("last line without break 4111111111111111");
        byte[] out = boundary.stream(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8))).readAllBytes();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("4111111111111111");
        assertThat(text.lines().count()).isEqualTo(20_001);
        assertThat(text).endsWith("last line without break 411111******1111");
    }
}
