package dev.paydesk.knowledge.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.paydesk.knowledge.ArticleSuggestions;

/** Search for people (API, UI) and for the case page, over the live corpus with a team's synonyms. */
@Service
public class KnowledgeSearch implements ArticleSuggestions {

    public static final String DEFAULT_TEAM = "default";
    private static final int SUGGESTIONS = 3;

    private final SearchIndex index;
    private final Articles articles;

    KnowledgeSearch(SearchIndex index, Articles articles) {
        this.index = index;
        this.articles = articles;
    }

    public List<SearchIndex.Hit> search(String query, SearchIndex.Filters filters, @Nullable String team, int limit,
                                        boolean typing) {
        List<List<String>> synonyms = articles.synonyms(team == null || team.isBlank() ? DEFAULT_TEAM : team);
        return index.search(SearchIndex.LIVE, query, filters.scoped(MarketScope.current()), synonyms,
                Math.max(1, Math.min(limit, 50)), typing,
                SearchIndex.Mode.HYBRID);
    }

    @Override
    public List<Suggestion> forCase(@Nullable String category, @Nullable String text, @Nullable String method,
                                    @Nullable String market, @Nullable String language) {
        String query = ((category == null ? "" : category.replace('_', ' ')) + " " + (text == null ? "" : text)).trim();
        if (query.isEmpty()) {
            return List.of();
        }
        List<SearchIndex.Hit> hits = new ArrayList<>();
        if (language != null) {
            hits.addAll(search(query, new SearchIndex.Filters(market, language, method, null, null), null, SUGGESTIONS, false));
        }
        if (hits.size() < SUGGESTIONS) {
            for (SearchIndex.Hit hit : search(query, new SearchIndex.Filters(market, null, method, null, null), null, SUGGESTIONS, false)) {
                if (hits.size() < SUGGESTIONS && hits.stream().noneMatch(h -> h.articleId().equals(hit.articleId()))) {
                    hits.add(hit);
                }
            }
        }
        return hits.stream().map(h -> {
            boolean customer = h.audience().equals("CUSTOMER");
            return new Suggestion(h.articleId(), h.language(), h.title(), customer,
                    customer ? MarkdownRenderer.sanitise("<p>" + org.jsoup.nodes.Entities.escape(h.snippet()) + "</p>") : "",
                    "/knowledge/articles/" + h.articleId());
        }).toList();
    }
}
