package dev.paydesk.quality.checks;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Guesses a reply's language from frequent function words; null when too short or undecided. */
final class ReplyLanguage {

    private static final Map<String, Set<String>> WORDS = Map.of(
            "en", Set.of("the", "and", "you", "your", "is", "we", "to", "of", "for", "have", "with", "this", "please"),
            "de", Set.of("der", "die", "das", "und", "sie", "ihr", "ihre", "ist", "wir", "zu", "für", "mit", "bitte", "nicht", "ihnen"),
            "fr", Set.of("le", "la", "les", "et", "vous", "votre", "est", "nous", "pour", "avec", "merci", "pas", "des"),
            "es", Set.of("el", "los", "las", "y", "usted", "su", "es", "nosotros", "para", "con", "gracias", "por", "que"),
            "it", Set.of("il", "gli", "e", "lei", "suo", "sua", "è", "noi", "per", "con", "grazie", "non", "che"),
            "nl", Set.of("de", "het", "en", "u", "uw", "is", "wij", "voor", "met", "bedankt", "niet", "een"));
    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");

    private ReplyLanguage() {
    }

    static @Nullable String guess(String text) {
        Map<String, Integer> hits = new java.util.HashMap<>();
        var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        int words = 0;
        while (m.find()) {
            words++;
            String w = m.group();
            WORDS.forEach((lang, set) -> {
                if (set.contains(w)) {
                    hits.merge(lang, 1, Integer::sum);
                }
            });
        }
        if (words < 4) {
            return null;
        }
        var ranked = hits.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).toList();
        if (ranked.isEmpty() || ranked.getFirst().getValue() < 2
                || (ranked.size() > 1 && ranked.get(1).getValue().equals(ranked.getFirst().getValue()))) {
            return null;
        }
        return ranked.getFirst().getKey();
    }
}
