package dev.paydesk.triage;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A node of the team's taxonomy.
 *
 * @param code stable identifier the classifier predicts (e.g. {@code refund.missing})
 * @param parentCode the parent node, null for a top-level category
 * @param names display name per language code (e.g. {@code en}, {@code de})
 * @param defaultQueue where cases of this category go by default
 * @param sopRef the standard operating procedure (URL or document id)
 */
public record Category(String code, @Nullable String parentCode, Map<String, String> names, @Nullable String description,
                       @Nullable String defaultQueue, @Nullable String sopRef, boolean active, int version) {

    public Category {
        names = Map.copyOf(names);
    }

    /** The name in the language, else English, else the code. */
    public String name(@Nullable String language) {
        if (language != null && names.containsKey(language)) {
            return names.get(language);
        }
        return names.getOrDefault("en", code);
    }
}
