package dev.paydesk.knowledge.internal;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** What an article is about. An empty list means "any" (an article for every market, say). */
public record Tags(List<String> markets, List<String> methods, List<String> providers, List<String> categories,
                   List<String> queues, List<String> reasonCodes) {

    public static final Tags NONE = new Tags(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public Tags {
        markets = clean(markets, true);
        methods = clean(methods, true);
        providers = clean(providers, true);
        categories = clean(categories, false);
        queues = clean(queues, false);
        reasonCodes = clean(reasonCodes, true);
    }

    private static List<String> clean(@Nullable List<String> values, boolean upper) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(v -> v != null && !v.isBlank())
                .map(v -> upper ? v.trim().toUpperCase(Locale.ROOT) : v.trim()).distinct().toList();
    }
}
