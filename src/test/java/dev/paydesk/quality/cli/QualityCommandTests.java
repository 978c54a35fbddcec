package dev.paydesk.quality.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class QualityCommandTests {

    @TempDir
    Path dir;

    record Run(int exit, String output) {
    }

    private Run run(String csv, String... args) throws IOException {
        Path file = dir.resolve("ratings.csv");
        Files.writeString(file, csv);
        QualityCommand.Alpha command = new QualityCommand.Alpha();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        command.out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = file.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = new CommandLine(command).execute(all);
        return new Run(exit, buffer.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsAlphaUnitsAndPairableValuesAsJson() throws IOException {
        // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": interval alpha .849, n.. = 40.
        Run run = run("1,2,3,3,2,1,4,1,2,,,\n1,2,3,3,2,2,4,1,2,5,,3\n,3,3,3,2,3,4,2,2,5,1,\n1,2,3,3,2,4,4,1,2,5,1,\n",
                "--level", "interval", "--json");
        assertThat(run.exit()).as(run.output()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(run.output());
        assertThat(json.propertyNames()).containsExactly("alpha", "units", "pairable_values");
        assertThat(json.get("alpha").asDouble()).isBetween(0.8485, 0.8495);
        assertThat(json.get("units").asInt()).isEqualTo(11);
        assertThat(json.get("pairable_values").asInt()).isEqualTo(40);
    }

    @Test
    void printsATableWithoutJson() throws IOException {
        Run run = run("1,2\n1,2\n", "--level", "nominal");
        assertThat(run.exit()).isZero();
        assertThat(run.output()).contains("alpha (nominal)").contains("1.0000");
    }

    @Test
    void badFilesExitWithTwoAndAClearMessage() throws IOException {
        Run unpaired = run("1,\n,2\n", "--level", "nominal");
        assertThat(unpaired.exit()).isEqualTo(2);
        assertThat(unpaired.output()).contains("no pairable values");
        Run ragged = run("1,2,3\n1,2\n", "--level", "ordinal");
        assertThat(ragged.exit()).isEqualTo(2);
        assertThat(ragged.output()).contains("ragged");
        Run text = run("1,2,good\n1,2,3\n", "--level", "ratio");
        assertThat(text.exit()).isEqualTo(2);
        assertThat(text.output()).contains("non-numeric rating 'good'");
        Run level = run("1,2\n1,2\n", "--level", "circular");
        assertThat(level.exit()).isEqualTo(2);
        assertThat(level.output()).contains("unknown level");
    }
}
