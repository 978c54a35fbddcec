package dev.paydesk.knowledge;

/** A version of an article was published by a second person (its text is what search and cases now see). */
public record ArticlePublished(String articleId, int version, String author, String approver) {
}
