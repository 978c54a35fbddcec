package dev.paydesk.knowledge;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the case page asks knowledge for: the most relevant published articles for a case, from its
 * category, text and payment method, in the customer's language where one exists.
 */
public interface ArticleSuggestions {

    List<Suggestion> forCase(@Nullable String category, @Nullable String text, @Nullable String method,
                             @Nullable String market, @Nullable String language);

    /**
     * One suggested article. {@code snippetHtml} is sanitised HTML of its customer-facing text (empty
     * for internal articles), ready to insert into a reply.
     */
    record Suggestion(String articleId, String language, String title, boolean customerFacing, String snippetHtml,
                      String url) {
    }
}
