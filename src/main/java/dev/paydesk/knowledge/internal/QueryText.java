package dev.paydesk.knowledge.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what a user typed into a PostgreSQL {@code tsquery} text: words only (letters and digits, so
 * nothing the user types is query syntax), any word OR-ed with its team's synonyms, all words OR-ed so
 * that a question in full sentences still finds articles (ranking rewards the ones matching most), the
 * last word as a prefix while typing.
 */
public final class QueryText {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final int MAX_WORDS = 24;

    private QueryText() {
    }

    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty() && words.size() < MAX_WORDS) {
                words.add(w);
            }
        }
        return words;
    }

    /** The tsquery text, or empty when the query has no words. */
    public static String tsquery(String text, List<List<String>> synonymGroups, boolean prefixLastWord) {
        return tsquery(text, synonymGroups, prefixLastWord, Set.of());
    }

    /** The tsquery text without the words in {@code drop} (e.g. words nearly every article contains). */
    public static String tsquery(String text, List<List<String>> synonymGroups, boolean prefixLastWord, Set<String> drop) {
        List<String> words = words(text);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            boolean prefix = prefixLastWord && i == words.size() - 1;
            if (!prefix && drop.contains(word)) {
                continue;
            }
            Set<String> alternatives = new LinkedHashSet<>();
            alternatives.add(prefix ? word + ":*" : word);
            for (List<String> group : synonymGroups) {
                if (group.stream().anyMatch(term -> term.equalsIgnoreCase(word))) {
                    group.forEach(term -> alternatives.add(phrase(term)));
                }
            }
            alternatives.remove("");
            parts.add(alternatives.size() == 1 ? alternatives.iterator().next() : "(" + String.join(" | ", alternatives) + ")");
        }
        return String.join(" | ", parts);
    }

    /** A synonym of several words is a phrase ("credit <-> not <-> processed"). */
    private static String phrase(String term) {
        return String.join(" <-> ", words(term));
    }
}
