package dev.paydesk.triage.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.paydesk.triage.classifier.ClassifierTrainer;
import dev.paydesk.triage.classifier.CrossValidation;
import dev.paydesk.triage.classifier.LabelledCsv;
import dev.paydesk.triage.classifier.LabelledText;
import dev.paydesk.triage.classifier.SentenceEmbedder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/paydesk triage cv}: stratified k-fold cross-validation on a labelled CSV. */
@Component
@Command(name = "cv", mixinStandardHelpOptions = true,
        description = "Cross-validate the classifier on a text,category CSV (optionally few-shot).")
class CrossValidateCommand implements Callable<Integer> {

    @Option(names = "--data", required = true)
    Path data;

    @Option(names = "--folds", defaultValue = "5")
    int folds;

    @Option(names = "--shots", description = "train each fold on K examples per category")
    @Nullable Integer shots;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--lexical-only", description = "TF-IDF features only")
    boolean lexicalOnly;

    @Option(names = "--json")
    boolean json;

    private final SentenceEmbedder embedder;

    CrossValidateCommand(SentenceEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public Integer call() throws IOException {
        List<LabelledText> rows = LabelledCsv.read(data);
        CrossValidation.Result result = CrossValidation.run(rows, folds, shots, seed, lexicalOnly ? null : embedder,
                ClassifierTrainer.Options.defaults().withSeed(seed));
        double min = result.foldAccuracy().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = result.foldAccuracy().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (json) {
            System.out.printf(Locale.ROOT, "{\"texts\":%d,\"folds\":%d,\"shots\":%s,\"accuracy\":%.4f,\"macro_f1\":%.4f,"
                    + "\"fold_accuracy_min\":%.4f,\"fold_accuracy_max\":%.4f,\"train_s_per_fold\":%.1f,"
                    + "\"embedding_texts_per_s\":%s}%n", rows.size(), folds, shots == null ? "null" : shots,
                    result.pooled().accuracy(), result.pooled().macroF1(), min, max, result.meanTrainSeconds(),
                    Double.isNaN(result.embeddingTextsPerSecond()) ? "null"
                            : String.format(Locale.ROOT, "%.1f", result.embeddingTextsPerSecond()));
        } else {
            System.out.printf(Locale.ROOT, "%d-fold cross-validation on %d texts%s%n", folds, rows.size(),
                    shots == null ? "" : ", " + shots + " shots per category");
            Reports.print(result.pooled());
            System.out.printf(Locale.ROOT, "%nfold accuracy %.2f%% .. %.2f%%, training %.1f s per fold%s%n",
                    min * 100, max * 100, result.meanTrainSeconds(), Double.isNaN(result.embeddingTextsPerSecond()) ? ""
                            : String.format(Locale.ROOT, ", embedding %.0f texts/s", result.embeddingTextsPerSecond()));
        }
        return 0;
    }
}
