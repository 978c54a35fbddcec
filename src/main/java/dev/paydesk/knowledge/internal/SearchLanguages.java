package dev.paydesk.knowledge.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.paydesk.shared.InvalidInputException;

/**
 * The PostgreSQL text-search configuration per language: the stemming dictionaries PostgreSQL ships
 * for English, German, French, Dutch, Italian, Spanish and Swedish (and more); {@code simple} (no
 * stemming, no stop words) for every other language, e.g. Polish.
 */
public final class SearchLanguages {

    private static final Map<String, String> CONFIGS = Map.ofEntries(
            Map.entry("en", "english"), Map.entry("de", "german"), Map.entry("fr", "french"),
            Map.entry("nl", "dutch"), Map.entry("it", "italian"), Map.entry("es", "spanish"),
            Map.entry("sv", "swedish"), Map.entry("da", "danish"), Map.entry("fi", "finnish"),
            Map.entry("no", "norwegian"), Map.entry("pt", "portuguese"));

    /** Every configuration a document can have, for the per-configuration query. */
    static final List<String> ALL = List.of("english", "german", "french", "dutch", "italian", "spanish", "swedish",
            "danish", "finnish", "norwegian", "portuguese", "simple");

    private static final Pattern CODE = Pattern.compile("[a-z]{2}");

    private SearchLanguages() {
    }

    public static String config(String language) {
        return CONFIGS.getOrDefault(language, "simple");
    }

    /** A two-letter ISO 639-1 code, lower-cased; refused otherwise. */
    public static String code(String field, String language) {
        String code = language.trim().toLowerCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new InvalidInputException(field, "'" + language + "' is not a two-letter language code (ISO 639-1, e.g. en, de)");
        }
        return code;
    }
}
