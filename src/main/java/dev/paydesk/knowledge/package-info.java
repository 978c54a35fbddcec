/**
 * Knowledge: Markdown articles (internal or customer-facing) tagged by market, language, method,
 * provider, category, queue and reason code; versions with diffs and four-eyes publishing;
 * translations that show when they fall behind their source; hybrid search (PostgreSQL full-text per
 * language plus sentence embeddings, fused by reciprocal rank). Depends on {@code platform} and on
 * the case desk's page SPI ({@code cases.CasePanel}): knowledge contributes its suggestions panel to
 * the case page, so the case desk does not depend on knowledge. An embedding model is plugged in
 * through {@link dev.paydesk.knowledge.TextEmbeddings} (implemented by triage).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge")
@org.jspecify.annotations.NullMarked
package dev.paydesk.knowledge;
