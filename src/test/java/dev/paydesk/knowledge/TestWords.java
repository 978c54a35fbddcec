package dev.paydesk.knowledge;

import java.util.UUID;

/** Made-up words for full-text search tests: letters only, so the search's tokenizer keeps them whole. */
final class TestWords {

    private TestWords() {
    }

    /**
     * {@code prefix} and eight random letters (each hex digit of a random UUID as one of a–p). Dropping a
     * UUID's digits instead left fewer than six letters about once in a hundred runs.
     */
    static String unique(String prefix) {
        String hex = UUID.randomUUID().toString().replace("-", "");
        StringBuilder word = new StringBuilder(prefix);
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + Character.digit(hex.charAt(i), 16)));
        }
        return word.toString();
    }
}
