package dev.paydesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/paydesk triage train | eval | classify} on the fixture taxonomy. */
class TriageCliTests {

    @TempDir
    Path dir;

    @Test
    void trainEvaluateAndClassifyFromFiles() throws Exception {
        Path train = copy("/triage/fixture-taxonomy.csv");
        Path holdout = copy("/triage/fixture-holdout.csv");
        Path model = dir.resolve("fixture.model");

        String trained = run(0, "triage", "train", "--data", train.toString(), "--shots", "8", "--seed", "3", "--out", model.toString());
        assertThat(trained).contains("Trained on 40 texts, 5 categories");
        assertThat(model).isNotEmptyFile();

        String json = run(0, "triage", "eval", "--model", model.toString(), "--data", holdout.toString(), "--json");
        assertThat(json).containsPattern("\"accuracy\":(0\\.[6-9]|1\\.0)").contains("\"macro_f1\":").contains("\"texts_per_s\":");

        String classified = run(0, "triage", "classify", "--model", model.toString(), "I was charged twice for my order");
        assertThat(classified.lines().findFirst()).hasValueSatisfying(line -> assertThat(line).startsWith("double_charge"));
        assertThat(classified.lines().count()).isEqualTo(3);

        run(2, "triage", "eval", "--model", model.toString());
    }

    @Test
    void incidentDetectionRunsForAGivenHour() {
        String out = run(0, "triage", "incidents", "--hour", "2030-06-01T00:00:00Z");
        assertThat(out).contains("2030-06-01T00:00:00Z: 0 incident(s)");
    }

    private Path copy(String resource) throws Exception {
        Path target = dir.resolve(Path.of(resource).getFileName().toString());
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }

    private static String run(int expectedExit, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = PaydeskCli.run(args);
        } finally {
            System.setOut(original);
        }
        // the command's own output, without log lines that other application contexts of this test JVM
        // (their schedulers) print to the same System.out meanwhile
        String out = buffer.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> !line.matches("^\\d{4}-\\d{2}-\\d{2}T\\S+\\s+(TRACE|DEBUG|INFO|WARN|ERROR)\\s.*"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(exit).as(out).isEqualTo(expectedExit);
        return out;
    }
}
