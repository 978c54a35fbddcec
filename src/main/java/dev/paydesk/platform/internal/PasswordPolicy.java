package dev.paydesk.platform.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.paydesk.shared.InvalidInputException;

/**
 * What a new password must be: at least 12 characters (and at most 72 bytes, BCrypt's limit), not
 * one character or a short unit repeated, not a run such as {@code abcdefghijkl}, not containing the
 * username, and neither on nor built on the list of most common passwords shipped in
 * {@code platform/common-passwords.txt}. Applies wherever a person chooses a password (change, and
 * initial passwords an administrator types); generated one-time passwords are random.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;
    private static final Set<String> COMMON = load("/platform/common-passwords.txt");

    private PasswordPolicy() {
    }

    /** Throws {@link InvalidInputException} on {@code field} naming the first rule the password breaks. */
    static void check(String field, String username, String password) {
        Optional<String> violation = violation(username, password);
        if (violation.isPresent()) {
            throw new InvalidInputException(field, violation.get());
        }
    }

    static boolean accepts(String username, String password) {
        return violation(username, password).isEmpty();
    }

    /** The first rule {@code password} breaks, in words, or empty when it is acceptable. */
    static Optional<String> violation(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("a password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("a password may have at most " + MAX_BYTES + " bytes");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (isTrivial(lower)) {
            return Optional.of("a password must not be one character or a short sequence repeated, nor a run like 'abcdef…'");
        }
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("a password must not contain the username");
        }
        if (isCommon(lower)) {
            return Optional.of("this password is among the most commonly used ones; choose another");
        }
        return Optional.empty();
    }

    static boolean isTrivial(String password) {
        if (password.chars().distinct().count() < 4) {
            return true;
        }
        int n = password.length();
        for (int period = 1; period <= n / 2; period++) {
            if (n % period == 0 && password.substring(0, period).repeat(n / period).equals(password)) {
                return true;
            }
        }
        int step = password.charAt(1) - password.charAt(0);
        if (Math.abs(step) != 1) {
            return false;
        }
        for (int i = 2; i < n; i++) {
            if (password.charAt(i) - password.charAt(i - 1) != step) {
                return false;
            }
        }
        return true;
    }

    static boolean isCommon(String lower) {
        String stem = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        String compact = lower.replaceAll("[^\\p{L}\\p{N}]", "");
        return COMMON.contains(lower) || COMMON.contains(compact) || (stem.length() >= 3 && COMMON.contains(stem));
    }

    private static Set<String> load(String resource) {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
