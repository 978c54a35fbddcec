package dev.paydesk.triage.classifier;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Stratified k-fold cross-validation. Sentence embeddings are computed once for all texts; each fold
 * trains on the other folds (optionally only K shots per category drawn from them) and is scored on
 * its own texts.
 */
public final class CrossValidation {

    /** Pooled out-of-fold scores plus per-fold accuracy, training and embedding time. */
    public record Result(Evaluation pooled, List<Double> foldAccuracy, double meanTrainSeconds,
                         double embeddingTextsPerSecond) {
    }

    private CrossValidation() {
    }

    public static Result run(List<LabelledText> data, int folds, @Nullable Integer shots, long seed,
                             @Nullable SentenceEmbedder embedder, ClassifierTrainer.Options options) {
        long embedStart = System.nanoTime();
        float[][] embeddings = embedder == null ? null : embedder.embed(data.stream().map(LabelledText::text).toList());
        double embedRate = embedder == null ? Double.NaN : data.size() / Math.max(1e-9, (System.nanoTime() - embedStart) / 1e9);
        return run(data, embeddings, embedRate, folds, shots, seed, embedder, options);
    }

    /** Cross-validates with embeddings computed beforehand (row i belongs to text i). */
    public static Result run(List<LabelledText> data, float @Nullable [][] embeddings, double embedRate, int folds,
                             @Nullable Integer shots, long seed, @Nullable SentenceEmbedder embedder,
                             ClassifierTrainer.Options options) {
        int[] fold = Sampling.stratifiedFolds(data, folds, seed);
        ClassifierTrainer trainer = new ClassifierTrainer(embedder, options.withoutCalibration());
        List<String> truth = new ArrayList<>();
        List<Prediction> predictions = new ArrayList<>();
        List<Double> accuracies = new ArrayList<>();
        double trainSeconds = 0;
        for (int f = 0; f < folds; f++) {
            List<Integer> trainRows = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (fold[i] != f) {
                    trainRows.add(i);
                }
            }
            if (shots != null) {
                trainRows = pickShots(data, trainRows, shots, seed + f);
            }
            List<LabelledText> train = trainRows.stream().map(data::get).toList();
            float[][] trainEmbeddings = embeddings == null ? null
                    : trainRows.stream().map(i -> embeddings[i]).toArray(float[][]::new);
            long start = System.nanoTime();
            TextClassifier model = trainer.train(train, trainEmbeddings);
            trainSeconds += (System.nanoTime() - start) / 1e9;
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (fold[i] == f) {
                    held.add(i);
                }
            }
            double[][] logits = model.logits(held.stream().map(i -> data.get(i).text()).toList(),
                    embeddings == null ? null : held.stream().map(i -> embeddings[i]).toArray(float[][]::new));
            int correct = 0;
            for (int k = 0; k < held.size(); k++) {
                Prediction p = model.toPrediction(logits[k], 1.0);
                String category = data.get(held.get(k)).category();
                truth.add(category);
                predictions.add(p);
                correct += p.category().equals(category) ? 1 : 0;
            }
            accuracies.add((double) correct / held.size());
        }
        return new Result(Evaluation.of(truth, predictions, Double.NaN), accuracies, trainSeconds / folds, embedRate);
    }

    private static List<Integer> pickShots(List<LabelledText> data, List<Integer> rows, int shots, long seed) {
        List<LabelledText> subset = rows.stream().map(data::get).toList();
        List<LabelledText> picked = Sampling.shots(subset, shots, seed);
        java.util.Set<LabelledText> chosen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        chosen.addAll(picked);
        return rows.stream().filter(i -> chosen.contains(data.get(i))).toList();
    }
}
