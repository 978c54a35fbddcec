package dev.paydesk.triage.classifier;

import java.util.List;

/** Turns texts into dense, L2-normalised sentence vectors. */
public interface SentenceEmbedder {

    /** Identifies the model; saved with a classifier so a model file is only used with its embedder. */
    String name();

    int dimensions();

    float[][] embed(List<String> texts);
}
