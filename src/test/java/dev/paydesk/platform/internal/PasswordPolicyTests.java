package dev.paydesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.paydesk.shared.InvalidInputException;

/** The password rules applied when a person chooses a password (change, reset follow-up). */
class PasswordPolicyTests {

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaa", "AAAAAAAAAAAAAAAA", "abababababab", "abcabcabcabc", "121212121212",
            "abcdabcdabcd", "abcdefghijkl", "lkjihgfedcba"})
    void oneCharacterRepeatsAndRunsAreRefused(String password) {
        assertThat(PasswordPolicy.violation("someone", password)).hasValueSatisfying(v -> assertThat(v).contains("repeated"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "elevenchars", ""})
    void fewerThanTwelveCharactersAreRefused(String password) {
        assertThat(PasswordPolicy.violation("someone", password)).hasValueSatisfying(v -> assertThat(v).contains("at least 12"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"anna.schmidt-2026", "my-ANNA.SCHMIDT-pass", "xxanna.schmidtxx"})
    void aPasswordContainingTheUsernameIsRefused(String password) {
        assertThat(PasswordPolicy.violation("anna.schmidt", password)).hasValueSatisfying(v -> assertThat(v).contains("username"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Password2026!", "password123456", "qwertyuiop123", "1q2w3e4r5t6y", "!!Welcome!!2026",
            "Passwort12345", "Letmein!!2026", "123456789012", "correcthorsebatterystaple", "P@ssw0rd12345", "iloveyou12345"})
    void commonPasswordsAndVariantsOfThemAreRefused(String password) {
        assertThat(PasswordPolicy.violation("someone", password)).hasValueSatisfying(v -> assertThat(v).contains("common"));
    }

    /**
     * Entries of zxcvbn's breach-derived list (MIT; see the header of platform/common-passwords.txt) that are
     * not in Paydesk's own first block: keyboard walks, a phrase, and a word with digits around it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1qaz2wsx3edc", "qazwsxedcrfv", "leavemealone", "Leave-Me-Alone", "2026sojdlg123aljg!!"})
    void breachedPasswordsFromTheBundledListAreRefused(String password) {
        assertThat(PasswordPolicy.violation("someone", password)).hasValueSatisfying(v -> assertThat(v).contains("common"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct-horse-battery", "ledger-otter-quietly-42", "Tr0ub4dor&3-mauve", "zürich-Fähre-1912"})
    void reasonablePasswordsAreAccepted(String password) {
        assertThat(PasswordPolicy.violation("someone", password)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void moreThanBcryptsSeventyTwoBytesIsRefusedInsteadOfFailing() {
        assertThat(PasswordPolicy.violation("someone", "ü".repeat(20) + "-horse-" + "ö".repeat(20)))
                .hasValueSatisfying(v -> assertThat(v).contains("72 bytes"));
    }

    @org.junit.jupiter.api.Test
    void aViolationIsAnInvalidInputNamingTheField() {
        assertThatThrownBy(() -> PasswordPolicy.check("newPassword", "someone", "aaaaaaaaaaaa"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("newPassword"));
    }

    @org.junit.jupiter.api.Test
    void generatedOneTimePasswordsPassThePolicy() {
        for (int i = 0; i < 200; i++) {
            assertThat(PasswordPolicy.violation("someone", UserService.generatePassword())).isEmpty();
        }
    }
}
