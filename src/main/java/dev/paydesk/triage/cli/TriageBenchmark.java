package dev.paydesk.triage.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;

import dev.paydesk.shared.BenchmarkCommand;
import dev.paydesk.triage.classifier.ClassifierTrainer;
import dev.paydesk.triage.classifier.CrossValidation;
import dev.paydesk.triage.classifier.LabelledCsv;
import dev.paydesk.triage.classifier.LabelledText;
import dev.paydesk.triage.classifier.SentenceEmbedder;
import dev.paydesk.triage.classifier.TextClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/paydesk bench triage --data FILE}: k-fold cross-validated accuracy and macro-F1 of the
 * classifier with all data and with K shots per category, against the lexical-only baseline
 * (TF-IDF + the same softmax regression); training time on all texts; classification throughput.
 */
@Component
@Command(name = "triage", mixinStandardHelpOptions = true,
        description = "Cross-validated classifier figures against a TF-IDF baseline, training time and throughput.")
class TriageBenchmark implements BenchmarkCommand, Callable<Integer> {

    @Option(names = "--data", required = true, description = "labelled text,category CSV (e.g. Banking77 train.csv)")
    Path data;

    @Option(names = "--folds", defaultValue = "5")
    int folds;

    @Option(names = "--shots", defaultValue = "10")
    int shots;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--json")
    boolean json;

    private final SentenceEmbedder embedder;

    TriageBenchmark(SentenceEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public Integer call() throws IOException {
        List<LabelledText> rows = LabelledCsv.read(data);
        List<String> texts = rows.stream().map(LabelledText::text).toList();
        ClassifierTrainer.Options options = ClassifierTrainer.Options.defaults().withSeed(seed);
        embedder.embed(texts.subList(0, Math.min(50, texts.size())));
        long start = System.nanoTime();
        float[][] embeddings = embedder.embed(texts);
        double embedSeconds = (System.nanoTime() - start) / 1e9;
        var baseline = CrossValidation.run(rows, null, Double.NaN, folds, null, seed, null, options);
        var baselineShots = CrossValidation.run(rows, null, Double.NaN, folds, shots, seed, null, options);
        var full = CrossValidation.run(rows, embeddings, rows.size() / embedSeconds, folds, null, seed, embedder, options);
        var fewShot = CrossValidation.run(rows, embeddings, rows.size() / embedSeconds, folds, shots, seed, embedder, options);
        long trainStart = System.nanoTime();
        TextClassifier model = new ClassifierTrainer(embedder, options).train(rows);
        double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
        List<String> sample = texts.subList(0, Math.min(2_000, texts.size()));
        long classifyStart = System.nanoTime();
        model.predict(sample);
        double textsPerSecond = sample.size() / ((System.nanoTime() - classifyStart) / 1e9);
        if (json) {
            System.out.printf(Locale.ROOT, "{\"texts\":%d,\"categories\":%d,\"folds\":%d,\"shots\":%d,"
                    + "\"accuracy\":%.4f,\"macro_f1\":%.4f,\"accuracy_shots\":%.4f,\"macro_f1_shots\":%.4f,"
                    + "\"baseline_tfidf_accuracy\":%.4f,\"baseline_tfidf_accuracy_shots\":%.4f,"
                    + "\"train_all_s\":%.1f,\"texts_per_s\":%.1f,\"processors\":%d}%n",
                    rows.size(), model.categories().size(), folds, shots, full.pooled().accuracy(), full.pooled().macroF1(),
                    fewShot.pooled().accuracy(), fewShot.pooled().macroF1(), baseline.pooled().accuracy(),
                    baselineShots.pooled().accuracy(), trainSeconds, textsPerSecond, Runtime.getRuntime().availableProcessors());
            return 0;
        }
        System.out.printf(Locale.ROOT, "%d texts, %d categories, %d-fold cross-validation, %d processors%n%n", rows.size(),
                model.categories().size(), folds, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-44s %10s %10s%n", "model", "accuracy", "macro-F1");
        row("TF-IDF + softmax regression (baseline)", baseline);
        row("TF-IDF + bge-small embedding (Paydesk)", full);
        row("baseline, " + shots + " shots per category", baselineShots);
        row("Paydesk, " + shots + " shots per category", fewShot);
        System.out.printf(Locale.ROOT, "%ntraining on all %d texts: %.1f s (incl. embedding and calibration)%n", rows.size(), trainSeconds);
        System.out.printf(Locale.ROOT, "classification throughput: %.0f texts/s%n", textsPerSecond);
        return 0;
    }

    private static void row(String label, CrossValidation.Result result) {
        System.out.printf(Locale.ROOT, "%-44s %9.2f%% %9.2f%%%n", label, result.pooled().accuracy() * 100,
                result.pooled().macroF1() * 100);
    }
}
