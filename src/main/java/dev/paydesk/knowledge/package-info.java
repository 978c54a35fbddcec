/**
 * Knowledge: Markdown articles (internal or customer-facing) tagged by market, language, method,
 * provider, category, queue and reason code; versions with diffs and four-eyes publishing;
 * translations that show when they fall behind their source; hybrid search (PostgreSQL full-text per
 * language plus sentence embeddings, fused by reciprocal rank). Depends on {@code platform} only:
 * the case page asks {@link dev.paydesk.knowledge.ArticleSuggestions}, and an embedding model is
 * plugged in through {@link dev.paydesk.knowledge.TextEmbeddings}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge")
@org.jspecify.annotations.NullMarked
package dev.paydesk.knowledge;
