package dev.paydesk.knowledge;

import java.util.List;

/**
 * A sentence-embedding model that knowledge search may use for its semantic half. Implemented by the
 * module that ships a model (triage), so knowledge depends on no other business module; without an
 * implementation search is full-text only.
 */
public interface TextEmbeddings {

    /** Identifies the model, e.g. {@code bge-small-en-v1.5-q}. */
    String name();

    /** Languages the model understands (ISO 639-1); documents and queries in other languages are full-text only. */
    List<String> languages();

    /** L2-normalised vectors, one per text. */
    float[][] embed(List<String> texts);
}
