package dev.paydesk.payments.internal;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The words of a settlement line's free text that may be order references, exactly as the scope
 * query of {@link JdbcPaymentRecords} finds them in SQL: the merchant and modification references
 * joined by a space, split at runs of characters other than {@code A-Za-z0-9_/-}, and only when the
 * text contains such a character (a plain reference is not free text).
 */
final class RemittanceWords {

    private RemittanceWords() {
    }

    static void add(@Nullable String merchantReference, @Nullable String modificationReference, Set<String> words) {
        if (merchantReference != null && modificationReference != null) {
            // the joining space makes the text free text: the words of both, without building the joined text
            split(merchantReference, words);
            split(modificationReference, words);
            return;
        }
        String text = merchantReference == null ? modificationReference : merchantReference;
        if (text == null) {
            return;
        }
        int length = text.length();
        int i = 0;
        while (i < length && isWordChar(text.charAt(i))) {
            i++;
        }
        if (i < length) {
            split(text, words);
        }
    }

    private static void split(String text, Set<String> words) {
        int length = text.length();
        int start = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || !isWordChar(text.charAt(i))) {
                if (i > start) {
                    words.add(i - start == length ? text : text.substring(start, i));
                }
                start = i + 1;
            }
        }
    }

    private static boolean isWordChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '/'
                || c == '-';
    }
}
