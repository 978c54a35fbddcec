package dev.paydesk.platform.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) over HOTP (RFC 4226): the code for time step
 * {@code floor(unix seconds / 30)} is the dynamically truncated HMAC of the step's 8 big-endian bytes,
 * modulo 10^digits. Authenticator apps use HMAC-SHA1, 6 digits, 30 s; the RFC's test vectors use 8
 * digits and SHA1, SHA256 and SHA512. Secrets travel as unpadded Base32 (RFC 4648), as in
 * {@code otpauth://} URIs.
 */
final class Totp {

    static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;
    /** Codes of the previous and the next step count too (clock drift of up to 30 s either way). */
    static final int DRIFT_STEPS = 1;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code for one time step, zero-padded to {@code digits}. */
    static String code(byte[] secret, long step, int digits, String hmacAlgorithm) {
        try {
            Mac mac = Mac.getInstance(hmacAlgorithm);
            mac.init(new SecretKeySpec(secret, hmacAlgorithm));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int otp = binary % (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", otp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmacAlgorithm + " is not available", e);
        }
    }

    static String code(byte[] secret, Instant at) {
        return code(secret, step(at), DIGITS, "HmacSHA1");
    }

    /**
     * The time step within the allowed drift whose code {@code candidate} is, or empty. Compared in
     * constant time.
     */
    static OptionalLong matchingStep(byte[] secret, String candidate, Instant at) {
        String typed = candidate == null ? "" : candidate.replaceAll("\\s", "");
        if (!typed.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long now = step(at);
        for (long s = now - DRIFT_STEPS; s <= now + DRIFT_STEPS; s++) {
            if (MessageDigest.isEqual(code(secret, s, DIGITS, "HmacSHA1").getBytes(), typed.getBytes())) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    static byte[] fromBase32(String text) {
        String clean = text.replaceAll("[\\s=]", "").toUpperCase(java.util.Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not Base32: " + c);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
