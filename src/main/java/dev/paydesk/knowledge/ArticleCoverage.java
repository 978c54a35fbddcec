package dev.paydesk.knowledge;

import java.util.List;

/**
 * Which case categories the published articles cover, and in which markets, for reports outside this module
 * (insights lists categories with many cases but no article: the articles the team should write next).
 */
public interface ArticleCoverage {

    /** A published article's category tags and market tags (no markets: every market). */
    record Covered(String articleId, List<String> categories, List<String> markets) {

        public Covered {
            categories = List.copyOf(categories);
            markets = List.copyOf(markets);
        }

        /** Whether this article covers the category in the market. */
        public boolean covers(String category, String market) {
            return categories.contains(category) && (markets.isEmpty() || markets.contains(market));
        }
    }

    /** Every published article tagged with at least one category. */
    List<Covered> published();
}
