package dev.paydesk.triage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.paydesk.shared.CliCommand;
import dev.paydesk.triage.classifier.ClassifierTrainer;
import dev.paydesk.triage.classifier.Evaluation;
import dev.paydesk.triage.classifier.LabelledCsv;
import dev.paydesk.triage.classifier.LabelledText;
import dev.paydesk.triage.classifier.ModelFile;
import dev.paydesk.triage.classifier.Prediction;
import dev.paydesk.triage.classifier.Sampling;
import dev.paydesk.triage.classifier.SentenceEmbedder;
import dev.paydesk.triage.classifier.TextClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bin/paydesk triage train|eval|classify|cv}. */
@Component
@Command(name = "triage", description = "Train, evaluate and try the case classifier.", mixinStandardHelpOptions = true,
        subcommands = {TriageCommand.Train.class, TriageCommand.Eval.class, TriageCommand.Classify.class,
            CrossValidateCommand.class, IncidentsCommand.class})
class TriageCommand implements CliCommand, Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    static List<LabelledText> load(Path data, @Nullable Integer shots, long seed) throws IOException {
        List<LabelledText> rows = LabelledCsv.read(data);
        return shots == null ? rows : Sampling.shots(rows, shots, seed);
    }

    @Component
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train a classifier on a text,category CSV and save it to a file.")
    static class Train implements Callable<Integer> {

        @Option(names = "--data", required = true, description = "CSV with header text,category")
        Path data;

        @Option(names = "--shots", description = "train on K examples per category")
        @Nullable Integer shots;

        @Option(names = "--seed", defaultValue = "42", description = "seed for sampling and training")
        long seed;

        @Option(names = "--out", required = true, description = "model file to write")
        Path out;

        @Option(names = "--lexical-only", description = "TF-IDF features only, no sentence embedding")
        boolean lexicalOnly;

        private final SentenceEmbedder embedder;

        Train(SentenceEmbedder embedder) {
            this.embedder = embedder;
        }

        @Override
        public Integer call() throws IOException {
            List<LabelledText> rows = load(data, shots, seed);
            long start = System.nanoTime();
            TextClassifier model = new ClassifierTrainer(lexicalOnly ? null : embedder,
                    ClassifierTrainer.Options.defaults().withSeed(seed)).train(rows);
            double seconds = (System.nanoTime() - start) / 1e9;
            try (OutputStream target = Files.newOutputStream(out)) {
                ModelFile.write(model, target);
            }
            System.out.printf("Trained on %d texts, %d categories in %.1f s (temperature %.3f) -> %s%n",
                    rows.size(), model.categories().size(), seconds, model.temperature(), out);
            return 0;
        }
    }

    @Component
    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Accuracy, macro-F1 and throughput of a model file on a labelled CSV.")
    static class Eval implements Callable<Integer> {

        @Option(names = "--model", required = true)
        Path model;

        @Option(names = "--data", required = true)
        Path data;

        @Option(names = "--json", description = "print one JSON object")
        boolean json;

        private final SentenceEmbedder embedder;

        Eval(SentenceEmbedder embedder) {
            this.embedder = embedder;
        }

        @Override
        public Integer call() throws IOException {
            TextClassifier classifier;
            try (InputStream source = Files.newInputStream(model)) {
                classifier = ModelFile.read(source, embedder);
            }
            List<LabelledText> rows = LabelledCsv.read(data);
            classifier.predict(rows.stream().limit(20).map(LabelledText::text).toList());
            Evaluation result = Evaluation.run(classifier, rows);
            if (json) {
                System.out.printf(java.util.Locale.ROOT,
                        "{\"texts\":%d,\"accuracy\":%.4f,\"macro_f1\":%.4f,\"texts_per_s\":%.1f,\"expected_calibration_error\":%.4f}%n",
                        result.texts(), result.accuracy(), result.macroF1(), result.textsPerSecond(),
                        result.expectedCalibrationError());
            } else {
                Reports.print(result);
            }
            return 0;
        }
    }

    @Component
    @Command(name = "classify", mixinStandardHelpOptions = true, description = "Classify one text with a model file.")
    static class Classify implements Callable<Integer> {

        @Option(names = "--model", required = true)
        Path model;

        @Parameters(index = "0", description = "the text")
        String text;

        private final SentenceEmbedder embedder;

        Classify(SentenceEmbedder embedder) {
            this.embedder = embedder;
        }

        @Override
        public Integer call() throws IOException {
            TextClassifier classifier;
            try (InputStream source = Files.newInputStream(model)) {
                classifier = ModelFile.read(source, embedder);
            }
            Prediction prediction = classifier.predict(text);
            for (Prediction.Scored scored : prediction.top()) {
                System.out.printf(java.util.Locale.ROOT, "%-40s %6.3f%n", scored.category(), scored.probability());
            }
            return 0;
        }
    }
}
