package dev.paydesk.triage.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.paydesk.knowledge.TextEmbeddings;
import dev.paydesk.triage.classifier.SentenceEmbedder;

/**
 * Lends triage's sentence-embedding model (bge-small-en-v1.5, English only) to knowledge search, so
 * knowledge depends on no business module (triage already depends on cases, which asks knowledge).
 */
@Component
class KnowledgeEmbeddings implements TextEmbeddings {

    private final SentenceEmbedder embedder;

    KnowledgeEmbeddings(SentenceEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public String name() {
        return embedder.name();
    }

    @Override
    public List<String> languages() {
        return List.of("en");
    }

    @Override
    public float[][] embed(List<String> texts) {
        return embedder.embed(texts);
    }
}
