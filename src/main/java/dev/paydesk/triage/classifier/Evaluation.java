package dev.paydesk.triage.classifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How well a classifier did on labelled texts.
 *
 * @param accuracy share of texts whose top category is right (0..1)
 * @param macroF1 unweighted mean of the per-category F1 scores (0..1)
 * @param textsPerSecond classification throughput during the evaluation
 * @param expectedCalibrationError mean |confidence − accuracy| over 10 confidence bins (0..1)
 * @param perCategory precision, recall, F1 and support per true category
 * @param confusions the most frequent (true, predicted) mistakes, most frequent first
 */
public record Evaluation(int texts, double accuracy, double macroF1, double textsPerSecond,
                         double expectedCalibrationError, List<CategoryScore> perCategory, List<Confusion> confusions) {

    public record CategoryScore(String category, double precision, double recall, double f1, int support) {
    }

    public record Confusion(String actual, String predicted, int count) {
    }

    public static Evaluation of(List<String> truth, List<Prediction> predictions, double textsPerSecond) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Integer> mistakes = new TreeMap<>();
        int correct = 0;
        double[] binConfidence = new double[10];
        int[] binCorrect = new int[10];
        int[] binCount = new int[10];
        for (int i = 0; i < truth.size(); i++) {
            String actual = truth.get(i);
            Prediction p = predictions.get(i);
            boolean right = actual.equals(p.category());
            counts.computeIfAbsent(actual, c -> new int[3])[2]++;
            counts.computeIfAbsent(p.category(), c -> new int[3])[1]++;
            if (right) {
                correct++;
                counts.get(actual)[0]++;
            } else {
                mistakes.merge(actual + "\u0000" + p.category(), 1, Integer::sum);
            }
            int bin = Math.min(9, (int) (p.confidence() * 10));
            binConfidence[bin] += p.confidence();
            binCorrect[bin] += right ? 1 : 0;
            binCount[bin]++;
        }
        List<CategoryScore> scores = categoryScores(counts, new TreeSet<>(truth));
        double macroF1 = scores.stream().mapToDouble(CategoryScore::f1).average().orElse(0);
        double ece = 0;
        for (int b = 0; b < 10; b++) {
            if (binCount[b] > 0) {
                ece += Math.abs(binConfidence[b] - binCorrect[b]) / truth.size();
            }
        }
        List<Confusion> confusions = mistakes.entrySet().stream()
                .map(e -> new Confusion(e.getKey().split("\u0000")[0], e.getKey().split("\u0000")[1], e.getValue()))
                .sorted(Comparator.comparingInt(Confusion::count).reversed()).limit(20).toList();
        double accuracy = truth.isEmpty() ? 0 : (double) correct / truth.size();
        return new Evaluation(truth.size(), accuracy, macroF1, textsPerSecond, ece, scores, confusions);
    }

    private static List<CategoryScore> categoryScores(Map<String, int[]> counts, TreeSet<String> actualCategories) {
        List<CategoryScore> scores = new ArrayList<>();
        for (String category : actualCategories) {
            int[] c = counts.get(category);
            double precision = c[1] == 0 ? 0 : (double) c[0] / c[1];
            double recall = c[2] == 0 ? 0 : (double) c[0] / c[2];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            scores.add(new CategoryScore(category, precision, recall, f1, c[2]));
        }
        return scores;
    }

    /** Classifies the texts and scores the answers, timing the classification. */
    public static Evaluation run(TextClassifier classifier, List<LabelledText> data) {
        List<String> texts = data.stream().map(LabelledText::text).toList();
        long start = System.nanoTime();
        List<Prediction> predictions = classifier.predict(texts);
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        return of(data.stream().map(LabelledText::category).toList(), predictions, texts.size() / seconds);
    }
}
