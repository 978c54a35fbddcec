package dev.paydesk.insights.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.paydesk.insights.Insights;
import dev.paydesk.insights.KpiRequest;
import dev.paydesk.insights.KpiValue;
import dev.paydesk.shared.CliCommand;
import dev.paydesk.shared.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** {@code bin/paydesk insights kpis|rebuild}. */
@Component
@Command(name = "insights", mixinStandardHelpOptions = true, description = "KPIs from the rollups; rebuild the rollups.",
        subcommands = {InsightsCommand.Kpis.class, InsightsCommand.Rebuild.class, InsightsCommand.FxImport.class})
class InsightsCommand implements CliCommand, Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Component
    @Command(name = "kpis", mixinStandardHelpOptions = true,
            description = "Print the KPIs of the local days [from, to) (all markets unless --market).")
    static class Kpis implements Callable<Integer> {

        @Option(names = "--from", required = true, description = "first day, YYYY-MM-DD")
        String from;

        @Option(names = "--to", required = true, description = "day after the last, YYYY-MM-DD (exclusive)")
        String to;

        @Option(names = "--market")
        @Nullable String market;

        @Option(names = "--json", description = "print {\"kpis\":[...]} as the API does")
        boolean json;

        private final Insights insights;

        Kpis(Insights insights) {
            this.insights = insights;
        }

        @Override
        public Integer call() {
            List<KpiValue> kpis;
            try {
                kpis = insights.kpis(new KpiRequest(date("--from", from), date("--to", to), market, null, null, null,
                        null, null, null, null));
            } catch (InvalidInputException e) {
                System.err.println("insights kpis: " + e.getMessage());
                return 2;
            }
            if (json) {
                System.out.println(JsonMapper.builder().build().writeValueAsString(java.util.Map.of("kpis", kpis)));
                return 0;
            }
            System.out.printf(Locale.ROOT, "%-30s %14s %14s %-9s %8s%n", "kpi", "value", "previous", "unit", "records");
            for (KpiValue k : kpis) {
                System.out.printf(Locale.ROOT, "%-30s %14s %14s %-9s %8d%s%n", k.key(), format(k.value()),
                        format(k.previous()), k.unit(), k.sample(), k.note() == null ? "" : "  (" + k.note() + ")");
            }
            return 0;
        }

        private static LocalDate date(String option, String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidInputException(option, option + " '" + value + "' is not a date (YYYY-MM-DD)");
            }
        }

        private static String format(@Nullable Double v) {
            if (v == null) {
                return "-";
            }
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString(v.longValue())
                    : String.format(Locale.ROOT, "%.4f", v);
        }
    }

    @Component
    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = "Recompute every fact and rollup from the other modules (idempotent; safe while the server runs).")
    static class Rebuild implements Callable<Integer> {

        @Option(names = "--json")
        boolean json;

        private final Insights insights;

        Rebuild(Insights insights) {
            this.insights = insights;
        }

        @Override
        public Integer call() {
            Insights.RebuildSummary s = insights.rebuild();
            if (json) {
                System.out.printf(Locale.ROOT, "{\"cases\":%d,\"payment_movements\":%d,\"disputes\":%d,\"rebuild_s\":%.2f,"
                        + "\"warnings\":%d}%n", s.cases(), s.payments(), s.disputes(), s.seconds(), s.warnings().size());
            } else {
                System.out.printf(Locale.ROOT, "rebuilt insights from %d cases, %d captures and refunds, %d disputes in %.2f s%n",
                        s.cases(), s.payments(), s.disputes(), s.seconds());
                s.warnings().forEach(w -> System.out.println("warning: " + w));
            }
            return 0;
        }
    }

    @Component
    @Command(name = "fx-import", mixinStandardHelpOptions = true,
            description = "Import daily FX reference rates (ECB reference-rate CSV, or a manual table in that shape).")
    static class FxImport implements Callable<Integer> {

        @picocli.CommandLine.Parameters(index = "0", description = "the CSV file (e.g. eurofxref-hist.csv)")
        java.nio.file.Path file;

        private final dev.paydesk.insights.FxRateImport rates;

        FxImport(dev.paydesk.insights.FxRateImport rates) {
            this.rates = rates;
        }

        @Override
        public Integer call() throws Exception {
            try (java.io.Reader r = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
                int n = rates.importCsv(r, file.getFileName().toString());
                System.out.printf(Locale.ROOT, "imported %d FX rates from %s%n", n, file.getFileName());
                return 0;
            } catch (dev.paydesk.shared.InvalidInputException e) {
                System.err.println("fx-import: " + e.getMessage());
                return 2;
            }
        }
    }
}
