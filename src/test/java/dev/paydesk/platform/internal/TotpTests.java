package dev.paydesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** TOTP against the published test vectors, without Spring. */
class TotpTests {

    private static final byte[] SEED_SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA512 = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238, Appendix B (test vectors: T0 = 0, X = 30 s, 8 digits; seeds as in its reference code). */
    @ParameterizedTest
    @CsvSource({
            "59,          94287082, 46119246, 90693936",
            "1111111109,  07081804, 68084774, 25091201",
            "1111111111,  14050471, 67062674, 99943326",
            "1234567890,  89005924, 91819424, 93441116",
            "2000000000,  69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void matchesRfc6238AppendixB(long unixSeconds, String sha1, String sha256, String sha512) {
        long step = Totp.step(Instant.ofEpochSecond(unixSeconds));
        assertThat(Totp.code(SEED_SHA1, step, 8, "HmacSHA1")).isEqualTo(sha1);
        assertThat(Totp.code(SEED_SHA256, step, 8, "HmacSHA256")).isEqualTo(sha256);
        assertThat(Totp.code(SEED_SHA512, step, 8, "HmacSHA512")).isEqualTo(sha512);
    }

    /** RFC 4226, Appendix D: HOTP values of the same SHA1 secret for counters 0..9 (6 digits). */
    @Test
    void matchesRfc4226AppendixD() {
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
                "399871", "520489"};
        for (int counter = 0; counter < expected.length; counter++) {
            assertThat(Totp.code(SEED_SHA1, counter, 6, "HmacSHA1")).as("counter %d", counter).isEqualTo(expected[counter]);
        }
    }

    @Test
    void acceptsTheNeighbouringStepsOnlyAndTellsWhichStepMatched() {
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.step(now);
        String previous = Totp.code(SEED_SHA1, step - 1, 6, "HmacSHA1");
        assertThat(Totp.matchingStep(SEED_SHA1, previous, now)).hasValue(step - 1);
        assertThat(Totp.matchingStep(SEED_SHA1, Totp.code(SEED_SHA1, now), now)).hasValue(step);
        assertThat(Totp.matchingStep(SEED_SHA1, Totp.code(SEED_SHA1, step - 2, 6, "HmacSHA1"), now)).isEmpty();
        assertThat(Totp.matchingStep(SEED_SHA1, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(SEED_SHA1, null, now)).isEmpty();
    }

    /** RFC 4648, section 10: BASE32("foobar") = "MZXW6YTBOI======" (Paydesk writes it unpadded). */
    @Test
    void base32FollowsRfc4648() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(new String(Totp.fromBase32("MZXW6YTBOI======"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        assertThat(Totp.fromBase32(Totp.base32(SEED_SHA512))).isEqualTo(SEED_SHA512);
    }
}
