package dev.paydesk.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The words as the scope query's SQL defines them: {@code regexp_split_to_table(concat_ws(' ', merchant,
 * modification), '[^A-Za-z0-9_/-]+')} for texts matching {@code [^A-Za-z0-9_/-]} (expected sets written
 * by hand from that definition).
 */
class RemittanceWordsTests {

    private static Set<String> words(String merchant, String modification) {
        Set<String> words = new HashSet<>();
        RemittanceWords.add(merchant, modification, words);
        return words;
    }

    @Test
    void aPlainReferenceIsNoFreeText() {
        assertThat(words("ORD-1/A_b", null)).isEmpty();
        assertThat(words(null, "MOD-9")).isEmpty();
        assertThat(words(null, null)).isEmpty();
    }

    @Test
    void freeTextSplitsAtRunsOfOtherCharacters() {
        assertThat(words(null, "bank credit ORD-2, thanks")).containsExactlyInAnyOrder("bank", "credit", "ORD-2", "thanks");
        assertThat(words("x..y", null)).containsExactlyInAnyOrder("x", "y");
        assertThat(words(" ORD-3 ", null)).containsExactlyInAnyOrder("ORD-3");
    }

    @Test
    void twoReferencesAreJoinedBySpaceSoBothAreWords() {
        assertThat(words("ORD-1", "MOD-9")).containsExactlyInAnyOrder("ORD-1", "MOD-9");
        assertThat(words("ORD-1", "pay 7.50")).containsExactlyInAnyOrder("ORD-1", "pay", "7", "50");
    }
}
