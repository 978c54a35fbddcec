package dev.paydesk.triage.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * Trains a {@link TextClassifier}. Probabilities are calibrated by temperature scaling (Guo et al.,
 * "On Calibration of Modern Neural Networks", ICML 2017) fitted on out-of-fold scores, so the
 * confidence that routes a case is a held-out estimate, not the training fit.
 */
public final class ClassifierTrainer {

    /**
     * Training options.
     *
     * @param neighbourTemperature τ of the nearest-neighbour vote (cosine units)
     * @param neighbourWeight weight of the vote's log share; 0 turns the vote off
     */
    public record Options(int calibrationFolds, float embeddingWeight, int minDf, int maxFeatures,
                          SoftmaxRegression.Settings settings, float neighbourTemperature, float neighbourWeight,
                          long seed) {

        /** Defaults chosen by 5-fold cross-validation on Banking77 (see docs/triage.md). */
        public static Options defaults() {
            return new Options(3, 2.0f, 2, 60_000, SoftmaxRegression.Settings.defaults(), 0.02f, 1.0f, 42);
        }

        public Options withSeed(long newSeed) {
            return new Options(calibrationFolds, embeddingWeight, minDf, maxFeatures, settings, neighbourTemperature,
                    neighbourWeight, newSeed);
        }

        public Options withoutCalibration() {
            return new Options(0, embeddingWeight, minDf, maxFeatures, settings, neighbourTemperature, neighbourWeight,
                    seed);
        }

        public Options withNeighbourVote(float temperature, float weight) {
            return new Options(calibrationFolds, embeddingWeight, minDf, maxFeatures, settings, temperature, weight,
                    seed);
        }
    }

    private final @Nullable SentenceEmbedder embedder;
    private final Options options;

    public ClassifierTrainer(@Nullable SentenceEmbedder embedder, Options options) {
        this.embedder = embedder;
        this.options = options;
    }

    public TextClassifier train(List<LabelledText> data) {
        return train(data, embedder == null ? null : embedder.embed(data.stream().map(LabelledText::text).toList()));
    }

    /** Trains with precomputed embeddings (row i belongs to data i), as cross-validation does. */
    public TextClassifier train(List<LabelledText> data, float @Nullable [][] embeddings) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("no training data");
        }
        List<String> categories = List.copyOf(new TreeSet<>(data.stream().map(LabelledText::category).toList()));
        float weight = embeddingWeight(data.size(), categories.size());
        TextClassifier fitted = fit(data, embeddings, categories, weight);
        double temperature = options.calibrationFolds() >= 2 && data.size() >= 2 * options.calibrationFolds()
                ? calibrate(data, embeddings, categories, weight) : 1.0;
        return new TextClassifier(categories, fitted.vectorizer(), embeddings == null ? null : embedder,
                fitted.embeddingWeight(), fitted.regression(), fitted.neighbours(), temperature);
    }

    /**
     * With few examples per category (under 30) the sentence embedding carries more of the signal than
     * the sparse lexical features, so it gets 1.5 times the weight (+0.7 points on 10-shot Banking77).
     */
    private float embeddingWeight(int rows, int categories) {
        return rows < 30 * categories ? options.embeddingWeight() * 1.5f : options.embeddingWeight();
    }

    private TextClassifier fit(List<LabelledText> data, float @Nullable [][] embeddings, List<String> categories, float weight) {
        List<String> texts = data.stream().map(LabelledText::text).toList();
        int minDf = data.size() < 2_000 ? 1 : options.minDf();
        TfidfVectorizer vectorizer = TfidfVectorizer.fit(texts, minDf, options.maxFeatures());
        List<SparseVector> x = new ArrayList<>(data.size());
        int[] y = new int[data.size()];
        for (int i = 0; i < data.size(); i++) {
            x.add(TextClassifier.features(vectorizer, texts.get(i), embeddings == null ? null : embeddings[i], weight));
            y[i] = categories.indexOf(data.get(i).category());
        }
        int features = vectorizer.features() + (embeddings == null ? 0 : embeddings[0].length);
        SoftmaxRegression regression = SoftmaxRegression.train(x, y, features, categories.size(),
                scaledToSize(options.settings(), data.size()), options.seed());
        NeighbourVote neighbours = embeddings == null || options.neighbourWeight() <= 0 ? null
                : NeighbourVote.of(embeddings, y, categories.size(), options.neighbourTemperature(), options.neighbourWeight());
        return new TextClassifier(categories, vectorizer, embeddings == null ? null : embedder, weight, regression,
                neighbours, 1.0);
    }

    /** Small training sets get more epochs so that SGD takes enough steps (at least about 30,000). */
    private static SoftmaxRegression.Settings scaledToSize(SoftmaxRegression.Settings settings, int rows) {
        int epochs = Math.max(settings.epochs(), Math.min(60, 30_000 / Math.max(1, rows)));
        return new SoftmaxRegression.Settings(epochs, settings.learningRate(), settings.l2());
    }

    private double calibrate(List<LabelledText> data, float @Nullable [][] embeddings, List<String> categories, float weight) {
        int[] fold = Sampling.stratifiedFolds(data, options.calibrationFolds(), options.seed() + 1);
        List<double[]> logits = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (int f = 0; f < options.calibrationFolds(); f++) {
            List<LabelledText> train = new ArrayList<>();
            List<float[]> trainEmbeddings = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (fold[i] != f) {
                    train.add(data.get(i));
                    if (embeddings != null) {
                        trainEmbeddings.add(embeddings[i]);
                    }
                }
            }
            TextClassifier model = fit(train, embeddings == null ? null : trainEmbeddings.toArray(float[][]::new),
                    categories, weight);
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (fold[i] == f) {
                    held.add(i);
                    truth.add(categories.indexOf(data.get(i).category()));
                }
            }
            logits.addAll(List.of(model.logits(held.stream().map(i -> data.get(i).text()).toList(),
                    embeddings == null ? null : held.stream().map(i -> embeddings[i]).toArray(float[][]::new))));
        }
        return TemperatureScaling.fit(logits, truth);
    }
}
