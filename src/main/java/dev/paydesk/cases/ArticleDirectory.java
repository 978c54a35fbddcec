package dev.paydesk.cases;

import java.util.Optional;

/**
 * Knowledge articles as the case desk refers to them: a reply macro may link articles, and the case page shows
 * those links next to the macro's text. The case desk owns this interface and the knowledge module implements
 * it, so cases does not depend on knowledge; without an implementation, macros cannot link articles.
 */
public interface ArticleDirectory {

    /**
     * The article as the signed-in user may see it, in the language asked for if it has a translation, or empty
     * when no such article exists or it lies outside the user's markets.
     */
    Optional<ArticleLink> article(String id, String language);

    /** Whether an article with this id exists at all (for checking a macro's links, whoever saves it). */
    boolean exists(String id);

    /** A link to an article: its id, title in the language found and the page that shows it. */
    record ArticleLink(String id, String title, String url) {
    }
}
