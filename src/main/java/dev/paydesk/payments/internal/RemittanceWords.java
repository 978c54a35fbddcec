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
        String text = merchantReference == null ? modificationReference
                : modificationReference == null ? merchantReference : merchantReference + " " + modificationReference;
        if (text == null) {
            return;
        }
        int length = text.length();
        int i = 0;
        while (i < length && isWordChar(text.charAt(i))) {
            i++;
        }
        if (i == length) {
            return;
        }
        int start = 0;
        for (i = 0; i <= length; i++) {
            if (i == length || !isWordChar(text.charAt(i))) {
                if (i > start) {
                    words.add(text.substring(start, i));
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
