package dev.paydesk.quality.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.paydesk.quality.alpha.AlphaException;
import dev.paydesk.quality.alpha.AlphaResult;
import dev.paydesk.quality.alpha.KrippendorffAlpha;
import dev.paydesk.quality.alpha.Level;
import dev.paydesk.shared.CliCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** {@code bin/paydesk quality alpha --data FILE --level LEVEL [--json]}: agreement between reviewers. */
@Component
@Command(name = "quality", mixinStandardHelpOptions = true, description = "Quality review tools.",
        subcommands = QualityCommand.Alpha.class)
class QualityCommand implements CliCommand, Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Component
    @Command(name = "alpha", mixinStandardHelpOptions = true,
            description = "Krippendorff's alpha of a CSV: one row per reviewer, one column per unit, empty (or *) = missing.")
    static class Alpha implements Callable<Integer> {

        @Option(names = "--data", required = true, description = "the CSV file")
        @Nullable Path data;

        @Option(names = "--level", required = true, description = "nominal, ordinal, interval or ratio")
        String level = "nominal";

        @Option(names = "--json", description = "print one JSON object")
        boolean json;

        PrintStream out = System.out;

        @Override
        public Integer call() {
            AlphaResult result;
            try {
                Level parsed = Level.parse(level);
                result = KrippendorffAlpha.compute(read(java.util.Objects.requireNonNull(data)), parsed);
            } catch (AlphaException e) {
                out.println(e.getMessage());
                return 2;
            } catch (IOException e) {
                out.println("cannot read " + data + ": " + e.getMessage());
                return 2;
            }
            if (json) {
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("alpha", Math.round(result.alpha() * 1e6) / 1e6);
                figures.put("units", result.units());
                figures.put("pairable_values", result.pairableValues());
                out.println(JsonMapper.builder().build().writeValueAsString(figures));
            } else {
                out.printf(Locale.ROOT, "alpha (%s)      %.4f%n", level.toLowerCase(Locale.ROOT), result.alpha());
                out.printf(Locale.ROOT, "units            %d (rated by two or more reviewers)%n", result.units());
                out.printf(Locale.ROOT, "pairable_values  %d%n", result.pairableValues());
                out.printf(Locale.ROOT, "disagreement     observed %.4f, expected %.4f%n", result.observed(), result.expected());
            }
            return 0;
        }

        /** Rows of cells; blank lines are skipped, surrounding quotes removed, empty or * is missing. */
        static List<List<@Nullable String>> read(Path file) throws IOException {
            List<List<@Nullable String>> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                List<@Nullable String> row = new ArrayList<>();
                for (String cell : line.split(",", -1)) {
                    String value = cell.trim();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1).trim();
                    }
                    row.add(value.isEmpty() || value.equals("*") ? null : value);
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
