package dev.paydesk.knowledge.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.paydesk.cases.ArticleDirectory;
import dev.paydesk.shared.NotFoundException;

/**
 * Knowledge's side of the case desk's {@link ArticleDirectory}: the articles a reply macro links, shown on the
 * case page with their title in the case's language (a translation when there is one) and only when the reader
 * may see the article (its markets).
 */
@Component
class MacroArticles implements ArticleDirectory {

    private final Articles articles;
    private final KnowledgeService knowledge;

    MacroArticles(Articles articles, KnowledgeService knowledge) {
        this.articles = articles;
        this.knowledge = knowledge;
    }

    @Override
    public Optional<ArticleLink> article(String id, String language) {
        KnowledgeService.ArticleView view;
        try {
            view = knowledge.article(id);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        // a translation's title only once a second person published that draft
        String title = view.translations().stream().filter(t -> t.language().equals(language) && t.publishedBy() != null)
                .findFirst()
                .map(KnowledgeService.TranslationView::title).orElse(view.title());
        return Optional.of(new ArticleLink(id, title, "/knowledge/articles/" + id));
    }

    @Override
    public boolean exists(String id) {
        return articles.head(id).isPresent();
    }
}
