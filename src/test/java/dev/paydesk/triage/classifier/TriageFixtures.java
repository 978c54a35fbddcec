package dev.paydesk.triage.classifier;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** The small payments taxonomy used by triage tests (five categories, English and German). */
public final class TriageFixtures {

    /** One embedder per test JVM: loading the ONNX model takes about a second. */
    public static final SentenceEmbedder EMBEDDER = new BgeSmallEmbedder();

    private TriageFixtures() {
    }

    public static List<LabelledText> training() {
        return csv("/triage/fixture-taxonomy.csv");
    }

    /** Phrasings that do not occur in the training file. */
    public static List<LabelledText> holdout() {
        return csv("/triage/fixture-holdout.csv");
    }

    private static List<LabelledText> csv(String resource) {
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(TriageFixtures.class.getResourceAsStream(resource)),
                StandardCharsets.UTF_8)) {
            return LabelledCsv.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
