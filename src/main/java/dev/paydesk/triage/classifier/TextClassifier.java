package dev.paydesk.triage.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;

/**
 * A trained classifier: TF-IDF features plus (optionally) a weighted sentence embedding, a softmax
 * regression over the union, (with an embedding) a soft nearest-neighbour vote over the training
 * texts' embeddings whose log share is added to the regression's log-probabilities, and a
 * temperature that calibrates the result. Immutable and thread-safe.
 */
public final class TextClassifier {

    static final int TOP = 3;
    /** Below this many texts the regression scores them on the caller's thread. */
    private static final int PARALLEL_FROM = 64;

    private final List<String> categories;
    private final TfidfVectorizer vectorizer;
    private final @Nullable SentenceEmbedder embedder;
    private final float embeddingWeight;
    private final SoftmaxRegression regression;
    private final @Nullable NeighbourVote neighbours;
    private final double temperature;

    TextClassifier(List<String> categories, TfidfVectorizer vectorizer, @Nullable SentenceEmbedder embedder,
                   float embeddingWeight, SoftmaxRegression regression, @Nullable NeighbourVote neighbours,
                   double temperature) {
        this.categories = List.copyOf(categories);
        this.vectorizer = vectorizer;
        this.embedder = embedder;
        this.embeddingWeight = embeddingWeight;
        this.regression = regression;
        this.neighbours = neighbours;
        this.temperature = temperature;
    }

    public List<String> categories() {
        return categories;
    }

    public double temperature() {
        return temperature;
    }

    public @Nullable String embedderName() {
        return embedder == null ? null : embedder.name();
    }

    public Prediction predict(String text) {
        return predict(List.of(text)).getFirst();
    }

    public List<Prediction> predict(List<String> texts) {
        float[][] embeddings = embedder == null ? null : embedder.embed(texts);
        double[][] logits = logits(texts, embeddings);
        List<Prediction> predictions = new ArrayList<>(texts.size());
        for (double[] row : logits) {
            predictions.add(toPrediction(row, temperature));
        }
        return predictions;
    }

    /** Uncalibrated scores (temperature 1) of texts whose embeddings are given (row i belongs to text i). */
    double[][] logits(List<String> texts, float @Nullable [][] embeddings) {
        double[][] logits = new double[texts.size()][];
        IntConsumer score = i -> logits[i] = regression.logits(
                features(vectorizer, texts.get(i), embeddings == null ? null : embeddings[i], embeddingWeight));
        if (texts.size() >= PARALLEL_FROM) {
            ParallelWork.forEach(texts.size(), score);
        } else {
            for (int i = 0; i < texts.size(); i++) {
                score.accept(i);
            }
        }
        if (neighbours != null && embeddings != null) {
            neighbours.addTo(embeddings, logits);
        }
        return logits;
    }

    double[] logits(String text, float @Nullable [] embedding) {
        return logits(List.of(text), embedding == null ? null : new float[][] {embedding})[0];
    }

    Prediction toPrediction(double[] logits, double t) {
        double[] p = new double[logits.length];
        for (int c = 0; c < p.length; c++) {
            p[c] = logits[c] / t;
        }
        SoftmaxRegression.softmaxInPlace(p);
        List<Prediction.Scored> top = new ArrayList<>(TOP);
        boolean[] taken = new boolean[p.length];
        for (int k = 0; k < Math.min(TOP, p.length); k++) {
            int best = -1;
            for (int c = 0; c < p.length; c++) {
                if (!taken[c] && (best < 0 || p[c] > p[best])) {
                    best = c;
                }
            }
            taken[best] = true;
            top.add(new Prediction.Scored(categories.get(best), p[best]));
        }
        return new Prediction(top.getFirst().category(), top.getFirst().probability(), top);
    }

    static SparseVector features(TfidfVectorizer vectorizer, String text, float @Nullable [] embedding, float weight) {
        SparseVector lexical = vectorizer.transform(text);
        if (embedding == null) {
            return lexical;
        }
        int n = lexical.size();
        int[] indices = java.util.Arrays.copyOf(lexical.indices(), n + embedding.length);
        float[] values = java.util.Arrays.copyOf(lexical.values(), n + embedding.length);
        int offset = vectorizer.features();
        for (int d = 0; d < embedding.length; d++) {
            indices[n + d] = offset + d;
            values[n + d] = embedding[d] * weight;
        }
        return new SparseVector(indices, values);
    }

    TfidfVectorizer vectorizer() {
        return vectorizer;
    }

    float embeddingWeight() {
        return embeddingWeight;
    }

    SoftmaxRegression regression() {
        return regression;
    }

    @Nullable NeighbourVote neighbours() {
        return neighbours;
    }
}
